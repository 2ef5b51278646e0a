package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.builtin.Layout.Bed;
import com.yarda.designer.builtin.Layout.PlantSpot;
import java.awt.geom.Area;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * What a refinement adds to a plan, each where it fits and serves best: trees for shade (one by the patio), a screen
 * along the fences, raised vegetable beds in the sun near the house, a water feature in view of the patio. Places are
 * searched on a grid in a fixed order, so the same plan always gets the same places.
 */
final class Placements {

    private static final double STEP = 2;

    private Placements() {}

    /** Two trees of {@code tree}: one whose canopy shades the patio, one where the garden has least shade. */
    static Change shade(Revision plan, Plant tree) {
        int number = plan.number(tree);
        Look.Sprite sprite = plan.sprite(number);
        Area ground = plan.open();
        plan.beds.forEach(bed -> ground.add(new Area(bed.area())));
        Rectangle2D patio = plan.patio;
        List<String> where = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            double radius = (sprite.form() == Look.Form.PALM
                            ? 6 + plan.random.nextDouble() * 2
                            : 8 + plan.random.nextDouble() * 4)
                    * sprite.scale();
            boolean byPatio = i == 0;
            Point2D spot = best(
                    plan,
                    p -> ground.contains(p.getX() - 1, p.getY() - 1, 2, 2)
                            && plan.trees.stream()
                                    .noneMatch(t -> p.distance(t.x(), t.y()) < 0.7 * (radius + t.radius())),
                    // by the patio: its canopy reaches a little over the paving, nearest the patio's middle
                    p -> byPatio
                            ? Math.abs(distance(patio, p) - radius * 0.45)
                                    + 0.01 * Math.abs(p.getX() - patio.getCenterX())
                            : -plan.trees.stream()
                                    .mapToDouble(t -> p.distance(t.x(), t.y()))
                                    .min()
                                    .orElse(100));
            if (spot != null) {
                plan.trees.add(new PlantSpot(number, spot.getX(), spot.getY(), radius));
                where.add(byPatio ? "one shading the patio" : "one in the open garden");
            }
        }
        if (where.isEmpty()) {
            return Change.refused("there is no open ground left for a tree");
        }
        plan.uncover();
        return Change.made((where.size() == 2 ? "2 trees" : "a tree") + " planted (" + tree.commonName() + "), "
                + String.join(" and ", where));
    }

    /**
     * A screen of {@code plant} along the back and side fences of the back garden, spaced so the plants touch, in
     * place of what the border held there; none where a canopy already screens.
     */
    static Change screen(Revision plan, Plant plant) {
        if (plan.screen != null) {
            return Change.noted("the fences are screened already");
        }
        int number = plan.number(plant);
        Look.Sprite sprite = plan.sprite(number);
        Site site = plan.site;
        double width = site.width();
        double gate = site.houseTop() + 6;
        double depth = 3.4;
        Area strip = new Area(new Rectangle2D.Double(0, 0, width, depth));
        strip.add(new Area(new Rectangle2D.Double(0, 0, depth, gate)));
        strip.add(new Area(new Rectangle2D.Double(width - depth, 0, depth, gate)));
        for (Rectangle2D fixed : List.of(site.house(), site.garage(), PlanGeometry.grown(plan.patio, 1))) {
            strip.subtract(new Area(fixed));
        }
        double size = Drifts.size(sprite);
        double spacing = Math.max(2.2, size * 1.7);
        double inset = 1.6;
        List<Point2D> line = new ArrayList<>();
        for (double x = inset; x <= width - inset; x += spacing) {
            line.add(new Point2D.Double(x, inset));
        }
        for (double y = inset + spacing; y < gate - 1; y += spacing) {
            line.add(new Point2D.Double(inset, y));
            line.add(new Point2D.Double(width - inset, y));
        }
        List<PlantSpot> spots = new ArrayList<>();
        for (Point2D p : line) {
            if (strip.contains(p)) {
                spots.add(new PlantSpot(number, p.getX(), p.getY(), size * (0.95 + plan.random.nextDouble() * 0.1)));
            }
        }
        spots = new ArrayList<>(Drifts.seen(spots, plan.trees));
        if (spots.isEmpty()) {
            return Change.refused("the fences have no room for a screen");
        }
        spots.sort(Comparator.comparingDouble(PlantSpot::y));
        plan.beds.replaceAll(bed -> new Bed(
                bed.area(),
                bed.plants().stream().filter(p -> !strip.contains(p.x(), p.y())).toList(),
                bed.boulder()));
        plan.screen = new Bed(strip, spots, null);
        plan.labels.add(new Layout.Label("Privacy screen", width / 2, depth + 2.5));
        return Change.made(
                "a screen of " + spots.size() + " " + plant.commonName() + " along the back and side fences");
    }

    /**
     * Raised vegetable beds of 4 × 8 ft with paths between them, three if there is room, in open ground no canopy
     * shades, as near the patio as they fit: vegetables want sun, and a kitchen garden is used when it is close.
     */
    static Change raisedBeds(Revision plan) {
        if (!plan.raisedBeds.isEmpty()) {
            return Change.noted("the vegetable beds are there already");
        }
        Area open = plan.open();
        Point2D patio = new Point2D.Double(plan.patio.getCenterX(), plan.patio.getCenterY());
        for (int count = 3; count >= 1; count--) {
            double across = 4 * count + 2.5 * (count - 1);
            for (boolean sideBySide : new boolean[] {true, false}) {
                double w = sideBySide ? across : 8;
                double h = sideBySide ? 8 : across;
                Point2D corner = best(
                        plan,
                        p -> {
                            Rectangle2D block = new Rectangle2D.Double(p.getX(), p.getY(), w, h);
                            return open.contains(PlanGeometry.grown(block, 1))
                                    && plan.trees.stream().noneMatch(t -> distance(block, t) < t.radius());
                        },
                        p -> patio.distance(p.getX() + w / 2, p.getY() + h / 2));
                if (corner != null) {
                    for (int i = 0; i < count; i++) {
                        double offset = i * 6.5;
                        plan.raisedBeds.add(
                                sideBySide
                                        ? new Rectangle2D.Double(corner.getX() + offset, corner.getY(), 4, 8)
                                        : new Rectangle2D.Double(corner.getX(), corner.getY() + offset, 8, 4));
                    }
                    plan.labels.add(new Layout.Label("Vegetable beds", corner.getX() + w / 2, corner.getY() - 2));
                    return Change.made(
                            (count == 1 ? "a raised bed" : count + " raised beds") + " of 4 × 8 ft in the sun");
                }
            }
        }
        return Change.refused("no sunny open ground is left for raised beds");
    }

    /** The kind of water feature a wish asks for: a pond, a birdbath, else a fountain. */
    static Layout.Water.Kind waterKind(String said) {
        String text = Wishes.normalise(said);
        if (text.matches(".*\\b(pond|koi|stream|waterfall|rill)s?\\b.*")) {
            return Layout.Water.Kind.POND;
        }
        return text.matches(".*\\bbird ?baths?\\b.*") ? Layout.Water.Kind.BIRDBATH : Layout.Water.Kind.FOUNTAIN;
    }

    /** A pond, fountain or birdbath in the open garden, a few steps from the patio so it is seen and heard there. */
    static Change water(Revision plan, Layout.Water.Kind kind) {
        Layout.Water earlier = plan.water;
        if (earlier != null) {
            plan.labels.removeIf(label -> label.text().equals(name(earlier.kind())));
            plan.water = null;
        }
        double radius = switch (kind) {
            case POND -> 5;
            case FOUNTAIN -> 3;
            case BIRDBATH -> 1.5;
        };
        Area open = plan.open();
        Rectangle2D patio = plan.patio;
        Point2D centre = best(
                plan,
                p -> open.contains(PlanGeometry.circle(p, radius + 1.5).getBounds2D()),
                p -> Math.abs(distance(patio, p) - radius - 6));
        if (centre == null) {
            plan.water = earlier;
            return Change.refused("there is no open ground left for " + article(kind));
        }
        plan.water = new Layout.Water(kind, centre, radius);
        plan.labels.add(new Layout.Label(name(kind), centre.getX(), centre.getY() - radius - 2));
        return Change.made(article(kind) + " near the patio");
    }

    static String name(Layout.Water.Kind kind) {
        return switch (kind) {
            case POND -> "Pond";
            case FOUNTAIN -> "Fountain";
            case BIRDBATH -> "Birdbath";
        };
    }

    private static String article(Layout.Water.Kind kind) {
        return "a " + name(kind).toLowerCase(Locale.ROOT);
    }

    /**
     * The patio grows into the garden and to the sides, as far as the feature, paths and additions allow, and gains
     * a second table where the new paving has room for one.
     */
    static Change seating(Revision plan) {
        Rectangle2D old = plan.patio;
        Site site = plan.site;
        Area blocked = new Area();
        if (plan.feature != null) {
            blocked.add(PlanGeometry.footprint(plan.feature));
        }
        plan.raisedBeds.forEach(raised -> blocked.add(new Area(PlanGeometry.grown(raised, 1))));
        Layout.Water w = plan.water;
        if (w != null) {
            blocked.add(new Area(PlanGeometry.circle(w.centre(), w.radius() + 1)));
        }
        double[][] growths = {{6, 4}, {6, 0}, {3, 4}, {0, 5}, {3, 0}};
        for (double[] growth : growths) {
            double up = growth[0];
            double side = growth[1];
            double left = Math.max(4, old.getX() - side);
            double right = Math.min(site.width() - 4, old.getMaxX() + side);
            Rectangle2D grown = new Rectangle2D.Double(left, old.getY() - up, right - left, old.getHeight() + up);
            if (blocked.intersects(PlanGeometry.grown(grown, 1.5))
                    || grown.getWidth() * grown.getHeight() < old.getWidth() * old.getHeight() * 1.2) {
                continue;
            }
            enlarge(plan, old, grown);
            double share = grown.getWidth() * grown.getHeight() / (old.getWidth() * old.getHeight()) - 1;
            String name = patioName(plan);
            return Change.made("the " + name + " is " + Lawn.about(share) + " larger"
                    + (plan.tables.size() > 1 ? ", with a second table" : ""));
        }
        return Change.refused("the " + patioName(plan) + " has no room to grow");
    }

    private static void enlarge(Revision plan, Rectangle2D old, Rectangle2D grown) {
        plan.patio = grown;
        Area paved = new Area(PlanGeometry.grown(grown, 1));
        plan.beds.replaceAll(bed -> {
            Area area = new Area(bed.area());
            area.subtract(paved);
            return new Bed(
                    area,
                    bed.plants().stream()
                            .filter(p -> !PlanGeometry.grown(grown, 1.5).contains(p.x(), p.y()))
                            .toList(),
                    bed.boulder());
        });
        // the garden walks start at the patio's edge: they start at its new edge
        for (int i = 1; i < plan.walks.size(); i++) {
            List<Point2D> points = new ArrayList<>(plan.walks.get(i).points());
            Point2D start = points.getFirst();
            if (Math.abs(start.getY() - old.getY()) < 0.5) {
                points.set(0, new Point2D.Double(start.getX(), grown.getY()));
                if (points.size() == 4) {
                    double turn = (grown.getY() + points.get(3).getY()) / 2;
                    points.set(1, new Point2D.Double(start.getX(), turn));
                    points.set(2, new Point2D.Double(points.get(3).getX(), turn));
                }
                plan.walks.set(i, new Layout.Walk(points));
            }
        }
        double up = old.getY() - grown.getY();
        if (up >= 5) {
            plan.tables.add(new Point2D.Double(grown.getX() + grown.getWidth() * 0.3, grown.getY() + 3.4));
        } else if (old.getX() - grown.getX() >= 5) {
            plan.tables.add(new Point2D.Double(grown.getX() + 3.4, grown.getCenterY()));
        }
    }

    private static String patioName(Revision plan) {
        return switch (plan.look.paving()) {
            case DECK -> "deck";
            case TILES -> "terrace";
            default -> "patio";
        };
    }

    /**
     * The best point of a 2-ft grid over the lot by {@code score} (lowest wins) among those that {@code fit}; the back
     * garden is searched first, the front yard only when nothing fits there. Null when nothing fits.
     */
    private static @Nullable Point2D best(Revision plan, Predicate<Point2D> fits, ToDoubleFunction<Point2D> score) {
        Site site = plan.site;
        double[][] parts = {{0, site.houseTop()}, {site.houseTop(), site.depth()}};
        for (double[] part : parts) {
            Point2D best = null;
            double bestScore = Double.MAX_VALUE;
            for (double y = part[0] + 2; y < part[1] - 1; y += STEP) {
                for (double x = 2; x < site.width() - 1; x += STEP) {
                    Point2D p = new Point2D.Double(x, y);
                    if (!fits.test(p)) {
                        continue;
                    }
                    double s = score.applyAsDouble(p);
                    if (s < bestScore) {
                        bestScore = s;
                        best = p;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** How far {@code p} is from the nearest point of {@code r}; 0 inside it. */
    private static double distance(Rectangle2D r, Point2D p) {
        double dx = Math.max(0, Math.max(r.getX() - p.getX(), p.getX() - r.getMaxX()));
        double dy = Math.max(0, Math.max(r.getY() - p.getY(), p.getY() - r.getMaxY()));
        return Math.hypot(dx, dy);
    }

    private static double distance(Rectangle2D r, PlantSpot tree) {
        return distance(r, new Point2D.Double(tree.x(), tree.y()));
    }
}
