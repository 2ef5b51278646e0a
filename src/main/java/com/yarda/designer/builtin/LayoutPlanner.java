package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Layout.Bed;
import com.yarda.designer.builtin.Layout.Label;
import com.yarda.designer.builtin.Layout.PlantSpot;
import com.yarda.designer.builtin.Layout.Walk;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays out the garden of a style on a site: a patio behind the house, the style's feature in the back garden,
 * walks to the street and to the feature, borders and islands of beds planted in drifts of the palette, and a few
 * trees: every plant of the palette at least once, and none where a canopy hides it. All choices come from one
 * random seeded by the design seed, taken in a fixed order, so a layout is repeatable.
 */
final class LayoutPlanner {

    private final Style style;
    private final List<Plant> plants;
    private final List<Look.Sprite> sprites;
    private final Look look;
    private final Site site;
    private final Random random;
    private final Drifts drifts;

    private final Rectangle2D patio;
    private final double backBorder;
    private final Point2D feature;
    private final double featureRadius;
    private final List<Label> labels = new ArrayList<>();
    // every label and every open spot taken so far: open spots keep clear of them
    private final List<Point2D> labelSpots = new ArrayList<>();

    /** Plans {@code plants} (the palette, in legend order) in the manner of {@code style}. */
    LayoutPlanner(Style style, List<Plant> plants, Site site, long designSeed) {
        this.style = style;
        this.plants = List.copyOf(plants);
        this.look = Look.of(style);
        this.sprites = look.sprites(plants);
        this.site = site;
        this.random = new Random(designSeed);
        this.drifts = new Drifts(sprites, random);

        Rectangle2D house = site.house();
        Rectangle2D garage = site.garage();
        boolean deck = look.paving() == Look.Paving.DECK;
        double patioDepth = deck ? 14 + random.nextInt(5) : 12 + random.nextInt(5);
        double patioWidth = look.feature() == Look.Feature.POND
                ? house.getWidth() + garage.getWidth()
                : Math.round(house.getWidth() * (0.7 + random.nextDouble() * 0.25));
        double patioX = look.feature() == Look.Feature.POND
                ? Math.min(house.getX(), garage.getX())
                : house.getX() + (house.getWidth() - patioWidth) * random.nextDouble();
        patio = new Rectangle2D.Double(patioX, site.houseTop() - patioDepth, patioWidth, patioDepth);

        backBorder = look.beds() == Look.Beds.ISLANDS ? 6 : 9 + random.nextInt(4);
        double clear = patio.getY() - backBorder;
        featureRadius = Math.max(6, Math.min(10, clear / 2 - 2));
        boolean featureRight = patio.getCenterX() < site.width() / 2;
        double featureX = featureRight
                ? site.width() * (0.66 + random.nextDouble() * 0.08)
                : site.width() * (0.26 + random.nextDouble() * 0.08);
        feature = new Point2D.Double(featureX, backBorder + clear * (0.42 + random.nextDouble() * 0.1));
    }

    Layout plan() {
        Rectangle2D driveway = site.driveway();
        label("Driveway", driveway.getCenterX(), (site.garage().getMaxY() + site.depth()) / 2);
        String patioName = switch (look.paving()) {
            case DECK -> "Deck";
            case TILES -> "Terrace";
            default -> "Patio";
        };
        label(patioName, patio.getX() + patio.getWidth() * 0.68, patio.getCenterY());
        // the order of these steps is the order of the layout's random draws: changing it changes every plan
        List<Walk> walks = walks();
        Layout.Feature planned = feature();
        List<Bed> beds = beds();
        List<PlantSpot> trees = trees();
        Point2D groundLabel = openSpot(6);
        // a plant under a canopy is not seen on the plan, so it is not planted: the plan's counts are what it shows
        Layout.Feature feature = new Layout.Feature(
                planned.kind(),
                planned.centre(),
                planned.radius(),
                planned.course(),
                planned.beds().stream().map(bed -> Drifts.uncovered(bed, trees)).toList(),
                Drifts.seen(planned.pots(), trees));
        List<Bed> visible = new ArrayList<>();
        for (Bed bed : beds) {
            visible.add(Drifts.uncovered(bed, trees));
        }
        // every bed geometry plants the border first; it may hold every plant but the trees, which have their places
        visible.set(0, drifts.withEveryPlant(visible.getFirst()));
        // a fountain's terrace is shaded by a pergola; every other patio has a table
        boolean pergola = look.feature() == Look.Feature.FOUNTAIN;
        List<Point2D> tables = pergola
                ? List.of()
                : List.of(new Point2D.Double(patio.getX() + patio.getWidth() * 0.3, patio.getCenterY()));
        return new Layout(
                style,
                plants,
                site,
                patio,
                backBorder,
                feature,
                walks,
                visible,
                trees,
                labels,
                groundLabel,
                look.ground(),
                pergola,
                tables,
                Layout.Additions.NONE);
    }

    private void label(String text, double x, double y) {
        labelSpots.add(new Point2D.Double(x, y));
        labels.add(new Label(text, x, y));
    }

    private List<Walk> walks() {
        Rectangle2D porch = site.porch();
        double streetEdge = site.depth() + 2;
        Point2D door = new Point2D.Double(porch.getCenterX(), porch.getMaxY());
        Point2D start = new Point2D.Double(
                Math.max(patio.getX() + 3, Math.min(patio.getMaxX() - 3, feature.getX())), patio.getY());
        Point2D end = new Point2D.Double(feature.getX(), feature.getY() + featureRadius * 0.8);
        if (look.beds() == Look.Beds.GEOMETRIC) {
            // geometric styles walk at right angles
            double turn = (start.getY() + end.getY()) / 2;
            return List.of(
                    new Walk(List.of(door, new Point2D.Double(door.getX(), streetEdge))),
                    new Walk(List.of(
                            start, new Point2D.Double(start.getX(), turn), new Point2D.Double(end.getX(), turn), end)));
        }
        List<Walk> walks = new ArrayList<>();
        Point2D street = new Point2D.Double(porch.getCenterX() + (random.nextDouble() - 0.5) * 10, streetEdge);
        walks.add(new Walk(List.of(door, bend(door, street, 5), street)));
        if (look.feature() != Look.Feature.PLUNGE_POOL) {
            walks.add(new Walk(List.of(start, bend(start, end, 4), end)));
        }
        return walks;
    }

    private Point2D bend(Point2D from, Point2D to, double sway) {
        return new Point2D.Double(
                (from.getX() + to.getX()) / 2 + (random.nextDouble() - 0.5) * 2 * sway, (from.getY() + to.getY()) / 2);
    }

    private Layout.Feature feature() {
        double x = feature.getX();
        double y = feature.getY();
        double r = featureRadius;
        double width = site.width();
        List<Point2D> course = List.of();
        List<Bed> beds = List.of();
        List<PlantSpot> pots = new ArrayList<>();
        switch (look.feature()) {
            case FIRE_PIT -> label("Fire pit", x, y - r * 0.8 - 2.5);
            case DRY_WASH, DRY_CREEK -> {
                course = List.of(
                        new Point2D.Double(x < width / 2 ? width * 0.95 : width * 0.05, backBorder),
                        new Point2D.Double((x + width / 2) / 2, backBorder + (y - backBorder) * 0.5),
                        new Point2D.Double(x + (x < width / 2 ? 4 : -4), y + r * 0.4),
                        new Point2D.Double(x < width / 2 ? 3 : width - 3, patio.getY() - 2));
                Point2D bank = course.get(1);
                if (look.feature() == Look.Feature.DRY_WASH) {
                    label("Fire bowl", x, y - r * 0.75 - 2.5);
                    label("Dry wash", bank.getX(), bank.getY() - 4);
                } else {
                    label("Dry creek", bank.getX(), bank.getY() - 4);
                }
            }
            case POND -> label("Pond", x, y);
            case SEATING_CIRCLE -> {
                Area ring = new Area(new Ellipse2D.Double(x - r * 0.95, y - r * 0.95, r * 1.9, r * 1.9));
                ring.subtract(new Area(new Ellipse2D.Double(x - r * 0.55, y - r * 0.55, r * 1.1, r * 1.1)));
                // the opening towards the patio
                ring.subtract(new Area(new Rectangle2D.Double(x - 2, y, 4, r)));
                beds = List.of(drifts.plant(ring, drifts.bedPlants(), null));
                label("Seating circle", x, y + 1.5);
            }
            case FOUNTAIN -> {
                // the pots hold the last plant of the list that is neither a tree nor a screen
                List<Integer> pottable = drifts.bedPlants();
                int potted = pottable.isEmpty() ? 0 : pottable.getLast() + 1;
                for (int i = 0; i < 4 && potted > 0; i++) {
                    double a = Math.PI / 4 + i * Math.PI / 2;
                    pots.add(new PlantSpot(potted, x + Math.cos(a) * r * 0.95, y + Math.sin(a) * r * 0.95, 0.8));
                }
                label("Fountain", x, y - r * 0.8 - 2.5);
            }
            case PLUNGE_POOL -> label("Plunge pool", x, y);
        }
        return new Layout.Feature(look.feature(), feature, r, course, beds, List.copyOf(pots));
    }

    private List<Bed> beds() {
        double width = site.width();
        double houseTop = site.houseTop();
        List<Bed> beds = new ArrayList<>();
        Area backyard = new Area(new Rectangle2D.Double(0, 0, width, houseTop));
        Area keepOut = keepOut();
        switch (look.beds()) {
            case FLOWING -> {
                double left = 7 + random.nextInt(4);
                double right = 7 + random.nextInt(4);
                List<Point2D> inner = new ArrayList<>();
                for (double y = houseTop + 6; y > backBorder; y -= 11) {
                    inner.add(new Point2D.Double(left + (random.nextDouble() - 0.3) * 5, y));
                }
                for (double x = left + 8; x < width - right - 4; x += 12) {
                    inner.add(new Point2D.Double(x, backBorder + (random.nextDouble() - 0.4) * 6));
                }
                for (double y = backBorder + 4; y < houseTop + 6; y += 11) {
                    inner.add(new Point2D.Double(width - right - (random.nextDouble() - 0.3) * 5, y));
                }
                Area border = new Area(backyard);
                border.subtract(new Area(Curves.smoothClosed(inner)));
                border.subtract(keepOut);
                beds.add(drifts.plant(border, drifts.borderPlants(), null));
                if (look.ground() == Look.Ground.MEADOW) {
                    Point2D spot = openSpot(9);
                    Area island = new Area(Curves.blob(spot.getX(), spot.getY(), 8, 5, 0.25, random));
                    island.subtract(keepOut);
                    beds.add(drifts.plant(island, drifts.bedPlants(), null));
                }
            }
            case GEOMETRIC -> {
                double side = 6 + random.nextInt(3);
                Area border = new Area(new Rectangle2D.Double(0, 0, width, backBorder));
                border.add(new Area(new Rectangle2D.Double(0, 0, side, houseTop)));
                border.add(new Area(new Rectangle2D.Double(width - side, 0, side, houseTop)));
                border.subtract(keepOut);
                beds.add(drifts.plant(border, drifts.borderPlants(), null));
                if (look.feature() == Look.Feature.FOUNTAIN) {
                    for (int i = -1; i <= 1; i += 2) {
                        double x = feature.getX() + i * (featureRadius + 3) - (i < 0 ? 6 : 0);
                        Area parterre = new Area(new Rectangle2D.Double(
                                x,
                                feature.getY() + featureRadius * 0.9,
                                6,
                                patio.getY() - feature.getY() - featureRadius - 2));
                        parterre.subtract(keepOut);
                        beds.add(drifts.plant(parterre, drifts.bedPlants(), null));
                    }
                }
            }
            case ISLANDS -> {
                Area border = new Area(new Rectangle2D.Double(0, 0, width, backBorder));
                border.add(new Area(new Rectangle2D.Double(0, 0, 5, houseTop)));
                border.add(new Area(new Rectangle2D.Double(width - 5, 0, 5, houseTop)));
                border.subtract(keepOut);
                beds.add(drifts.plant(border, drifts.borderPlants(), null));
                for (int i = 0; i < 3; i++) {
                    Point2D spot = openSpot(7);
                    Area island =
                            new Area(Curves.blob(spot.getX(), spot.getY(), 5 + random.nextInt(3), 3.5, 0.3, random));
                    island.subtract(keepOut);
                    Point2D boulder = new Point2D.Double(spot.getX() + 2, spot.getY() - 1);
                    beds.add(drifts.plant(island, drifts.bedPlants(), boulder));
                }
            }
        }
        frontBeds(beds, keepOut);
        return beds;
    }

    private void frontBeds(List<Bed> beds, Area keepOut) {
        Rectangle2D house = site.house();
        double houseFront = site.houseFront();
        double depth = 5 + random.nextInt(3);
        Shape foundation = look.beds() == Look.Beds.GEOMETRIC
                ? new Rectangle2D.Double(house.getX(), houseFront, house.getWidth(), depth)
                : Curves.blob(house.getCenterX(), houseFront + 1, house.getWidth() / 2 + 2, depth, 0.15, random);
        Area bed = new Area(foundation);
        bed.subtract(keepOut);
        beds.add(drifts.plant(bed, drifts.bedPlants(), null));

        double x = site.garageLeft() ? site.width() - 7 : 0;
        Area side =
                new Area(new Rectangle2D.Double(x, houseFront + depth + 3, 7, site.depth() - houseFront - depth - 5));
        side.subtract(keepOut);
        beds.add(drifts.plant(side, drifts.bedPlants(), null));
    }

    /** Everything beds must leave free: the house and its structures, the patio, paths and the feature. */
    private Area keepOut() {
        Rectangle2D porch = site.porch();
        Area out = new Area(site.house());
        out.add(new Area(site.garage()));
        out.add(new Area(site.driveway()));
        out.add(new Area(porch));
        out.add(new Area(new Rectangle2D.Double(
                patio.getX() - 1, patio.getY() - 1, patio.getWidth() + 2, patio.getHeight() + 5)));
        out.add(new Area(new Ellipse2D.Double(
                feature.getX() - featureRadius * 1.4,
                feature.getY() - featureRadius * 1.1,
                featureRadius * 2.8,
                featureRadius * 2.2)));
        out.add(new Area(
                new Rectangle2D.Double(porch.getCenterX() - 6, porch.getMaxY(), 12, site.depth() - porch.getMaxY())));
        double pathX = Math.max(patio.getX() + 3, Math.min(patio.getMaxX() - 3, feature.getX()));
        out.add(new Area(new Rectangle2D.Double(
                Math.min(pathX, feature.getX()) - 4,
                feature.getY(),
                Math.abs(pathX - feature.getX()) + 8,
                patio.getY() - feature.getY())));
        return out;
    }

    /** A point in the open back garden, clear of the patio, the feature, the labels and earlier open spots. */
    private Point2D openSpot(double radius) {
        double width = site.width();
        Point2D best = new Point2D.Double(width / 2, backBorder + radius);
        double bestScore = -1;
        for (int i = 0; i < 24; i++) {
            double x = radius + 6 + random.nextDouble() * (width - 2 * radius - 12);
            double y =
                    backBorder + radius + random.nextDouble() * Math.max(1, patio.getY() - backBorder - 2 * radius - 2);
            double score = Math.min(
                    feature.distance(x, y) - featureRadius * 1.4,
                    Math.hypot(x - patio.getCenterX(), Math.max(0, patio.getY() - y)) - 6);
            for (Point2D label : labelSpots) {
                score = Math.min(score, label.distance(x, y) - 6);
            }
            if (score > bestScore) {
                bestScore = score;
                best = new Point2D.Double(x, y);
            }
        }
        labelSpots.add(best);
        return best;
    }

    /**
     * Three trees (four palms): in the back corners, in the front yard and at the back fence, none in the feature.
     * Every tree of the palette gets a place before any gets a second, and one still without a place (when the
     * feature took a corner) goes to an open spot of the back garden: a tree the legend lists is in the plan.
     */
    private List<PlantSpot> trees() {
        List<Integer> trees = new ArrayList<>();
        for (int i = 0; i < sprites.size(); i++) {
            if (sprites.get(i).form().isTree()) {
                trees.add(i);
            }
        }
        if (trees.isEmpty()) {
            return List.of();
        }
        double width = site.width();
        Rectangle2D house = site.house();
        double houseFront = site.houseFront();
        double frontX = site.garageLeft() ? (house.getMaxX() + width) / 2 : house.getX() / 2;
        List<Point2D> spots = List.of(
                new Point2D.Double(width * (0.14 + random.nextDouble() * 0.06), 8 + random.nextDouble() * 5),
                new Point2D.Double(width * (0.8 + random.nextDouble() * 0.06), 9 + random.nextDouble() * 5),
                new Point2D.Double(frontX, houseFront + (site.depth() - houseFront) * 0.5),
                new Point2D.Double(width * 0.5 + (random.nextDouble() - 0.5) * 12, 4 + random.nextDouble() * 3));
        int count = sprites.get(trees.get(0)).form() == Look.Form.PALM ? 4 : 3;
        List<Integer> unplaced = new ArrayList<>(trees);
        List<PlantSpot> planted = new ArrayList<>();
        for (int i = 0; i < spots.size() && (i < count || !unplaced.isEmpty()); i++) {
            Point2D spot = spots.get(i);
            if (spot.distance(feature) < featureRadius + 4) {
                continue;
            }
            int plant = unplaced.isEmpty() ? trees.get(i % trees.size()) : unplaced.removeFirst();
            planted.add(tree(plant, spot));
        }
        for (int plant : unplaced) {
            planted.add(tree(plant, openSpot(6)));
        }
        return List.copyOf(planted);
    }

    private PlantSpot tree(int plant, Point2D spot) {
        Look.Sprite sprite = sprites.get(plant);
        double r = sprite.form() == Look.Form.PALM ? 6 + random.nextDouble() * 2 : 8 + random.nextDouble() * 4;
        return new PlantSpot(plant + 1, spot.getX(), spot.getY(), r * sprite.scale());
    }
}
