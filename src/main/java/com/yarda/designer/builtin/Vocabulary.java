package com.yarda.designer.builtin;

import com.yarda.designer.PlantKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every word the builtin designer understands in a homeowner's feedback, in one place: the table that
 * {@code docs/refinement-intents.md} documents. {@link Wishes} reads feedback with it. Phrases are regular
 * expressions over normalised text: lower case, apostrophes dropped ({@code don't} is {@code dont}), anything but
 * letters and digits a space.
 */
final class Vocabulary {

    private Vocabulary() {}

    /** What a homeowner can ask the builtin designer for. */
    enum Intent {
        LOWER_WATER("lower water use"),
        LESS_LAWN("less lawn"),
        MORE_LAWN("more lawn"),
        LESS_SHADE("less shade"),
        MORE_SHADE("more shade"),
        MORE_PRIVACY("more privacy"),
        SEATING("more seating"),
        VEGETABLES("a vegetable patch"),
        WATER("a water feature"),
        KEEP("keep"),
        REMOVE("remove"),
        /** Understood, but nothing the builtin designer can draw: its {@link Term#reason} says why. */
        IMPOSSIBLE("");

        private final String label;

        Intent(String label) {
            this.label = label;
        }

        /** How the notes name it, e.g. {@code less lawn}. */
        String label() {
            return label;
        }
    }

    /**
     * One row of the table: phrases that mean {@code intent}.
     *
     * @param alone counts only when nothing else in the clause was understood: a bare "eat" is a wish for seating,
     *     but not in "grow vegetables to eat"
     * @param reason for {@link Intent#IMPOSSIBLE}: why the builtin designer cannot do it
     */
    record Term(
            Intent intent,
            Pattern phrase,
            boolean alone,
            @Nullable String reason) {}

    /** Things in a garden a homeowner can keep or remove, and the words for them. */
    enum Thing {
        LAWN("the lawn", "lawns?|grass|turf|sod|meadow"),
        PATIO("the patio", "patio|deck|terrace|paving"),
        PATHS("the garden paths", "(garden )?(paths?|pathways?|walkways?|stepping ?stones?)"),
        POND("the pond", "(koi )?ponds?"),
        FOUNTAIN("the fountain", "fountains?"),
        BIRDBATH("the birdbath", "bird ?baths?"),
        WATER("the water feature", "water ?features?|water|bubblers?"),
        POOL("the pool", "(plunge |swimming )?pools?"),
        FIRE("the fire pit", "fire ?pits?|fire ?bowls?|fire"),
        SEATING_CIRCLE("the seating circle", "seating circle|circle"),
        CREEK("the dry creek", "dry (creek|wash|stream ?bed)|creek|wash|stream ?bed"),
        PERGOLA("the pergola", "pergolas?|arbou?rs?"),
        RAISED_BEDS(
                "the vegetable beds",
                "raised (garden )?beds?|(vegetable|veg|veggie|herb) (beds?|patch|garden)|kitchen garden|vegetables"
                        + "|veggies"),
        SCREEN("the privacy screen", "(privacy )?(screen|hedge)s?"),
        SEATING("the extra seating", "(extra |second |new )?(tables?|seating( area)?|benche?s?)"),
        STRUCTURES(
                "the house",
                "house|home|garage|driveway|drive|porch|roof|fences?|walls?|street|sidewalk|neighbou?rs?( house)?"
                        + "|boundar(y|ies)|property line");

        private final String label;
        private final Pattern phrase;

        Thing(String label, String phrase) {
            this.label = label;
            this.phrase = words(phrase);
        }

        String label() {
            return label;
        }

        Pattern phrase() {
            return phrase;
        }
    }

    /** Words for every plant of a kind, e.g. "the trees". */
    record KindWord(PlantKind kind, Pattern phrase) {}

    static final List<KindWord> KINDS = List.of(
            new KindWord(PlantKind.TREE, words("trees?")),
            new KindWord(PlantKind.SHRUB, words("shrubs?|bush(es)?")),
            new KindWord(PlantKind.GRASS, words("(ornamental )?grasses")),
            new KindWord(PlantKind.PERENNIAL, words("perennials?|flowers")),
            new KindWord(PlantKind.GROUNDCOVER, words("ground ?covers?")),
            new KindWord(PlantKind.SUCCULENT, words("succulents?|cacti")),
            new KindWord(PlantKind.VINE, words("vines?|climbers?|climbing plants")));

    /** Before a thing or plant: keep it. Checked before {@link #REMOVING}: "don't remove" keeps. */
    static final Pattern KEEPING = words("keep(ing)?|leave|retain|preserve|save|spare|hold on to|(i|we) (love|like) the"
            + "|(dont|do not|dont ever|never) (remove|touch|change|lose|get rid of|take out|cut down|move)");

    /** Before a thing or plant: take it out. "No pond", "get rid of the lawn", "replace the lawn with …". */
    static final Pattern REMOVING = words("remove|removing|get rid of|take (out|away)|lose|drop|ditch|delete|eliminate"
            + "|dig (up|out)|rip out|tear out|cut down|clear (out|away)|replace|swap out|instead of|no|without"
            + "|(dont|do not) (want|need|like)( any| the)?|dislike|hate|not a fan of|no longer want");

    /** Before a wish: do not add it. "No more trees", "don't add a pond" (which keeps a pond the style has). */
    static final Pattern FORBIDDING = words("no (more|new|extra|additional)|(dont|do not|never) (add|plant|put|build"
            + "|want (more|any more|extra)|need (more|any more|extra))|not (more|add)|without adding|nothing more");

    /** Turns a wish found after it into its opposite, e.g. "not", "don't". */
    static final Pattern NEGATION = words("no|not|dont|do not|never|without|none|nothing|avoid|stop|skip");

    /** Words that carry no wish of their own: a clause made only of these is not reported as unrecognised. */
    static final Set<String> FILLER = Set.copyOf(Arrays.asList(
            ("please thanks thank you i id im we wed would like love want it its also maybe perhaps a an the bit"
                            + " little lot lots some that this is are was be great nice ok okay good looks look very"
                            + " much so just really design garden yard backyard too as well more less of in on for to"
                            + " with and but can could me my our us there here make have has had need get add plus"
                            + " then overall everything else other otherwise fine perfect lovely beautiful awesome"
                            + " amazing cool hi hello hey one version all any again still same keep")
                    .split(" ")));

    /**
     * Single head words of common names that name no plant on their own ("Bird of paradise" is not any "paradise"):
     * a plant is found by them only with the words before them.
     */
    static final Set<String> NOT_A_NAME = Set.of(
            "tree",
            "grass",
            "plant",
            "bush",
            "flower",
            "pink",
            "ear",
            "ears",
            "paradise",
            "nile",
            "heart",
            "lace",
            "flag",
            "stick",
            "spoon",
            "pipe",
            "chicks",
            "vera",
            "verde",
            "duster",
            "brush",
            "mantle",
            "plume",
            "cotton",
            "poker",
            "susan",
            "rush",
            "of",
            "the",
            "and");

    /**
     * The wishes, in order of precedence: in a clause, an earlier row's phrase takes its words before a later row
     * sees them ("shade for the patio" is shade, not seating; "less water" is lower water use, not a water feature).
     */
    static final List<Term> TERMS = List.of(
            term(
                    Intent.LOWER_WATER,
                    "drought ?(tolerant|resistant|proof|hardy|friendly)|drought|xeri?scap(e|ed|ing)|xeric"
                            + "|(less|lower|reduce[ds]?|reducing|minimal|minimi[sz]e|save|saving|cut( down)?( on)?)"
                            + "( the)? water(ing| use| usage| bill| needs)?|water ?wise|water (saving|efficient|smart)"
                            + "|low water|less irrigation|(needs?|needing|use) less water(ing)?"
                            + "|too much water(ing)?|thirsty"),
            term(
                    Intent.LESS_LAWN,
                    "(less|fewer|smaller|reduce[ds]?( the)?|shrink( the)?|cut back( the)?|cut down( on)?( the)?"
                            + "|not so much|not as much|half the|minimi[sz]e( the)?|too much) (lawn|grass|turf|mowing)"
                            + "|(lawn|grass|turf) (smaller|reduced|shrunk)|(lawn|grass) is too (big|large)"
                            + "|less to mow|less mowing"),
            term(
                    Intent.MORE_LAWN,
                    "(more|bigger|larger|extra|wider|expand( the)?|enlarge( the)?) (lawn|grass|turf)"
                            + "|(lawn|grass) (bigger|larger)|(lawn|grass|room|space|area) for (the )?(kids|children"
                            + "|dogs?|play(ing)?)|(room|space|somewhere|place|area) (for (the )?(kids|children) )?to"
                            + " (play|run)|play (area|space|lawn)|kick a ball|more open space|open lawn"),
            term(Intent.LESS_SHADE, "(less|fewer|not so much|too much|too many) (shade|trees)|too (shady|dark)"),
            term(
                    Intent.MORE_SHADE,
                    "shad(e|y|ier|ed|ing)( (for|over|on|around|by|near) (the |my |our )?(patio|deck|terrace"
                            + "|seating( area)?|table|house|garden|yard))?|(more|add|another|some|extra|a few|plant"
                            + "|plant some|bigger|big|large|shade|new|few) trees?|a tree|canopy|cooler|out of the sun"
                            + "|(from|block) the sun"),
            term(
                    Intent.MORE_PRIVACY,
                    "privacy|private|seclu(ded|sion)|enclosed|overlooked|living fence|hedge(s|row)?"
                            + "|screen(s|ing|ed)?( (off|out))?( the)?( (neighbou?rs?|street|road|fence|view))?"
                            + "|(hide|hiding|block( out)?|cover)( the)? (fence|neighbou?rs?|street|road|view|wall"
                            + "|shed|bins?|house next door)|(cant|cannot|not) see( the)? neighbou?rs?"
                            + "|neighbou?rs? (can see|look in|overlook)"),
            term(
                    Intent.SEATING,
                    "(bigger|larger|more|wider|extend(ed)?( the)?|enlarge( the)?|expand( the)?) (patio|deck"
                            + "|terrace|seating( area)?)|(patio|deck|terrace) (bigger|larger)"
                            + "|(a )?(place|space|spot|somewhere|area|room) to (sit|relax|eat|dine|entertain|lounge"
                            + "|read)|seat(s|ing)?( area)?|benche?s?|outdoor (dining|eating|living|room|seating"
                            + "|lounge|kitchen)|dining( area| table| space)?|eat(ing)? (outside|outdoors|al fresco)"
                            + "|al fresco|entertain(ing)?|lounge|lounging|(bbq|barbecue|grill)( area)?"
                            + "|(a )?(patio|deck|terrace)( furniture| table| chairs)?|(a )?table( and chairs)?"),
            term(
                    Intent.VEGETABLES,
                    "vegetables?|veggies?|veg( patch| garden| beds?)?|raised (garden )?beds?|kitchen garden|potager"
                            + "|herbs?( garden| beds?| patch)?|grow(ing)? (my |our |some )?(own )?(food|vegetables"
                            + "|veggies|veg|herbs|tomatoes|salad|produce)|edibles?|edible garden|tomato(es)?|lettuce"
                            + "|salad|produce|allotment|food garden"),
            term(
                    Intent.WATER,
                    "(koi )?ponds?|water (feature|garden|element|basin|bowl)s?|fountains?|bird ?baths?"
                            + "|bubbl(er|ing)( (rock|urn|bowl))?|(the )?sound of water|running water|waterfall"
                            + "|stream|rill|(add|some|more|a little) water|water"),
            alone(Intent.SEATING, "eat|dine|relax|read|unwind|sit"),
            alone(Intent.MORE_LAWN, "play|playing|kids|children"),
            impossible(
                    "the builtin designer draws no pools (only the Tropical Resort style has its plunge pool)",
                    "(swimming |lap |plunge |a )?pools?"),
            impossible("the builtin designer draws no hot tubs or spas", "hot ?tubs?|jacuzzis?|spas?|saunas?"),
            impossible(
                    "the builtin designer adds no buildings",
                    "(garden )?sheds?|greenhouses?|gazebos?|studios?|cabins?|summer ?houses?|outbuildings?"),
            impossible(
                    "the builtin designer draws no play equipment; ask for more lawn to play on",
                    "playground|play (set|structure|equipment)|swings?( set)?|trampolines?|slides?|sand ?(box|pit)"
                            + "|tree ?house"),
            impossible("a plan does not show lighting", "lights?|lighting|lanterns?"),
            impossible(
                    "a fire pit is drawn only in the styles that have one (Modern Minimalist and Desert Landscape)",
                    "fire ?pits?|fire ?bowls?|fireplaces?"),
            impossible("a pergola is drawn only in the Mediterranean style", "pergolas?|arbou?rs?"),
            impossible(
                    "the plan draws its own paths: one to the front door and one through the back garden",
                    "(more|new|another|wider|extra|add( a)?) (paths?|pathways?|walkways?|walks?|stepping stones)"),
            impossible("the builtin designer plants real plants only", "artificial (turf|grass)|astro ?turf"),
            impossible(
                    "the house, garage, driveway and boundaries are kept as they are",
                    "(new|build|add|replace|move|paint|taller|higher|repair|remove|demolish|change|extend|bigger"
                            + "|rebuild)( the| a)? (fence|wall|house|garage|driveway|porch|roof|sidewalk|street)s?"
                            + "|(house|garage|driveway) (bigger|smaller|moved)"));

    private static Term term(Intent intent, String phrases) {
        return new Term(intent, words(phrases), false, null);
    }

    private static Term alone(Intent intent, String phrases) {
        return new Term(intent, words(phrases), true, null);
    }

    private static Term impossible(String reason, String phrases) {
        return new Term(Intent.IMPOSSIBLE, words(phrases), false, reason);
    }

    /** The phrases as whole words: "pond" is not found in "ponderosa". */
    static Pattern words(String phrases) {
        return Pattern.compile("(?<![a-z0-9])(?:" + phrases + ")(?![a-z0-9])");
    }
}
