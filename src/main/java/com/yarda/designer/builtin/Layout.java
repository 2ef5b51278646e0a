package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The garden of one plan worked out before anything is drawn: the patio, the style's feature, the walks, the beds
 * with every plant in them, the trees, and where the spaces are named, around the {@link Site}. In feet, like the
 * site. The same style and seeds always give the same layout, and {@link YardPlan} draws it as it is: what the
 * plan shows, and how many of each plant, can be known from here alone.
 *
 * @param plants the palette it plants, in legend order: a plant's number is its place here (1 first)
 * @param backBorder how deep the border along the back fence is
 * @param feature the style's feature; null when a refinement took it out
 * @param walks the front walk first, then the walks of the back garden
 * @param beds in the order they are planted and drawn; the feature's own beds come before them, and the border
 *     along the back fence is the first
 * @param labels the names of the driveway, the patio and the feature
 * @param groundLabel where the name of the ground cover goes, in the open garden
 * @param ground what covers the open ground: the look's own, unless a refinement replaced the lawn
 * @param pergola whether a pergola stands over the patio
 * @param tables where a table with chairs stands on the patio
 * @param additions what refinements added to the garden; {@link Additions#NONE} for a first design
 */
record Layout(
        Style style,
        List<Plant> plants,
        Site site,
        Rectangle2D patio,
        double backBorder,
        @Nullable Feature feature,
        List<Walk> walks,
        List<Bed> beds,
        List<PlantSpot> trees,
        List<Label> labels,
        Point2D groundLabel,
        Look.Ground ground,
        boolean pergola,
        List<Point2D> tables,
        Additions additions) {

    /**
     * The layout of {@code style} planted with {@code plants} on the site of {@code siteSeed}.
     *
     * @param siteSeed shapes the lot, house, garage and driveway: it should depend on the address only
     * @param designSeed shapes the garden
     */
    static Layout of(Style style, List<Plant> plants, long siteSeed, long designSeed) {
        return new LayoutPlanner(style, plants, Site.of(siteSeed), designSeed).plan();
    }

    Layout {
        plants = List.copyOf(plants);
        walks = List.copyOf(walks);
        beds = List.copyOf(beds);
        trees = List.copyOf(trees);
        labels = List.copyOf(labels);
        tables = List.copyOf(tables);
    }

    /**
     * Where one plant goes.
     *
     * @param number the plant's number in the legend and on its tag: 1 for the first of {@link #plants()}
     * @param radius how far it spreads, in feet
     */
    record PlantSpot(int number, double x, double y, double radius) {}

    /**
     * A planting bed and its plants, from back to front so nearer plants overlap those behind.
     *
     * @param boulder where the boulder of an island in gravel sits; gravel is raked around such an island
     */
    record Bed(Shape area, List<PlantSpot> plants, @Nullable Point2D boulder) {}

    /** A path through its points: straight segments in geometric styles, a smooth curve in the others. */
    record Walk(List<Point2D> points) {}

    /**
     * The one feature a style is remembered by, in the back garden.
     *
     * @param course the bed of a dry creek or wash, from the back border down to the patio; empty for the others
     * @param beds the feature's own planting: the ring round a seating circle
     * @param pots the potted plants round a fountain
     */
    record Feature(
            Look.Feature kind,
            Point2D centre,
            double radius,
            List<Point2D> course,
            List<Bed> beds,
            List<PlantSpot> pots) {}

    /** The name of a space, centred on a point. */
    record Label(String text, double x, double y) {}

    /**
     * What refinements added to the garden, each drawn as it is and counted here.
     *
     * @param screen the privacy screen along the fences: a bed of tall plants, planted like the others
     * @param raisedBeds the raised vegetable beds; their crops are not plants of the palette, so not numbered
     * @param water a pond, fountain or birdbath the homeowner asked for
     */
    record Additions(
            @Nullable Bed screen,
            List<Rectangle2D> raisedBeds,
            @Nullable Water water) {

        static final Additions NONE = new Additions(null, List.of(), null);

        Additions {
            raisedBeds = List.copyOf(raisedBeds);
        }
    }

    /** A water feature a refinement added, in the open garden. */
    record Water(Kind kind, Point2D centre, double radius) {

        enum Kind {
            POND,
            FOUNTAIN,
            BIRDBATH
        }
    }

    /**
     * The plants in the ground in the order they are planted: the feature's beds, the beds, the screen, then the
     * trees.
     */
    List<PlantSpot> inGround() {
        List<PlantSpot> plants = new ArrayList<>();
        if (feature != null) {
            for (Bed bed : feature.beds()) {
                plants.addAll(bed.plants());
            }
        }
        for (Bed bed : beds) {
            plants.addAll(bed.plants());
        }
        Bed screen = additions.screen();
        if (screen != null) {
            plants.addAll(screen.plants());
        }
        plants.addAll(trees);
        return plants;
    }

    /** Every plant the plan places: in the ground and in pots. */
    List<PlantSpot> plantings() {
        List<PlantSpot> plants = inGround();
        if (feature != null) {
            plants.addAll(feature.pots());
        }
        return plants;
    }

    /**
     * How many of each plant the plan places, by legend number, for every plant of {@link #plants()} in legend
     * order; a plant the plan does not place would count 0 (the planner places every one).
     */
    Map<Integer, Integer> plantCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int number = 1; number <= plants.size(); number++) {
            counts.put(number, 0);
        }
        for (PlantSpot plant : plantings()) {
            counts.merge(plant.number(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }
}
