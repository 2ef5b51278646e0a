package com.yarda.designer.builtin;

import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Drifts.Spot;
import com.yarda.site.HardinessZone;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A design concept from the homeowner's photo: the photo graded toward the style's palette, planting zones over
 * the lower part of the yard with every plant of the palette drawn in them, numbered tags, and the legend beside
 * it. The photo itself stays recognisable: the house and everything fixed remain exactly where the homeowner
 * photographed them. Each plant is counted as it is drawn, and those counts are the design's quantities.
 */
final class PhotoConcept {

    static final int MAX_PHOTO_WIDTH = 2000;
    static final int MARGIN = 32;
    static final int GAP = 24;
    static final int MIN_HEIGHT = 1100;

    private final Style style;
    private final Look look;
    private final List<Plant> plants;
    private final List<Look.Sprite> sprites;
    private final @Nullable HardinessZone zone;
    private final Random random;
    private final PhotoRevision.Edits edits;
    private final List<String> changes;
    // how many of each plant the concept has drawn, by legend number
    private final Map<Integer, Integer> drawn = new TreeMap<>();

    private PhotoConcept(
            Style style,
            List<Plant> plants,
            @Nullable HardinessZone zone,
            long seed,
            PhotoRevision.Edits edits,
            List<String> changes) {
        this.style = style;
        this.edits = edits;
        this.changes = List.copyOf(changes);
        this.look = Look.of(style);
        this.plants = List.copyOf(plants);
        this.sprites = look.sprites(plants);
        this.zone = zone;
        this.random = new Random(seed);
    }

    /**
     * Draws the concept for {@code photo}, planted with {@code plants} (the palette, numbered in this order).
     *
     * @param zone the site's hardiness zone, when known
     * @throws DesignFailed (not retryable) when the bytes are not a readable image
     */
    static Drawing draw(
            Style style, List<Plant> plants, @Nullable HardinessZone zone, DesignRequest.Photo photo, long seed) {
        return draw(style, plants, zone, photo, seed, PhotoRevision.Edits.NONE, List.of());
    }

    /** Draws a refined concept: with its {@code edits} over the photo, and the refinement's {@code changes} in the legend. */
    static Drawing draw(
            Style style,
            List<Plant> plants,
            @Nullable HardinessZone zone,
            DesignRequest.Photo photo,
            long seed,
            PhotoRevision.Edits edits,
            List<String> changes) {
        PhotoConcept concept = new PhotoConcept(style, plants, zone, seed, edits, changes);
        BufferedImage image = concept.draw(PhotoImage.decode(photo.bytes()));
        return new Drawing(image, plants, concept.drawn);
    }

    /**
     * Where the photo sits on the concept: in the top-left corner, as tall as the concept (1100 px) unless that
     * would make it wider than {@value #MAX_PHOTO_WIDTH} px. With the photo's framing kept at the origin, the web
     * app can lay the concept over the original photo for a before/after comparison.
     */
    static Rectangle2D photoArea(int width, int height) {
        double s = Math.min((double) MAX_PHOTO_WIDTH / width, (double) MIN_HEIGHT / height);
        int w = Math.max(1, (int) Math.round(width * s));
        int h = Math.max(1, (int) Math.round(height * s));
        return new Rectangle2D.Double(0, 0, w, h);
    }

    private BufferedImage draw(BufferedImage source) {
        Rectangle2D area = photoArea(source.getWidth(), source.getHeight());
        int width = (int) area.getMaxX() + GAP + Legend.WIDTH + MARGIN;
        int height = Math.max(MIN_HEIGHT, (int) area.getHeight());
        BufferedImage photo = PhotoImage.graded(
                PhotoImage.scaled(source, (int) area.getWidth(), (int) area.getHeight()), look.grade());

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Symbols.prepare(g);
            g.setColor(look.palette().background());
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0, 0, 0, 40));
            g.fill(new Rectangle2D.Double(area.getX() + 2, area.getY() + 4, area.getWidth(), area.getHeight()));
            g.drawImage(photo, (int) area.getX(), (int) area.getY(), null);
            g.translate(area.getX(), area.getY());
            g.setClip(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
            vignette(g, area.getWidth(), area.getHeight());
            List<Spot> spots = zones(g, area.getWidth(), area.getHeight());
            tags(g, spots, area.getWidth(), area.getHeight());
            caption(g);
            g.setClip(null);
            g.translate(-area.getX(), -area.getY());
            Legend.draw(
                    g,
                    new Rectangle2D.Double(area.getMaxX() + GAP, MARGIN, Legend.WIDTH, height - 2.0 * MARGIN),
                    style,
                    look,
                    plants,
                    zone,
                    "Your photo, redesigned in the " + style.displayName() + " style",
                    List.of(
                            "Photo graded to the style's palette",
                            "House, fences, paths and driveway kept as photographed",
                            "Zones show where planting goes; check on site"),
                    changes);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void vignette(Graphics2D g, double w, double h) {
        float radius = (float) (Math.hypot(w, h) / 2);
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(w / 2, h / 2),
                radius,
                new float[] {0f, 0.6f, 1f},
                new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 0), new Color(0, 0, 0, 95)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
    }

    /** Planting zones along the bottom of the yard, one on each side. */
    private List<Spot> zones(Graphics2D g, double w, double h) {
        boolean geometric = look.beds() == Look.Beds.GEOMETRIC;
        double top = h * (0.66 + random.nextDouble() * 0.06);
        List<Shape> shapes = new ArrayList<>();
        double leftWidth = w * (0.27 + random.nextDouble() * 0.05);
        double rightX = w * (0.7 - random.nextDouble() * 0.05);
        if (edits.zones() != 1) {
            // less lawn: the zones reach further up and in; more lawn: less far. The middle stays free either way.
            top = Math.max(h * 0.45, h * 0.985 - (h * 0.985 - top) * edits.zones());
            leftWidth = Math.min(w * 0.42, leftWidth * edits.zones());
            rightX = Math.max(w * 0.58, w * 0.985 - (w * 0.985 - rightX) * edits.zones());
        }
        // {x, y, width, height} of a bed on each side; the middle stays free, as paths and drives usually
        // come towards the camera there and fixed structures are kept
        double[][] boxes = {
            {w * 0.015, top, leftWidth, h * 0.985 - top},
            {rightX, top + h * 0.03, w * 0.985 - rightX, h * 0.955 - top}
        };
        for (double[] box : boxes) {
            if (geometric) {
                shapes.add(new RoundRectangle2D.Double(box[0], box[1], box[2], box[3], 14, 14));
            } else {
                shapes.add(Curves.blob(box[0] + box[2] / 2, box[1] + box[3] / 2, box[2] / 2, box[3] / 2, 0.12, random));
            }
        }
        List<Integer> bedPlants = new ArrayList<>();
        List<Integer> trees = new ArrayList<>();
        for (int i = 0; i < sprites.size(); i++) {
            (sprites.get(i).form().isTree() ? trees : bedPlants).add(i);
        }
        List<Spot> spots = new ArrayList<>();
        Composite before = g.getComposite();
        float[] dash = {10f, 7f};
        for (int zone = 0; zone < shapes.size(); zone++) {
            Shape shape = shapes.get(zone);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.42f));
            g.setColor(look.palette().beds());
            g.fill(shape);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.88f));
            spots.addAll(plants(g, shape, bedPlants, zone, h));
            g.setComposite(before);
            g.setColor(new Color(255, 255, 255, 220));
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            g.draw(shape);
        }
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        Plant screen = edits.screen();
        if (screen != null) {
            spots.addAll(screen(g, shapes, plants.indexOf(screen), w));
        }
        // one marker per tree of the legend, and more where a refinement asked for shade, spread across the zones
        List<Plant> extraTrees = edits.extraTrees();
        int markers = trees.isEmpty() ? 0 : trees.size() + extraTrees.size();
        double[] across = {0.7, 0.5, 0.1, 0.9};
        for (int i = 0; i < markers; i++) {
            Rectangle2D b = shapes.get(i % 2).getBounds2D();
            int extra = i - trees.size();
            double share = extra < 0 ? 0.3 : across[(extra / 2) % across.length];
            double x = i % 2 == 0 ? b.getX() + b.getWidth() * share : b.getMaxX() - b.getWidth() * share;
            double y = b.getY() + b.getHeight() * 0.15;
            Spot tree = new Spot(extra < 0 ? trees.get(i) : plants.indexOf(extraTrees.get(extra)), x, y, x);
            plant(g, tree, w * 0.06);
            spots.add(tree);
        }
        g.setComposite(before);
        new PhotoAdditions(look, edits, random).draw(g, shapes, w, h);
        return spots;
    }

    /** A row of {@code plant} (its index) along the back of each zone, close enough to read as a screen. */
    private List<Spot> screen(Graphics2D g, List<Shape> shapes, int plant, double w) {
        List<Spot> row = new ArrayList<>();
        double radius = w * 0.022;
        for (Shape shape : shapes) {
            Rectangle2D b = shape.getBounds2D();
            double y = b.getY() + b.getHeight() * 0.1;
            for (double x = b.getX() + radius; x < b.getMaxX() - radius; x += radius * 1.6) {
                if (shape.contains(x, y)) {
                    Spot spot = new Spot(plant, x, y, x);
                    plant(g, spot, radius);
                    row.add(spot);
                }
            }
        }
        return row;
    }

    private List<Spot> plants(Graphics2D g, Shape zone, List<Integer> plants, int offset, double h) {
        Rectangle2D b = zone.getBounds2D();
        double base = Math.max(10, b.getHeight() * 0.13);
        List<Spot> here = new ArrayList<>();
        if (plants.isEmpty()) {
            return here;
        }
        double step = base * 1.5;
        // each of the two zones shows half of the planting list in drifts, so every plant appears
        int perZone = (plants.size() + 1) / 2;
        List<Integer> share = new ArrayList<>();
        for (int drifted = 0; drifted < perZone; drifted++) {
            share.add(plants.get((drifted + offset * perZone) % plants.size()));
        }
        double drift = b.getWidth() / perZone;
        for (double y = b.getY() + step * 0.6; y < b.getMaxY(); y += step * 0.8) {
            for (double x = b.getX() + step * 0.6; x < b.getMaxX(); x += step) {
                double px = x + (random.nextDouble() - 0.5) * step * 0.4;
                double py = y + (random.nextDouble() - 0.5) * step * 0.3;
                if (zone.contains(px, py) && zone.contains(px - base, py) && zone.contains(px + base, py)) {
                    int drifted = Math.min(perZone - 1, (int) ((px - b.getX()) / drift));
                    here.add(new Spot(share.get(drifted), px, py, px));
                }
            }
        }
        // a narrow zone may leave a drift without a spot; its plant is listed, so it must show
        List<Spot> planted = new ArrayList<>(Drifts.everyPlant(here, share));
        planted.sort(Comparator.comparingDouble(Spot::y));
        for (Spot spot : planted) {
            // nearer the camera is lower in the frame and larger
            plant(g, spot, base * (0.7 + 0.5 * (spot.y() - b.getY()) / Math.max(1, h - b.getY())));
        }
        return planted;
    }

    /** Draws one plant, and counts it: the counts are what the concept shows. */
    private void plant(Graphics2D g, Spot spot, double radius) {
        Look.Sprite sprite = sprites.get(spot.plant());
        Symbols.plant(g, sprite, spot.x(), spot.y(), radius * sprite.scale(), random);
        drawn.merge(spot.plant() + 1, 1, Integer::sum);
    }

    private void tags(Graphics2D g, List<Spot> spots, double w, double h) {
        List<Point2D> taken = new ArrayList<>();
        for (int plant = 0; plant < sprites.size(); plant++) {
            Point2D best = null;
            double bestClearance = -1;
            for (Spot spot : spots) {
                if (spot.plant() != plant || spot.x() < 16 || spot.x() > w - 16 || spot.y() > h - 16) {
                    continue;
                }
                double clearance = Double.MAX_VALUE;
                for (Point2D other : taken) {
                    clearance = Math.min(clearance, other.distance(spot.x(), spot.y()));
                }
                if (clearance > bestClearance) {
                    bestClearance = clearance;
                    best = new Point2D.Double(spot.x(), spot.y());
                }
            }
            if (best != null) {
                Symbols.marker(g, plant + 1, best.getX(), best.getY(), 13, Legend.tagColour(sprites.get(plant)));
                taken.add(best);
            }
        }
    }

    private void caption(Graphics2D g) {
        String text = Symbols.spaced(style.displayName()) + "   ·   PLANTING ZONES";
        Font font = new Font(Symbols.SANS, Font.BOLD, 13);
        double width = g.getFontMetrics(font).stringWidth(text) + 28;
        RoundRectangle2D pill = new RoundRectangle2D.Double(16, 16, width, 30, 30, 30);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(pill);
        g.setColor(Symbols.INK);
        Symbols.centeredText(g, text, font, pill.getCenterX(), pill.getCenterY());
    }
}
