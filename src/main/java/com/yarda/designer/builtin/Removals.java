package com.yarda.designer.builtin;

import java.util.List;
import java.util.Set;

/** What a refinement can take out of a plan besides plants: the style's feature, the garden paths, the pergola. */
final class Removals {

    private Removals() {}

    /**
     * The style's feature, when it is one of {@code kinds}: its paving, water, planting ring and pots, its labels and
     * the walk that led to it. Its place becomes open ground. Null when the plan has no such feature.
     */
    static Change feature(Revision plan, List<Look.Feature> kinds) {
        Layout.Feature feature = plan.feature;
        if (feature == null || !kinds.contains(feature.kind())) {
            return Change.refused("it is not in this design");
        }
        plan.feature = null;
        Set<String> names = labels(feature.kind());
        Layout.Water added = plan.water;
        // a water feature a refinement added has a "Pond" or "Fountain" label of its own, which stays
        plan.labels.removeIf(label -> names.contains(label.text())
                && (added == null || Math.abs(label.x() - added.centre().getX()) > 0.01));
        gardenWalks(plan);
        return Change.made("its place is open " + (plan.lawnLike() ? Lawn.groundName(plan) : "ground"));
    }

    /** The walks of the back garden; the front walk to the door stays, as the house needs it. */
    static Change paths(Revision plan) {
        if (plan.walks.size() < 2) {
            return Change.refused("the only path is the front walk to the door, which stays");
        }
        gardenWalks(plan);
        return Change.made("the back garden has no path now; the front walk to the door stays");
    }

    static Change pergola(Revision plan) {
        if (!plan.pergola) {
            return Change.refused("there is no pergola in this design");
        }
        plan.pergola = false;
        return Change.made("the terrace is open to the sky");
    }

    /** The labels a feature puts on the plan (see {@link LayoutPlanner}), which go with it. */
    private static Set<String> labels(Look.Feature kind) {
        return switch (kind) {
            case FIRE_PIT -> Set.of("Fire pit");
            case DRY_WASH -> Set.of("Fire bowl", "Dry wash");
            case DRY_CREEK -> Set.of("Dry creek");
            case POND -> Set.of("Pond");
            case SEATING_CIRCLE -> Set.of("Seating circle");
            case FOUNTAIN -> Set.of("Fountain");
            case PLUNGE_POOL -> Set.of("Plunge pool");
        };
    }

    private static void gardenWalks(Revision plan) {
        while (plan.walks.size() > 1) {
            plan.walks.removeLast();
        }
    }
}
