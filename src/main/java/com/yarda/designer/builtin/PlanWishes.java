package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.Bed;
import com.yarda.designer.builtin.Vocabulary.Thing;
import java.util.List;
import java.util.Random;

/** The wishes only a plan of an address can meet, each turned into its edit of the plan. */
final class PlanWishes {

    private PlanWishes() {}

    /** Adds what {@code wish} asks for: less or more lawn, shade, privacy, seating, vegetables, water. */
    static Change add(Wish wish, Revision plan, Refinements refinements) {
        return switch (wish.intent()) {
            case LESS_LAWN ->
                refinements.keeps(Thing.LAWN) ? Change.refused("you asked to keep the lawn") : Lawn.less(plan);
            case MORE_LAWN -> Lawn.more(plan);
            case MORE_SHADE ->
                refinements
                        .shadeTree()
                        .map(tree -> Placements.shade(plan, tree))
                        .orElse(Change.refused("no tree of the style grows "
                                + refinements.nursery().where()));
            case MORE_PRIVACY ->
                refinements
                        .screenPlant()
                        .map(plant -> Placements.screen(plan, plant))
                        .orElse(Change.refused("no plant of the style tall enough for a screen grows "
                                + refinements.nursery().where()));
            case SEATING -> Placements.seating(plan);
            case VEGETABLES -> Placements.raisedBeds(plan);
            case WATER -> Placements.water(plan, Placements.waterKind(wish.said()));
            default -> Change.refused("it cannot be drawn");
        };
    }

    /** Keeps {@code thing}: met when the plan has it, which a later wish then cannot take away. */
    static Change keep(Thing thing, Revision plan) {
        if (thing == Thing.STRUCTURES) {
            return Change.noted("the house, garage, driveway and boundaries are always kept");
        }
        return has(thing, plan) ? Change.noted("it stays as it is") : Change.refused("it is not in this design");
    }

    /** Takes {@code thing} out of the plan, where the builtin designer can. */
    static Change remove(Thing thing, Revision plan, Refinements refinements) {
        return switch (thing) {
            case LAWN -> refinements.keeps(Thing.LAWN) ? Change.refused("you asked to keep it") : Lawn.replaced(plan);
            case PATIO -> Change.refused("the plan keeps a patio at the back door");
            case PATHS -> Removals.paths(plan);
            case POND -> Removals.feature(plan, List.of(Look.Feature.POND));
            case FOUNTAIN -> Removals.feature(plan, List.of(Look.Feature.FOUNTAIN));
            case WATER -> Removals.feature(plan, List.of(Look.Feature.POND, Look.Feature.FOUNTAIN));
            case POOL -> Removals.feature(plan, List.of(Look.Feature.PLUNGE_POOL));
            case FIRE -> Removals.feature(plan, List.of(Look.Feature.FIRE_PIT, Look.Feature.DRY_WASH));
            case SEATING_CIRCLE -> Removals.feature(plan, List.of(Look.Feature.SEATING_CIRCLE));
            case CREEK -> Removals.feature(plan, List.of(Look.Feature.DRY_CREEK, Look.Feature.DRY_WASH));
            case PERGOLA -> Removals.pergola(plan);
            // only what earlier feedback added: undoing it is done before the wishes are applied
            case BIRDBATH, RAISED_BEDS, SCREEN, SEATING -> Change.refused("it is not in this design");
            case STRUCTURES -> Change.refused("the house, garage, driveway and boundaries are kept as they are");
        };
    }

    private static boolean has(Thing thing, Revision plan) {
        Look.Feature feature = plan.feature == null ? null : plan.feature.kind();
        Layout.Water.Kind water = plan.water == null ? null : plan.water.kind();
        return switch (thing) {
            case LAWN -> plan.lawnLike();
            case PATIO, SEATING, STRUCTURES -> true;
            case PATHS -> plan.walks.size() > 1;
            case POND -> feature == Look.Feature.POND || water == Layout.Water.Kind.POND;
            case FOUNTAIN -> feature == Look.Feature.FOUNTAIN || water == Layout.Water.Kind.FOUNTAIN;
            case BIRDBATH -> water == Layout.Water.Kind.BIRDBATH;
            case WATER -> feature == Look.Feature.POND || feature == Look.Feature.FOUNTAIN || water != null;
            case POOL -> feature == Look.Feature.PLUNGE_POOL;
            case FIRE -> feature == Look.Feature.FIRE_PIT || feature == Look.Feature.DRY_WASH;
            case SEATING_CIRCLE -> feature == Look.Feature.SEATING_CIRCLE;
            case CREEK -> feature == Look.Feature.DRY_CREEK || feature == Look.Feature.DRY_WASH;
            case PERGOLA -> plan.pergola;
            case RAISED_BEDS -> !plan.raisedBeds.isEmpty();
            case SCREEN -> plan.screen != null;
        };
    }

    /**
     * The beds replanted in new drifts drawn from {@code seed}: the same beds, the same plants, another arrangement.
     * What a refinement shows when nothing it asked for could change the plan.
     */
    static void rearrange(Revision plan, long seed) {
        Drifts drifts = new Drifts(plan.look.sprites(plan.plants), new Random(seed));
        for (int i = 0; i < plan.beds.size(); i++) {
            Bed bed = plan.beds.get(i);
            List<Integer> kinds = i == 0 ? drifts.borderPlants() : drifts.bedPlants();
            plan.beds.set(i, drifts.plant(bed.area(), kinds, bed.boulder()));
        }
        plan.uncover();
    }
}
