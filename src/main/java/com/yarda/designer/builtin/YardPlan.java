package com.yarda.designer.builtin;

import com.yarda.designer.Style;
import com.yarda.designer.builtin.Layout.PlantSpot;
import com.yarda.site.HardinessZone;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A top-down concept plan of a property: the lot with its street and neighbours, the house, garage and driveway
 * kept as they are, and the garden of a style around them, with numbered plant tags keyed to the legend, a north
 * arrow and a scale bar. It draws a {@link Layout}, worked out in feet before anything is drawn, through one
 * transform, layer by layer from the ground up; the plan's labels, tags and compass go on top in pixels.
 */
final class YardPlan {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1100;
    private static final Rectangle2D PLAN = new Rectangle2D.Double(32, 32, 1116, 1036);
    private static final Rectangle2D PANEL = new Rectangle2D.Double(1172, 32, Legend.WIDTH, 1036);
    private static final double STREET_DEPTH = 30;

    /** What the legend says the plan is of: never the address (see {@link #draw(Layout, HardinessZone, long)}). */
    private static final String SUBJECT =
            "A concept plan of the front yard; the lot and house are drawn schematically.";

    private final Style style;
    private final Look look;
    private final Layout layout;
    private final List<Look.Sprite> sprites;
    private final @Nullable HardinessZone zone;
    private final Planting.Pen pen;
    private final Random texture;
    private final List<String> changes;
    private final double scale;
    private final double originX;
    private final double originY;

    private YardPlan(
            Layout layout, @Nullable HardinessZone zone, long designSeed, Planting.Pen pen, List<String> changes) {
        this.style = layout.style();
        this.look = Look.of(style);
        this.layout = layout;
        this.sprites = look.sprites(layout.plants());
        this.zone = zone;
        this.pen = pen;
        // textures (speckle, paving joints, stones, the lobes of a plant symbol, which plant carries a tag) draw
        // from a stream of their own, not the layout's: how many numbers a texture takes must not move a bed or a
        // plant
        this.texture = new Random(new SplittableRandom(designSeed).nextLong());
        this.changes = List.copyOf(changes);
        Site site = layout.site();
        scale = Math.min(
                (PLAN.getWidth() - 80) / site.width(), (PLAN.getHeight() - 40) / (site.depth() + STREET_DEPTH));
        originX = PLAN.getX() + (PLAN.getWidth() - site.width() * scale) / 2;
        originY = PLAN.getY() + 26;
    }

    /**
     * Draws {@code layout} as a plan; the same inputs always give the same pixels. The plan names no address, not
     * even the street: a design can be shared with a contractor, and nothing in it may point to its owner.
     *
     * @param zone the site's hardiness zone, named over the planting list when known
     * @param designSeed the seed the layout was planned with: it also shapes the textures
     */
    static Drawing draw(Layout layout, @Nullable HardinessZone zone, long designSeed) {
        return draw(layout, zone, designSeed, List.of());
    }

    /**
     * Draws {@code layout} with {@code changes} (a refinement's notes) listed in the legend; none for a first design.
     */
    static Drawing draw(Layout layout, @Nullable HardinessZone zone, long designSeed, List<String> changes) {
        return draw(layout, zone, designSeed, Planting.SYMBOLS, changes);
    }

    /** Draws the plan with every plant drawn by {@code pen}, counting each plant as it is drawn. */
    static Drawing draw(Layout layout, @Nullable HardinessZone zone, long designSeed, Planting.Pen pen) {
        return draw(layout, zone, designSeed, pen, List.of());
    }

    private static Drawing draw(
            Layout layout, @Nullable HardinessZone zone, long designSeed, Planting.Pen pen, List<String> changes) {
        Map<Integer, Integer> drawn = new TreeMap<>();
        Planting.Pen counted = (g, sprite, plant, texture) -> {
            pen.draw(g, sprite, plant, texture);
            drawn.merge(plant.number(), 1, Integer::sum);
        };
        BufferedImage image = new YardPlan(layout, zone, designSeed, counted, changes).draw();
        return new Drawing(image, layout.plants(), drawn);
    }

    private BufferedImage draw() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Symbols.prepare(g);
            paper(g);
            AffineTransform pixels = g.getTransform();
            g.setClip(PLAN);
            g.translate(originX, originY);
            g.scale(scale, scale);
            garden(g);
            g.setTransform(pixels);
            labels(g);
            tags(g);
            g.setClip(null);
            compass(g);
            g.setColor(new Color(0xB9B3A6));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(PLAN);
            Legend.draw(g, PANEL, style, look, layout.plants(), zone, SUBJECT, footer(), changes);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The property in feet, from the ground up: what is drawn later covers what was drawn before. */
    private void garden(Graphics2D g) {
        Structures structures = new Structures(g, look, layout.site());
        Grounds grounds = new Grounds(g, look, layout, texture);
        Hardscape hardscape = new Hardscape(g, look, layout, texture);
        Planting planting = new Planting(g, look, layout, texture, grounds, hardscape, pen);
        structures.surroundings(-originX / scale - 5, (WIDTH - originX) / scale + 5);
        grounds.cover();
        structures.driveway();
        hardscape.patio();
        hardscape.walks();
        new Features(g, look, layout, texture, grounds, hardscape, planting).draw();
        new Extras(g, layout, texture, hardscape).draw();
        planting.beds();
        planting.trees();
        structures.house();
        structures.fences(scale);
    }

    private List<String> footer() {
        return List.of(
                String.format(
                        Locale.ROOT,
                        "Concept plan · lot shown about %.0f × %.0f ft",
                        layout.site().width(),
                        layout.site().depth()),
                "House, garage, driveway and boundaries kept as they are",
                "Check boundaries and utilities on site before building");
    }

    private void paper(Graphics2D g) {
        g.setColor(look.palette().background());
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Symbols.shade(look.palette().background(), 0.965));
        g.setStroke(new BasicStroke(1f));
        for (double x = PLAN.getX(); x < PLAN.getMaxX(); x += 24) {
            g.draw(new Line2D.Double(x, PLAN.getY(), x, PLAN.getMaxY()));
        }
        for (double y = PLAN.getY(); y < PLAN.getMaxY(); y += 24) {
            g.draw(new Line2D.Double(PLAN.getX(), y, PLAN.getMaxX(), y));
        }
    }

    private Point2D pixel(double x, double y) {
        return new Point2D.Double(originX + x * scale, originY + y * scale);
    }

    private void labels(Graphics2D g) {
        Font small = new Font(Symbols.SANS, Font.BOLD, 12);
        Color halo = Symbols.withAlpha(Color.WHITE, 210);
        for (Layout.Label label : layout.labels()) {
            Point2D p = pixel(label.x(), label.y());
            Symbols.label(g, Symbols.spaced(label.text()), small, p.getX(), p.getY(), Symbols.INK, halo);
        }
        Rectangle2D house = layout.site().house();
        Rectangle2D garage = layout.site().garage();
        Point2D center = pixel(house.getCenterX(), house.getCenterY());
        Symbols.label(
                g, "HOUSE", new Font(Symbols.SANS, Font.BOLD, 20), center.getX(), center.getY(), Symbols.INK, halo);
        Point2D garageCenter = pixel(garage.getCenterX(), garage.getCenterY());
        Symbols.label(g, Symbols.spaced("Garage"), small, garageCenter.getX(), garageCenter.getY(), Symbols.INK, halo);
        String ground = switch (layout.ground()) {
            case LAWN -> "Lawn";
            case MEADOW -> "Native meadow";
            case GRAVEL -> "Gravel garden";
            case RAKED_GRAVEL -> "Raked gravel";
        };
        Point2D open = layout.groundLabel();
        Point2D groundLabel = pixel(open.getX(), open.getY());
        Symbols.label(g, Symbols.spaced(ground), small, groundLabel.getX(), groundLabel.getY(), Symbols.INK, halo);
        Point2D road = pixel(layout.site().width() / 2, layout.site().depth() + 20);
        Symbols.label(
                g,
                Symbols.spaced("Street"),
                new Font(Symbols.SANS, Font.BOLD, 15),
                road.getX(),
                road.getY(),
                new Color(0xF2F0EA),
                new Color(0x58595B));
    }

    /** One numbered tag per plant, on one of its plants, kept apart from each other and from the labels. */
    private void tags(Graphics2D g) {
        List<Point2D> taken = new ArrayList<>();
        for (Layout.Label label : layout.labels()) {
            taken.add(pixel(label.x(), label.y()));
        }
        Rectangle2D house = layout.site().house();
        taken.add(pixel(house.getCenterX(), house.getCenterY()));
        List<Ellipse2D> canopies = new ArrayList<>();
        for (PlantSpot tree : layout.trees()) {
            double r = tree.radius();
            canopies.add(new Ellipse2D.Double(tree.x() - r, tree.y() - r, r * 2, r * 2));
        }
        // tags go on plants in the ground: a pot is smaller than a tag and would vanish under it
        List<PlantSpot> inGround = layout.inGround();
        double radius = 11;
        for (int plant = 0; plant < sprites.size(); plant++) {
            List<PlantSpot> candidates = new ArrayList<>();
            for (PlantSpot p : inGround) {
                if (p.number() == plant + 1) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            Point2D best = null;
            double bestClearance = -1;
            for (int i = 0; i < Math.min(40, candidates.size() * 2); i++) {
                PlantSpot p = candidates.get(texture.nextInt(candidates.size()));
                Point2D at = pixel(p.x(), p.y());
                boolean hidden = canopies.stream().anyMatch(c -> c.contains(p.x(), p.y()));
                if (hidden && !sprites.get(plant).form().isTree() && i < 30) {
                    continue; // a tag on a plant under a tree points at nothing visible; only as a last resort
                }
                if (!PLAN.contains(at.getX() - 20, at.getY() - 20, 40, 40)) {
                    continue;
                }
                double clearance = Double.MAX_VALUE;
                for (Point2D other : taken) {
                    clearance = Math.min(clearance, other.distance(at));
                }
                if (clearance > bestClearance) {
                    bestClearance = clearance;
                    best = at;
                }
            }
            if (best != null) {
                Symbols.marker(g, plant + 1, best.getX(), best.getY(), radius, Legend.tagColour(sprites.get(plant)));
                taken.add(best);
            }
        }
    }

    /** North arrow and scale bar in a card over the street corner. */
    private void compass(Graphics2D g) {
        double w = 250;
        double h = 70;
        double x = PLAN.getMaxX() - w - 16;
        double y = PLAN.getMaxY() - h - 16;
        RoundRectangle2D card = new RoundRectangle2D.Double(x, y, w, h, 12, 12);
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(card);
        g.setColor(new Color(0xB9B3A6));
        g.setStroke(new BasicStroke(1f));
        g.draw(card);

        double northAngle = layout.site().northAngle();
        double cx = x + 36;
        double cy = y + h / 2;
        AffineTransform before = g.getTransform();
        g.rotate(northAngle, cx, cy);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(cx, cy - 24);
        arrow.lineTo(cx + 9, cy + 14);
        arrow.lineTo(cx, cy + 7);
        arrow.lineTo(cx - 9, cy + 14);
        arrow.closePath();
        g.setColor(Symbols.INK);
        g.fill(arrow);
        g.setTransform(before);
        g.setColor(Symbols.INK);
        Symbols.centeredText(
                g,
                "N",
                new Font(Symbols.SANS, Font.BOLD, 11),
                cx + Math.sin(northAngle) * 31,
                cy - Math.cos(northAngle) * 31);

        double feet = 20;
        double bar = feet * scale;
        double bx = x + 80;
        double by = y + 30;
        for (int i = 0; i < 4; i++) {
            Rectangle2D segment = new Rectangle2D.Double(bx + i * bar / 4, by, bar / 4, 7);
            g.setColor(i % 2 == 0 ? Symbols.INK : Color.WHITE);
            g.fill(segment);
            g.setColor(Symbols.INK);
            g.draw(segment);
        }
        Font font = new Font(Symbols.SANS, Font.PLAIN, 11);
        Symbols.centeredText(g, "0", font, bx, by + 20);
        Symbols.centeredText(g, "10", font, bx + bar / 2, by + 20);
        Symbols.centeredText(g, "20 ft", font, bx + bar + 6, by + 20);
        Symbols.centeredText(g, "SCALE", new Font(Symbols.SANS, Font.BOLD, 10), bx + bar / 2, by - 10);
    }
}
