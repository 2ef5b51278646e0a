package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Layout.Bed;
import com.yarda.designer.builtin.Layout.Feature;
import com.yarda.designer.builtin.Layout.PlantSpot;
import com.yarda.designer.builtin.Layout.Water;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A plan being edited by a refinement: a working copy of a {@link Layout} that {@link Refinements} changes wish by
 * wish and turns back into a layout. Plants are changed here only, so that however a wish moves them, every spot keeps
 * a number of the legend, every plant of the legend keeps at least one spot, and nothing stays planted where a
 * canopy hides it: the design's quantities remain what its drawing shows.
 */
final class Revision implements PlantList {

    final Style style;
    final Look look;
    final Site site;
    final double backBorder;
    /** The edits' own draws, seeded from the design and the feedback: the same refinement edits the same way. */
    final Random random;

    final List<Plant> plants;
    Rectangle2D patio;

    @Nullable
    Feature feature;

    final List<Layout.Walk> walks;
    final List<Bed> beds;
    final List<PlantSpot> trees;
    final List<Layout.Label> labels;
    Point2D groundLabel;
    Look.Ground ground;
    boolean pergola;
    final List<Point2D> tables;

    @Nullable
    Bed screen;

    final List<Rectangle2D> raisedBeds;

    @Nullable
    Water water;

    Revision(Layout layout, long seed) {
        this.style = layout.style();
        this.look = Look.of(style);
        this.site = layout.site();
        this.backBorder = layout.backBorder();
        this.random = new Random(seed);
        this.plants = new ArrayList<>(layout.plants());
        this.patio = layout.patio();
        this.feature = layout.feature();
        this.walks = new ArrayList<>(layout.walks());
        this.beds = new ArrayList<>(layout.beds());
        this.trees = new ArrayList<>(layout.trees());
        this.labels = new ArrayList<>(layout.labels());
        this.groundLabel = layout.groundLabel();
        this.ground = layout.ground();
        this.pergola = layout.pergola();
        this.tables = new ArrayList<>(layout.tables());
        this.screen = layout.additions().screen();
        this.raisedBeds = new ArrayList<>(layout.additions().raisedBeds());
        this.water = layout.additions().water();
    }

    /**
     * The edited layout: every plant still in the legend is shown (a drift of its own in the border if an edit took
     * its last spot), a plant that cannot be shown leaves the legend, and the ground's name sits in open ground.
     */
    Layout layout() {
        showEveryPlant();
        Area open = open();
        if (!open.contains(groundLabel) && !open.isEmpty()) {
            groundLabel = PlanGeometry.roomiest(open, new Rectangle2D.Double(0, 0, site.width(), site.houseTop()));
        }
        return layoutWithoutChecks();
    }

    @Override
    public List<Plant> plants() {
        return List.copyOf(plants);
    }

    Look.Sprite sprite(int number) {
        return look.sprite(plants.get(number - 1));
    }

    /** The plant's number in the legend; a plant not yet in it is added at its end. */
    int number(Plant plant) {
        int index = plants.indexOf(plant);
        if (index < 0) {
            plants.add(plant);
            return plants.size();
        }
        return index + 1;
    }

    /** Drifts of the current palette, drawing from this revision's random. */
    Drifts drifts() {
        return new Drifts(look.sprites(plants), random);
    }

    /** {@code plant} in the same places as before, each sized as the substitute grows. */
    @Override
    public void replace(Plant plant, Plant substitute) {
        int number = plants.indexOf(plant) + 1;
        Look.Sprite before = sprite(number);
        plants.set(number - 1, substitute);
        Look.Sprite after = sprite(number);
        double scale = Drifts.size(after) / Drifts.size(before);
        everySpot(spot ->
                spot.number() == number ? new PlantSpot(number, spot.x(), spot.y(), spot.radius() * scale) : spot);
    }

    /**
     * {@code plant} out of the legend and the plan: its trees are felled, and in a bed each of its spots goes to the
     * nearest other plant of that bed, so the neighbouring drifts close the gap.
     */
    @Override
    public void remove(Plant plant) {
        int number = plants.indexOf(plant) + 1;
        trees.removeIf(tree -> tree.number() == number);
        for (int i = 0; i < beds.size(); i++) {
            // the border may hold screens; the other beds may not
            beds.set(i, closed(beds.get(i), number, i == 0));
        }
        if (screen != null) {
            screen = closed(screen, number, true);
        }
        if (feature != null) {
            Layout.Feature f = feature;
            List<Bed> ring =
                    f.beds().stream().map(bed -> closed(bed, number, false)).toList();
            int potted = fallback(number, false);
            List<PlantSpot> pots = f.pots().stream()
                    .filter(pot -> pot.number() != number || potted > 0)
                    .map(pot -> pot.number() == number ? respot(pot, potted) : pot)
                    .toList();
            feature = new Layout.Feature(f.kind(), f.centre(), f.radius(), f.course(), ring, pots);
        }
        plants.remove(number - 1);
        everySpot(spot ->
                spot.number() > number ? new PlantSpot(spot.number() - 1, spot.x(), spot.y(), spot.radius()) : spot);
    }

    private Bed closed(Bed bed, int number, boolean border) {
        List<PlantSpot> others =
                bed.plants().stream().filter(p -> p.number() != number).toList();
        int fallback = fallback(number, border);
        List<PlantSpot> planted = new ArrayList<>();
        for (PlantSpot spot : bed.plants()) {
            if (spot.number() != number) {
                planted.add(spot);
                continue;
            }
            PlantSpot nearest = null;
            for (PlantSpot other : others) {
                if (nearest == null
                        || Point2D.distance(spot.x(), spot.y(), other.x(), other.y())
                                < Point2D.distance(spot.x(), spot.y(), nearest.x(), nearest.y())) {
                    nearest = other;
                }
            }
            int next = nearest != null ? nearest.number() : fallback;
            if (next > 0) {
                planted.add(respot(spot, next));
            }
        }
        return new Bed(bed.area(), planted, bed.boulder());
    }

    /** The first other plant a bed may hold: any but a tree in a border, and no columnar screen elsewhere. */
    private int fallback(int except, boolean border) {
        for (int number = 1; number <= plants.size(); number++) {
            Look.Form form = sprite(number).form();
            if (number != except && !form.isTree() && (border || form != Look.Form.COLUMNAR)) {
                return number;
            }
        }
        return 0;
    }

    /** {@code spot} planted with plant {@code number} instead, keeping how much larger or smaller than usual it is. */
    PlantSpot respot(PlantSpot spot, int number) {
        double scale = Drifts.size(sprite(number)) / Drifts.size(sprite(spot.number()));
        return new PlantSpot(number, spot.x(), spot.y(), spot.radius() * scale);
    }

    /** Applies {@code change} to every planted spot: beds, the feature's ring and pots, the screen and the trees. */
    void everySpot(UnaryOperator<PlantSpot> change) {
        beds.replaceAll(
                bed -> new Bed(bed.area(), bed.plants().stream().map(change).toList(), bed.boulder()));
        if (screen != null) {
            Bed s = screen;
            screen = new Bed(s.area(), s.plants().stream().map(change).toList(), s.boulder());
        }
        if (feature != null) {
            Layout.Feature f = feature;
            feature = new Layout.Feature(
                    f.kind(),
                    f.centre(),
                    f.radius(),
                    f.course(),
                    f.beds().stream()
                            .map(bed -> new Bed(
                                    bed.area(),
                                    bed.plants().stream().map(change).toList(),
                                    bed.boulder()))
                            .toList(),
                    f.pots().stream().map(change).toList());
        }
        trees.replaceAll(change);
    }

    /** Takes out every plant below the trees a canopy covers, as the planner does: the plan counts what it shows. */
    void uncover() {
        beds.replaceAll(bed -> Drifts.uncovered(bed, trees));
        if (screen != null) {
            screen = Drifts.uncovered(screen, trees);
        }
        if (feature != null) {
            Layout.Feature f = feature;
            feature = new Layout.Feature(
                    f.kind(),
                    f.centre(),
                    f.radius(),
                    f.course(),
                    f.beds().stream().map(bed -> Drifts.uncovered(bed, trees)).toList(),
                    Drifts.seen(f.pots(), trees));
        }
    }

    /** How many of each plant the plan holds, by number, 0 for a plant it does not. */
    Map<Integer, Integer> counts() {
        return layoutWithoutChecks().plantCounts();
    }

    private void showEveryPlant() {
        Map<Integer, Integer> counts = counts();
        List<Integer> missing = new ArrayList<>();
        counts.forEach((number, count) -> {
            if (count == 0 && !sprite(number).form().isTree()) {
                missing.add(number - 1);
            }
        });
        if (!missing.isEmpty() && !beds.isEmpty()) {
            beds.set(0, drifts().withPlants(beds.getFirst(), missing));
        }
        // a plant that found no place at all is not listed: a design never lists a plant it does not show
        counts = counts();
        for (int number = plants.size(); number >= 1; number--) {
            if (counts.get(number) == 0) {
                remove(plants.get(number - 1));
            }
        }
    }

    private Layout layoutWithoutChecks() {
        return new Layout(
                style,
                plants,
                site,
                patio,
                backBorder,
                feature,
                walks,
                beds,
                trees,
                labels,
                groundLabel,
                ground,
                pergola,
                tables,
                new Layout.Additions(screen, raisedBeds, water));
    }

    /** Whether the open ground is lawn or meadow, which a homeowner can have more or less of. */
    boolean lawnLike() {
        return ground == Look.Ground.LAWN || ground == Look.Ground.MEADOW;
    }

    /**
     * The open ground of the lot: what no structure, hardscape, feature, path, bed or addition covers. It is the
     * lawn (or meadow, or gravel) a homeowner sees, and where anything new must go.
     */
    Area open() {
        Area open = new Area(new Rectangle2D.Double(0, 0, site.width(), site.depth()));
        for (Rectangle2D fixed : List.of(site.house(), site.garage(), site.driveway(), site.porch())) {
            open.subtract(new Area(fixed));
        }
        open.subtract(new Area(PlanGeometry.grown(patio, 1)));
        if (feature != null) {
            open.subtract(PlanGeometry.footprint(feature));
        }
        BasicStroke path = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (Layout.Walk walk : walks) {
            open.subtract(new Area(path.createStrokedShape(Curves.smoothOpen(walk.points()))));
        }
        for (Bed bed : beds) {
            open.subtract(new Area(bed.area()));
        }
        if (screen != null) {
            open.subtract(new Area(screen.area()));
        }
        for (Rectangle2D raised : raisedBeds) {
            open.subtract(new Area(PlanGeometry.grown(raised, 1.5)));
        }
        Layout.Water w = water;
        if (w != null) {
            open.subtract(new Area(PlanGeometry.circle(w.centre(), w.radius() + 1.5)));
        }
        return open;
    }

    /** {@code shape} widened by {@code by} feet all round; square corners for geometric beds. */
    Area widened(Shape shape, double by) {
        boolean square = look.beds() == Look.Beds.GEOMETRIC;
        BasicStroke stroke = new BasicStroke(
                (float) (by * 2),
                square ? BasicStroke.CAP_SQUARE : BasicStroke.CAP_ROUND,
                square ? BasicStroke.JOIN_MITER : BasicStroke.JOIN_ROUND);
        Area area = new Area(stroke.createStrokedShape(new Path2D.Double(shape)));
        area.add(new Area(shape));
        return area;
    }
}
