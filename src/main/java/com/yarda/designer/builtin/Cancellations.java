package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Vocabulary.Intent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which wishes along a lineage later feedback cancels, and which one feedback contradicts in its own words. */
final class Cancellations {

    // wishes are records, equal by value: the same words in two feedbacks are two wishes, so these go by identity
    private final Set<Wish> cancelled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Wish> contradicted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Wish, Integer> undoes = new IdentityHashMap<>();

    /**
     * Marks the wishes later feedback undoes: "no more trees" or "less shade" undoes the trees earlier feedback
     * added, "remove the vegetable beds" the beds. In one feedback, asking for a thing and for none of it is a
     * contradiction, and the thing is not added.
     */
    Cancellations(List<Wishes> lineage) {
        for (int i = 0; i < lineage.size(); i++) {
            for (Wish wish : lineage.get(i).understood()) {
                Intent undone = undone(wish);
                if (undone == null) {
                    continue;
                }
                int count = 0;
                for (int k = 0; k <= i; k++) {
                    for (Wish earlier : lineage.get(k).understood()) {
                        if (earlier.intent() != undone || earlier.negated() || cancelled.contains(earlier)) {
                            continue;
                        }
                        if (!sameWater(wish, earlier)) {
                            continue;
                        }
                        if (k < i) {
                            cancelled.add(earlier);
                            count++;
                        } else {
                            contradicted.add(earlier);
                        }
                    }
                }
                undoes.put(wish, count);
            }
        }
    }

    /** Whether later feedback undid {@code wish}, so it is not applied at all. */
    boolean cancelled(Wish wish) {
        return cancelled.contains(wish);
    }

    /** Whether the same feedback also asked for none of what {@code wish} adds. */
    boolean contradicted(Wish wish) {
        return contradicted.contains(wish);
    }

    /** How many wishes of earlier feedback {@code wish} undoes. */
    int undoes(Wish wish) {
        return undoes.getOrDefault(wish, 0);
    }

    /** The intent whose additions {@code wish} undoes, if any. */
    private static @Nullable Intent undone(Wish wish) {
        if (wish.negated()) {
            return wish.intent();
        }
        if (wish.intent() == Intent.LESS_SHADE) {
            return Intent.MORE_SHADE;
        }
        if (wish.intent() == Intent.REMOVE && wish.subject() instanceof Wish.Thing thing) {
            return switch (thing.thing()) {
                case POND, FOUNTAIN, BIRDBATH, WATER -> Intent.WATER;
                case RAISED_BEDS -> Intent.VEGETABLES;
                case SCREEN -> Intent.MORE_PRIVACY;
                case SEATING -> Intent.SEATING;
                default -> null;
            };
        }
        return null;
    }

    /** "Remove the birdbath" undoes a birdbath, not a pond; "no water feature" undoes any. */
    private static boolean sameWater(Wish wish, Wish earlier) {
        if (earlier.intent() != Intent.WATER || !(wish.subject() instanceof Wish.Thing thing)) {
            return true;
        }
        Layout.Water.Kind kind = Placements.waterKind(earlier.said());
        return switch (thing.thing()) {
            case POND -> kind == Layout.Water.Kind.POND;
            case FOUNTAIN -> kind == Layout.Water.Kind.FOUNTAIN;
            case BIRDBATH -> kind == Layout.Water.Kind.BIRDBATH;
            default -> true;
        };
    }
}
