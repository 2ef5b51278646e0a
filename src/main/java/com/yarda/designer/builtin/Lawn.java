package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.Bed;
import com.yarda.designer.builtin.Layout.PlantSpot;
import java.awt.geom.Area;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Less lawn, more lawn, or none: the open ground of a plan traded against its beds. The lawn is whatever of the lot
 * is open ground ({@link Revision#open()}), so its change is measured, not guessed, and the notes say by how much.
 */
final class Lawn {

    /** A third less lawn is a change a homeowner sees at a glance, and leaves a lawn to walk on. */
    private static final double LESS = 0.3;

    private static final double MORE = 0.2;

    private Lawn() {}

    /**
     * The beds widen into the lawn, all by the same number of feet, until the lawn is about a third smaller; the
     * widening is planted in drifts like the rest of each bed.
     */
    static Change less(Revision plan) {
        if (!plan.lawnLike()) {
            return Change.refused(noLawn(plan));
        }
        Area open = plan.open();
        double before = PlanGeometry.squareFeet(open);
        Area beds = new Area();
        plan.beds.forEach(bed -> beds.add(new Area(bed.area())));
        double by = 0;
        for (double feet : new double[] {3, 4.5, 6, 8, 10}) {
            by = feet;
            Area taken = plan.widened(beds, feet);
            taken.intersect(open);
            if (PlanGeometry.squareFeet(taken) >= before * LESS) {
                break;
            }
        }
        Area left = new Area(open);
        Drifts drifts = plan.drifts();
        for (int i = 0; i < plan.beds.size(); i++) {
            Bed bed = plan.beds.get(i);
            Area widening = plan.widened(bed.area(), by);
            widening.intersect(left);
            if (widening.isEmpty()) {
                continue;
            }
            left.subtract(widening);
            List<Integer> kinds = i == 0 ? drifts.borderPlants() : drifts.bedPlants();
            Bed added = drifts.plant(widening, kinds, null);
            Area area = new Area(bed.area());
            area.add(widening);
            List<PlantSpot> plants = new ArrayList<>(bed.plants());
            plants.addAll(added.plants());
            // back to front, so nearer plants overlap those behind as in every bed
            plants.sort(Comparator.comparingDouble(PlantSpot::y));
            plan.beds.set(i, new Bed(area, plants, bed.boulder()));
        }
        plan.uncover();
        double after = PlanGeometry.squareFeet(plan.open());
        return Change.made(
                "the beds are wider and the " + groundName(plan) + " is " + about(1 - after / before) + " smaller");
    }

    /**
     * The border along the fences gives up its inner band, and the islands of the back garden are lawn again, until
     * there is about a fifth more lawn. Where the style has no lawn, more lawn brings none.
     */
    static Change more(Revision plan) {
        if (!plan.lawnLike()) {
            if (plan.look.ground() == Look.Ground.LAWN || plan.look.ground() == Look.Ground.MEADOW) {
                // an earlier version replaced the lawn with gravel: more lawn brings it back
                plan.ground = plan.look.ground();
                return Change.made("the " + groundName(plan) + " is back where the gravel was");
            }
            return Change.refused(noLawn(plan));
        }
        double before = PlanGeometry.squareFeet(plan.open());
        int islands = 0;
        for (int i = plan.beds.size() - 1; i >= 1; i--) {
            if (plan.beds.get(i).area().getBounds2D().getMaxY() < plan.site.houseTop()) {
                plan.beds.remove(i);
                islands++;
            }
        }
        Area open = plan.open();
        Bed border = plan.beds.getFirst();
        Bed narrower = border;
        for (double feet : new double[] {3, 4, 5}) {
            Area area = new Area(border.area());
            area.subtract(plan.widened(open, feet));
            List<PlantSpot> plants = border.plants().stream()
                    .filter(p -> area.contains(p.x(), p.y())
                            && area.contains(p.x() - 0.8, p.y())
                            && area.contains(p.x() + 0.8, p.y()))
                    .toList();
            narrower = new Bed(area, plants, border.boulder());
            double gained = PlanGeometry.squareFeet(border.area()) - PlanGeometry.squareFeet(area);
            if (PlanGeometry.squareFeet(open) + gained >= before * (1 + MORE)) {
                break;
            }
        }
        plan.beds.set(0, narrower);
        double after = PlanGeometry.squareFeet(plan.open());
        String islandsGone = islands == 0
                ? ""
                : islands == 1
                        ? ", and the island bed is " + groundName(plan) + " again"
                        : ", and the islands are gone";
        return Change.made("the border is narrower and the " + groundName(plan) + " is " + about(after / before - 1)
                + " larger" + islandsGone);
    }

    /** No lawn at all: the beds widen as for less lawn, and what open ground is left becomes gravel. */
    static Change replaced(Revision plan) {
        if (!plan.lawnLike()) {
            return Change.refused(noLawn(plan));
        }
        String name = groundName(plan);
        less(plan);
        plan.ground = Look.Ground.GRAVEL;
        return Change.made("the " + name + " is replaced by wider beds and gravel");
    }

    static String groundName(Revision plan) {
        return plan.ground == Look.Ground.MEADOW ? "meadow" : "lawn";
    }

    private static String noLawn(Revision plan) {
        String ground = plan.ground == Look.Ground.RAKED_GRAVEL ? "raked gravel" : "gravel";
        return "this design has no lawn: its open ground is " + ground
                + (plan.look.ground() == Look.Ground.LAWN ? "" : " (the English Garden style, for one, has a lawn)");
    }

    /** A share as people say it: "about a third", "about 45%". */
    static String about(double share) {
        if (Math.abs(share - 1 / 4.0) < 0.03) {
            return "about a quarter";
        }
        if (Math.abs(share - 1 / 3.0) < 0.03) {
            return "about a third";
        }
        if (Math.abs(share - 1 / 2.0) < 0.04) {
            return "about half";
        }
        return String.format(Locale.ROOT, "about %d%%", Math.round(share * 100));
    }
}
