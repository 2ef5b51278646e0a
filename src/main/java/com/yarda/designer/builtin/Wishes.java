package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantCatalog;
import com.yarda.designer.builtin.Vocabulary.Intent;
import com.yarda.designer.builtin.Vocabulary.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A homeowner's feedback read into wishes with the {@link Vocabulary}: plain English, several wishes to a sentence,
 * negations ("no pond", "don't add trees") and plants by their common or botanical names. Pure: the same text always
 * reads the same.
 *
 * <p>Feedback is cut into clauses at sentence ends, commas and words such as "and" or "but". In each clause, in this
 * order: a forbidding phrase ("no more", "don't add") turns the wishes after it into their opposites; a keeping verb
 * keeps the things and plants after it; a removing verb ("remove", "no", "get rid of", "replace … with") removes
 * them; otherwise the clause's wishes are read from the table. A clause that only names things ("… and the lavender")
 * keeps or removes them as the clause before it did.
 *
 * @param understood the wishes, in the order they were written
 * @param unrecognised the clauses nothing was understood in, as written
 */
record Wishes(List<Wish> understood, List<String> unrecognised) {

    private static final Pattern SENTENCES = Pattern.compile("[.!?;\\n]+");
    private static final Pattern CLAUSES =
            Pattern.compile("(?i),|&|\\b(?:and|but|also|plus|then|while|as well as|although|though)\\b");
    private static final Pattern WITH = Vocabulary.words("with|by|for");
    private static final Pattern REPLACING = Vocabulary.words("replace|swap out");
    private static final Pattern ARTICLES =
            Pattern.compile("((the|a|an|my|our|those|these|that|this|all|any|of|too|as well) ?)*");

    private static final Names NAMES = Names.of(PlantCatalog.standard().all());

    Wishes {
        understood = List.copyOf(understood);
        unrecognised = List.copyOf(unrecognised);
    }

    /** Reads {@code feedback}; blank feedback has no wishes. */
    static Wishes read(String feedback) {
        List<Wish> understood = new ArrayList<>();
        List<String> unrecognised = new ArrayList<>();
        for (String sentence : SENTENCES.split(feedback)) {
            Intent carried = null;
            for (String clause : CLAUSES.split(sentence)) {
                String said = clause.strip();
                String text = normalise(said);
                if (text.isEmpty()) {
                    continue;
                }
                Clause read = new Clause(text, said, carried);
                carried = read.read(understood);
                if (!read.understood && !read.filler()) {
                    unrecognised.add(said);
                }
            }
        }
        return new Wishes(understood, unrecognised);
    }

    /** Lower case, apostrophes dropped ("don't" is "dont"), anything but letters and digits one space. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`]", "")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }

    /** One clause being read; {@link #understood} says whether anything in it was. */
    private static final class Clause {

        private final String text;
        private final String said;
        private final @Nullable Intent carried;
        private final boolean[] taken;
        private boolean understood;

        Clause(String text, String said, @Nullable Intent carried) {
            this.text = text;
            this.said = said;
            this.carried = carried;
            this.taken = new boolean[text.length()];
        }

        /** Adds the clause's wishes to {@code wishes}; returns the keeping or removing a next clause carries on. */
        @Nullable
        Intent read(List<Wish> wishes) {
            Matcher forbid = Vocabulary.FORBIDDING.matcher(text);
            if (forbid.find()) {
                // from the forbidding words on: "no more trees" forbids "more trees"
                for (Found found : intents(forbid.start(), text.length())) {
                    // "don't add a pool" asks for nothing the designer could do anyway
                    if (found.term().intent() != Intent.IMPOSSIBLE) {
                        wishes.add(new Wish(found.term().intent(), true, null, said, null));
                    }
                    understood = true;
                }
                if (understood) {
                    return null;
                }
            }
            Matcher keep = Vocabulary.KEEPING.matcher(text);
            if (keep.find()) {
                List<Wish.Subject> subjects = subjects(keep.end(), text.length());
                if (!subjects.isEmpty()) {
                    boolean not = Vocabulary.NEGATION
                            .matcher(text.substring(0, keep.start()))
                            .find();
                    Intent intent = not ? Intent.REMOVE : Intent.KEEP;
                    subjects.forEach(subject -> wishes.add(new Wish(intent, false, subject, said, null)));
                    addIntents(wishes, 0, keep.start());
                    understood = true;
                    return intent;
                }
            }
            Matcher remove = Vocabulary.REMOVING.matcher(text);
            while (remove.find()) {
                // "replace the lawn with a vegetable patch": what comes after "with" is a wish of its own
                int scope = text.length();
                if (REPLACING.matcher(remove.group()).matches()) {
                    Matcher with = WITH.matcher(text);
                    if (with.find(remove.end())) {
                        scope = with.start();
                    }
                }
                List<Wish.Subject> subjects = subjects(remove.end(), scope);
                if (!subjects.isEmpty()) {
                    subjects.forEach(subject -> wishes.add(new Wish(Intent.REMOVE, false, subject, said, null)));
                    addIntents(wishes, 0, remove.start());
                    addIntents(wishes, scope, text.length());
                    understood = true;
                    return Intent.REMOVE;
                }
            }
            // "keep the patio and the pond": a clause of nothing but names goes on keeping or removing
            if (carried != null && onlyNames()) {
                subjects(0, text.length())
                        .forEach(subject -> wishes.add(new Wish(carried, false, subject, said, null)));
                understood = true;
                return carried;
            }
            addIntents(wishes, 0, text.length());
            if (understood) {
                return null;
            }
            List<Wish.Subject> subjects = subjects(0, text.length());
            if (subjects.contains(new Wish.Thing(Vocabulary.Thing.STRUCTURES))) {
                wishes.add(new Wish(
                        Intent.IMPOSSIBLE,
                        false,
                        null,
                        said,
                        "the house, garage, driveway and boundaries are kept as they are"));
                understood = true;
            }
            return null;
        }

        /** Whether the clause names things or plants and says nothing else but articles, e.g. "the lavender". */
        private boolean onlyNames() {
            boolean[] before = taken.clone();
            List<Wish.Subject> subjects = subjects(0, text.length());
            String rest = rest();
            System.arraycopy(before, 0, taken, 0, taken.length);
            return !subjects.isEmpty() && ARTICLES.matcher(rest).matches();
        }

        /** The words no match has taken. */
        private String rest() {
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                rest.append(taken[i] ? ' ' : text.charAt(i));
            }
            return rest.toString().strip().replaceAll(" +", " ");
        }

        /** Whether the clause says nothing but pleasantries, e.g. "thanks!" or "I love it". */
        boolean filler() {
            return Arrays.stream(text.split(" ")).allMatch(Vocabulary.FILLER::contains);
        }

        private void addIntents(List<Wish> wishes, int from, int to) {
            for (Found found : intents(from, to)) {
                Term term = found.term();
                boolean negated = term.intent() != Intent.IMPOSSIBLE
                        && Vocabulary.NEGATION
                                .matcher(text.substring(0, found.start()))
                                .find();
                wishes.add(new Wish(term.intent(), negated, null, said, term.reason()));
                understood = true;
            }
        }

        /** The wishes of the table between {@code from} and {@code to}, one of each intent, in the clause's order. */
        private List<Found> intents(int from, int to) {
            List<Found> found = new ArrayList<>();
            for (boolean alone : new boolean[] {false, true}) {
                if (alone && !found.isEmpty()) {
                    break;
                }
                for (Term term : Vocabulary.TERMS) {
                    if (term.alone() != alone) {
                        continue;
                    }
                    Matcher m = term.phrase().matcher(text).region(from, to);
                    while (m.find()) {
                        if (take(m.start(), m.end())
                                && found.stream()
                                        .noneMatch(f -> f.term().equals(term)
                                                || (f.term().intent() == term.intent() && term.reason() == null))) {
                            found.add(new Found(term, m.start()));
                        }
                    }
                }
            }
            found.sort(Comparator.comparingInt(Found::start));
            return found;
        }

        /** The things, kinds and plants named between {@code from} and {@code to}, the longest name winning. */
        private List<Wish.Subject> subjects(int from, int to) {
            List<Span> spans = new ArrayList<>();
            for (Vocabulary.Thing thing : Vocabulary.Thing.values()) {
                Matcher m = thing.phrase().matcher(text).region(from, to);
                while (m.find()) {
                    spans.add(new Span(m.start(), m.end(), new Wish.Thing(thing)));
                }
            }
            for (Vocabulary.KindWord kind : Vocabulary.KINDS) {
                Matcher m = kind.phrase().matcher(text).region(from, to);
                while (m.find()) {
                    spans.add(new Span(m.start(), m.end(), new Wish.Kind(kind.kind())));
                }
            }
            spans.addAll(NAMES.find(text, from, to));
            spans.sort(Comparator.comparingInt((Span s) -> s.start() - s.end()).thenComparingInt(Span::start));
            List<Span> chosen = new ArrayList<>();
            for (Span span : spans) {
                if (take(span.start(), span.end())) {
                    chosen.add(span);
                }
            }
            chosen.sort(Comparator.comparingInt(Span::start));
            Set<Wish.Subject> subjects = new LinkedHashSet<>();
            chosen.forEach(span -> subjects.add(span.subject()));
            return List.copyOf(subjects);
        }

        /** Takes the words between {@code start} and {@code end} unless an earlier match has any of them. */
        private boolean take(int start, int end) {
            for (int i = start; i < end; i++) {
                if (taken[i]) {
                    return false;
                }
            }
            Arrays.fill(taken, start, end, true);
            return true;
        }
    }

    private record Found(Term term, int start) {}

    private record Span(int start, int end, Wish.Subject subject) {}

    /** The catalog's plants by every name a homeowner may use: common, botanical, genus, and their last words. */
    private record Names(Map<String, List<Plant>> named, Map<String, List<Plant>> alike, int longest) {

        static Names of(List<Plant> plants) {
            Map<String, Set<Plant>> named = new LinkedHashMap<>();
            Map<String, Set<Plant>> alike = new LinkedHashMap<>();
            for (Plant plant : plants) {
                List<String> common = new ArrayList<>();
                for (String part : plant.commonName().split("[()]")) {
                    if (!normalise(part).isEmpty()) {
                        common.add(normalise(part));
                    }
                }
                String botanical = normalise(plant.botanicalName().replace('×', ' '));
                common.add(botanical);
                // "Lavandula angustifolia 'Hidcote'" is also asked for as "Lavandula angustifolia"
                common.add(normalise(plant.botanicalName().replaceAll("'[^']*'", "")));
                for (String name : common) {
                    add(named, name, plant);
                    String[] words = name.split(" ");
                    for (int i = 1; i < words.length; i++) {
                        boolean single = i == words.length - 1;
                        if (Vocabulary.NOT_A_NAME.contains(words[i]) || (single && words[i].length() < 3)) {
                            continue;
                        }
                        add(alike, String.join(" ", Arrays.copyOfRange(words, i, words.length)), plant);
                    }
                }
                String genus = botanical.split(" ")[0];
                if (genus.length() > 2) {
                    add(alike, genus, plant);
                }
            }
            int longest = 1;
            for (String name : named.keySet()) {
                longest = Math.max(longest, name.split(" ").length);
            }
            return new Names(frozen(named), frozen(alike), longest);
        }

        /** The plant names between {@code from} and {@code to}, the longest at each word. */
        List<Span> find(String text, int from, int to) {
            List<int[]> words = new ArrayList<>();
            Matcher word = Pattern.compile("[a-z0-9]+").matcher(text).region(from, to);
            while (word.find()) {
                words.add(new int[] {word.start(), word.end()});
            }
            List<Span> spans = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                    int start = words.get(i)[0];
                    int end = words.get(i + n - 1)[1];
                    String name = text.substring(start, end);
                    List<Plant> exact = named.getOrDefault(name, List.of());
                    List<Plant> like = alike.getOrDefault(name, List.of());
                    if (!exact.isEmpty() || !like.isEmpty()) {
                        spans.add(new Span(start, end, new Wish.Named(name, exact, like)));
                        break;
                    }
                }
            }
            return spans;
        }

        private static void add(Map<String, Set<Plant>> names, String name, Plant plant) {
            names.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(plant);
            names.computeIfAbsent(plural(name), n -> new LinkedHashSet<>()).add(plant);
        }

        private static String plural(String name) {
            if (name.matches(".*(s|x|ch|sh)")) {
                return name + "es";
            }
            if (name.matches(".*[^aeiou]y")) {
                return name.substring(0, name.length() - 1) + "ies";
            }
            return name + "s";
        }

        private static Map<String, List<Plant>> frozen(Map<String, Set<Plant>> names) {
            Map<String, List<Plant>> frozen = new LinkedHashMap<>();
            names.forEach((name, plants) -> frozen.put(name, List.copyOf(plants)));
            return Map.copyOf(frozen);
        }
    }
}
