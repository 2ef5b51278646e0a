package com.yarda.designer.builtin;

import com.yarda.designer.DesignRequest;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Vocabulary.Intent;
import com.yarda.site.HardinessZone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A design edited by the homeowner's feedback, deterministically. Every feedback of the lineage is applied in order,
 * oldest first, to the design the same request draws without feedback, so a refinement of a refinement keeps the
 * earlier changes, and the same refinement always draws the same. The notes report on this refinement's feedback:
 * what was applied, what could not be and why, and what the earlier ones still change.
 *
 * <p>Along the lineage: "no …" and "don't add …" undo what earlier feedback added of it and forbid it in their own
 * feedback; a kept plant or thing is protected from the rest of its feedback and from later feedback until that asks
 * to remove it. A feedback that changes nothing visible rearranges the planting, so every version looks different.
 */
final class Refinements {

    /** A refined plan and what to tell the homeowner about it. */
    record Revised(Layout layout, List<String> notes) {}

    /** A refined photo concept: its plants, what it draws beyond a first concept, the seed that arranges it, notes. */
    record RevisedPhoto(List<Plant> plants, PhotoRevision.Edits edits, long seed, List<String> notes) {}

    private static final String PHOTO = "a photo design keeps everything photographed and only draws over it;"
            + " ask for this on a plan of the address";

    private final List<String> feedback;
    private final List<Wishes> lineage;
    private final Nursery nursery;
    private final PlantList plants;
    private final PaletteEdits palette;
    private final @Nullable Revision plan;
    private final @Nullable PhotoRevision photo;
    /** The seed of the arrangement: the design's, moved on by each feedback that rearranges the planting. */
    private long arrangement;

    private final Cancellations cancellations;
    /** What is kept, and in which feedback it was asked for. */
    private final Map<Wish.Subject, Integer> kept = new LinkedHashMap<>();

    private int current;

    private Refinements(
            List<String> feedback,
            Nursery nursery,
            PlantList plants,
            @Nullable Revision plan,
            @Nullable PhotoRevision photo,
            long arrangement) {
        this.feedback = feedback;
        this.lineage = feedback.stream().map(Wishes::read).toList();
        this.nursery = nursery;
        this.plants = plants;
        this.palette = new PaletteEdits(nursery, plants);
        this.cancellations = new Cancellations(lineage);
        this.plan = plan;
        this.photo = photo;
        this.arrangement = arrangement;
    }

    /**
     * {@code base} (the plan the request draws without feedback) with the lineage's feedback applied.
     *
     * @param seed the design's seed: the edits draw from a stream of their own seeded by it
     */
    static Revised plan(Layout base, DesignRequest.Refinement refinement, @Nullable HardinessZone zone, long seed) {
        Revision revision = new Revision(base, seed ^ 0x5DEECE66DL);
        Refinements refinements =
                new Refinements(refinement.feedback(), new Nursery(base.style(), zone), revision, revision, null, seed);
        List<String> notes = refinements.apply(base.style(), refinement.parentStyle());
        return new Revised(revision.layout(), notes);
    }

    /** The plants of a photo concept ({@code palette}, in legend order) with the lineage's feedback applied. */
    static RevisedPhoto photo(
            List<Plant> palette,
            Style style,
            DesignRequest.Refinement refinement,
            @Nullable HardinessZone zone,
            long seed) {
        PhotoRevision revision = new PhotoRevision(palette);
        Refinements refinements =
                new Refinements(refinement.feedback(), new Nursery(style, zone), revision, null, revision, seed);
        List<String> notes = refinements.apply(style, refinement.parentStyle());
        return new RevisedPhoto(revision.plants(), revision.edits(), refinements.arrangement, notes);
    }

    private List<String> apply(Style style, Style parentStyle) {
        List<String> notes = new ArrayList<>();
        if (style != parentStyle) {
            notes.add("Redrawn in the " + style.displayName() + " style (the version before was "
                    + parentStyle.displayName() + "), on the same lot with the same house");
        }
        Set<String> before = new LinkedHashSet<>();
        for (current = 0; current < lineage.size(); current++) {
            Wishes wishes = lineage.get(current);
            boolean latest = current == lineage.size() - 1;
            wishes.understood().stream()
                    .filter(wish -> wish.intent() == Intent.KEEP && wish.subject() != null)
                    .forEach(wish -> kept.put(wish.subject(), current));
            List<String> applied = new ArrayList<>();
            List<String> couldNot = new ArrayList<>();
            boolean visible = false;
            for (Wish wish : wishes.understood()) {
                if (cancellations.cancelled(wish)) {
                    continue;
                }
                Change change = cancellations.contradicted(wish)
                        ? Change.refused("you also asked for the opposite")
                        : apply(wish, wishes);
                visible |= change.visible();
                String note = wish.label() + " — " + change.detail();
                if (change.applied()) {
                    applied.add("Applied: " + note);
                    if (change.visible() && !latest) {
                        before.add(wish.label());
                    }
                } else {
                    couldNot.add("Could not apply: " + note);
                }
            }
            for (String text : wishes.unrecognised()) {
                couldNot.add("Could not apply: “" + quoted(text) + "” — not understood; try e.g. “less lawn”,"
                        + " “more shade” or “remove the roses”");
            }
            String rearranged = null;
            if (!visible) {
                rearrange();
                rearranged = wishes.understood().isEmpty()
                        ? "No change was recognised in your feedback; the planting was rearranged"
                        : "Nothing you asked for changes the drawing; the planting was rearranged instead";
            }
            if (latest) {
                notes.addAll(applied);
                notes.addAll(couldNot);
                if (rearranged != null) {
                    notes.add(rearranged);
                }
            }
        }
        if (!before.isEmpty()) {
            notes.add("Still as asked before: " + String.join(", ", before));
        }
        return notes;
    }

    private Change apply(Wish wish, Wishes wishes) {
        int undid = cancellations.undoes(wish);
        return switch (wish.intent()) {
            case KEEP -> keep(wish.subject());
            case REMOVE -> remove(wish, undid);
            case IMPOSSIBLE -> Change.refused(wish.reason() == null ? "it cannot be drawn" : wish.reason());
            case LOWER_WATER ->
                wish.negated()
                        ? Change.noted("the plants stay as they are")
                        : palette.lowerWater(keptPlants(), plan != null && plan.ground == Look.Ground.LAWN);
            case LESS_SHADE ->
                undid > 0
                        ? Change.made("the trees added earlier are gone")
                        : Change.refused("the plan's own trees stay; name one to take out, e.g. “remove the "
                                + palette.firstTree() + "”");
            default -> {
                if (wish.negated()) {
                    yield undid > 0
                            ? Change.made("what an earlier version added is gone")
                            : Change.noted("none is added");
                }
                yield plan != null ? PlanWishes.add(wish, plan, this) : photoAdd(wish);
            }
        };
    }

    private Change keep(Wish.@Nullable Subject subject) {
        return switch (subject) {
            case Wish.Named named -> PaletteEdits.kept(named.in(plants.plants()), named.label());
            case Wish.Kind kind -> PaletteEdits.kept(kind.in(plants.plants()), kind.label());
            case Wish.Thing thing ->
                plan == null
                        ? Change.noted("everything photographed stays as it is")
                        : PlanWishes.keep(thing.thing(), plan);
            case null -> Change.refused("it is not clear what to keep");
        };
    }

    private Change remove(Wish wish, int undid) {
        Wish.Subject subject = wish.subject();
        Integer keptIn = kept.get(subject);
        if (keptIn != null) {
            if (keptIn == current) {
                return Change.refused("you also asked to keep it");
            }
            kept.remove(subject); // the latest word counts: kept before, removed now
        }
        Change change = switch (subject) {
            case Wish.Named named -> palette.remove(named.in(plants.plants()), named.label(), keptPlants());
            case Wish.Kind kind -> palette.remove(kind.in(plants.plants()), kind.label(), keptPlants());
            case Wish.Thing thing ->
                plan == null ? Change.refused(PHOTO) : PlanWishes.remove(thing.thing(), plan, this);
            case null -> Change.refused("it is not clear what to remove");
        };
        if (undid == 0) {
            return change;
        }
        return Change.made(
                change.applied()
                        ? change.detail() + "; what earlier versions added of it is gone"
                        : "what an earlier version added is gone");
    }

    /** What a photo concept can draw over the photo for {@code wish}: bigger or smaller zones, marked additions. */
    private Change photoAdd(Wish wish) {
        PhotoRevision concept = Objects.requireNonNull(photo);
        return switch (wish.intent()) {
            case LESS_LAWN ->
                keeps(Vocabulary.Thing.LAWN) ? Change.refused("you asked to keep the lawn") : concept.lawn(true);
            case MORE_LAWN -> concept.lawn(false);
            case MORE_SHADE ->
                shadeTree().map(concept::shade).orElse(Change.refused("no tree of the style grows " + nursery.where()));
            case MORE_PRIVACY ->
                screenPlant()
                        .map(concept::screen)
                        .orElse(Change.refused(
                                "no plant of the style tall enough for a screen grows " + nursery.where()));
            case SEATING -> concept.seating();
            case VEGETABLES -> concept.vegetables();
            case WATER -> concept.water(Placements.waterKind(wish.said()));
            default -> Change.refused("it cannot be drawn");
        };
    }

    /** A tree for shade, never one the homeowner took out, and one needing little water once they asked so. */
    Optional<Plant> shadeTree() {
        return nursery.shadeTree(plants.plants(), palette.refused());
    }

    /** A plant for a privacy screen; no tree when this feedback asked for no more trees. */
    Optional<Plant> screenPlant() {
        boolean noTrees = lineage.get(current).understood().stream()
                .anyMatch(wish -> wish.intent() == Intent.MORE_SHADE && wish.negated());
        return nursery.screen(plants.plants(), palette.refused(), !noTrees);
    }

    Nursery nursery() {
        return nursery;
    }

    /** Whether {@code thing} is kept, so no wish may take it away. */
    boolean keeps(Vocabulary.Thing thing) {
        return kept.containsKey(new Wish.Thing(thing));
    }

    /** The plants of the design a keep protects. */
    private List<Plant> keptPlants() {
        List<Plant> out = new ArrayList<>();
        for (Wish.Subject subject : kept.keySet()) {
            switch (subject) {
                case Wish.Named named -> out.addAll(named.in(plants.plants()));
                case Wish.Kind kind -> out.addAll(kind.in(plants.plants()));
                case Wish.Thing thing -> {}
            }
        }
        return out;
    }

    /**
     * A new arrangement of the planting, seeded by the design and this feedback's words: the beds replanted in new
     * drifts, or the photo's zones reshaped and replanted. Other words give another arrangement, the same words the
     * same one.
     */
    private void rearrange() {
        // String.hashCode is fixed by the JLS; each rearrangement along the lineage moves the seed on
        arrangement =
                (arrangement * 31 + feedback.get(current).hashCode()) * 6364136223846793005L + 1442695040888963407L;
        if (plan != null) {
            PlanWishes.rearrange(plan, arrangement);
        }
    }

    static String names(List<Plant> plants) {
        List<String> names = plants.stream().map(Plant::commonName).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String quoted(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }
}
