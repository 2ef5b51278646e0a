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
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
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

    private static final Color WATER = new Color(0x4E97B0);
    private static final Color CEDAR = new Color(0xB07A4F);
    private static final Color SOIL = new Color(0x5C4532);
    private static final Color CROP = new Color(0x7FAE48);

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
        BufferedImage image = concept.draw(decode(photo.bytes()));
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
        BufferedImage photo = graded(scaled(source, (int) area.getWidth(), (int) area.getHeight()));

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

    static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw unreadable(null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                // a 40-megapixel upload would need 160 MB decoded; reading every n-th pixel keeps it small
                int step = Math.max(1, reader.getWidth(0) / (MAX_PHOTO_WIDTH * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DesignFailed failed) {
                throw failed;
            }
            throw unreadable(e);
        }
    }

    private static DesignFailed unreadable(Exception cause) {
        String message = "The photo could not be read as an image. Please upload it again as a JPEG or PNG.";
        return cause == null ? new DesignFailed(message, false) : new DesignFailed(message, false, cause);
    }

    /** Scales in halving steps: one big bicubic step from a large photo would alias. */
    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage current = copy(source, source.getWidth(), source.getHeight());
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = copy(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return copy(current, width, height);
    }

    private static BufferedImage copy(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent PNG pixels become white, not black
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The style's colour grade: warmth, contrast, saturation, split toning toward the palette and a lift. */
    private BufferedImage graded(BufferedImage photo) {
        Look.Grade grade = look.grade();
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] pixels = photo.getRGB(0, 0, w, h, null, 0, w);
        float[] shadow = grade.shadowTint().getRGBColorComponents(null);
        float[] highlight = grade.highlightTint().getRGBColorComponents(null);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            float r = ((p >> 16) & 0xFF) / 255f;
            float gr = ((p >> 8) & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            r *= 1 + 0.09f * grade.warmth();
            gr *= 1 + 0.02f * grade.warmth();
            b *= 1 - 0.09f * grade.warmth();
            r = (r - 0.5f) * grade.contrast() + 0.5f;
            gr = (gr - 0.5f) * grade.contrast() + 0.5f;
            b = (b - 0.5f) * grade.contrast() + 0.5f;
            float l = 0.299f * r + 0.587f * gr + 0.114f * b;
            r = l + (r - l) * grade.saturation();
            gr = l + (gr - l) * grade.saturation();
            b = l + (b - l) * grade.saturation();
            float t = Math.max(0, Math.min(1, l));
            r = tone(r, shadow[0] + (highlight[0] - shadow[0]) * t, grade.toning());
            gr = tone(gr, shadow[1] + (highlight[1] - shadow[1]) * t, grade.toning());
            b = tone(b, shadow[2] + (highlight[2] - shadow[2]) * t, grade.toning());
            r = grade.lift() + r * (1 - grade.lift());
            gr = grade.lift() + gr * (1 - grade.lift());
            b = grade.lift() + b * (1 - grade.lift());
            pixels[i] = (channel(r) << 16) | (channel(gr) << 8) | channel(b);
        }
        photo.setRGB(0, 0, w, h, pixels, 0, w);
        return photo;
    }

    /** Soft-light blend of {@code tint} over {@code base}, mixed in by {@code strength}. */
    private static float tone(float base, float tint, float strength) {
        float a = Math.max(0, Math.min(1, base));
        float soft = (1 - 2 * tint) * a * a + 2 * tint * a;
        return a + (soft - a) * strength;
    }

    private static int channel(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
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
        additions(g, shapes, w, h);
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

    /**
     * The seating, vegetable beds and water a refinement asked for, marked in the lawn behind the zones: in that order
     * over the left zone, the right zone, then farther back over each. None is a plant of the legend.
     */
    private void additions(Graphics2D g, List<Shape> shapes, double w, double h) {
        List<Rectangle2D> slots = new ArrayList<>();
        for (double back : new double[] {0.075, 0.16}) {
            for (Shape shape : shapes) {
                Rectangle2D b = shape.getBounds2D();
                double width = Math.min(b.getWidth() * 0.8, w * 0.24) * (back > 0.1 ? 0.8 : 1);
                double height = h * 0.06 * (back > 0.1 ? 0.8 : 1);
                double y = Math.max(h * 0.36, b.getY() - h * back);
                slots.add(new Rectangle2D.Double(b.getCenterX() - width / 2, y - height / 2, width, height));
            }
        }
        int slot = 0;
        if (edits.seating()) {
            seating(g, slots.get(slot++));
        }
        if (edits.vegetables()) {
            raisedBeds(g, slots.get(slot++));
        }
        Layout.Water.Kind water = edits.water();
        if (water != null) {
            water(g, slots.get(slot), water);
        }
    }
    /** A paved terrace with a round table and four chairs. */
    private void seating(Graphics2D g, Rectangle2D slot) {
        RoundRectangle2D paving = new RoundRectangle2D.Double(
                slot.getX(),
                slot.getY(),
                slot.getWidth(),
                slot.getHeight(),
                slot.getHeight() * 0.3,
                slot.getHeight() * 0.3);
        Symbols.shadow(g, paving, 2, 3, 0.25f);
        g.setColor(look.palette().hardscape());
        g.fill(paving);
        g.setColor(Symbols.shade(look.palette().hardscape(), 0.7));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(paving);
        double r = slot.getHeight() * 0.22;
        double cx = slot.getCenterX();
        double cy = slot.getCenterY();
        g.setColor(new Color(0x6B5A48));
        for (double[] at : new double[][] {{-1.9, 0}, {1.9, 0}, {-0.9, -1.3}, {0.9, 1.3}}) {
            g.fill(new RoundRectangle2D.Double(
                    cx + at[0] * r - r * 0.35, cy + at[1] * r - r * 0.35, r * 0.7, r * 0.7, 3, 3));
        }
        g.setColor(new Color(0xF3EEE4));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, r * 2, r * 2));
        g.setColor(new Color(0x6B5A48));
        g.draw(new Ellipse2D.Double(cx - r, cy - r, r * 2, r * 2));
        label(g, "Seating", slot);
    }

    /** Three timber raised beds of soil with rows of crops; the crops are not plants of the legend. */
    private void raisedBeds(Graphics2D g, Rectangle2D slot) {
        double gap = slot.getWidth() * 0.06;
        double bed = (slot.getWidth() - gap * 2) / 3;
        for (int i = 0; i < 3; i++) {
            Rectangle2D frame =
                    new Rectangle2D.Double(slot.getX() + i * (bed + gap), slot.getY(), bed, slot.getHeight());
            Symbols.shadow(g, frame, 2, 3, 0.25f);
            g.setColor(CEDAR);
            g.fill(frame);
            double inset = Math.max(2, slot.getHeight() * 0.08);
            Rectangle2D soil = new Rectangle2D.Double(
                    frame.getX() + inset,
                    frame.getY() + inset,
                    frame.getWidth() - inset * 2,
                    frame.getHeight() - inset * 2);
            g.setColor(SOIL);
            g.fill(soil);
            double leaf = soil.getHeight() * 0.22;
            for (int row = 0; row < 2; row++) {
                double y = soil.getY() + soil.getHeight() * (row + 0.5) / 2;
                for (double x = soil.getX() + leaf; x < soil.getMaxX() - leaf * 0.5; x += leaf * 1.6) {
                    g.setColor(Symbols.shade(CROP, 0.85 + random.nextDouble() * 0.3));
                    g.fill(new Ellipse2D.Double(x - leaf * 0.8, y - leaf * 0.8, leaf * 1.6, leaf * 1.6));
                }
            }
        }
        label(g, "Vegetable beds", slot);
    }

    /** A pond (the whole slot), a fountain or a birdbath (smaller, in its middle). */
    private void water(Graphics2D g, Rectangle2D slot, Layout.Water.Kind kind) {
        double share = switch (kind) {
            case POND -> 1;
            case FOUNTAIN -> 0.6;
            case BIRDBATH -> 0.35;
        };
        double rx = slot.getWidth() * share / 2;
        double ry = Math.max(slot.getHeight() / 2, rx * 0.35);
        Ellipse2D rim = new Ellipse2D.Double(slot.getCenterX() - rx, slot.getCenterY() - ry, rx * 2, ry * 2);
        Symbols.shadow(g, rim, 2, 3, 0.25f);
        g.setColor(kind == Layout.Water.Kind.POND ? new Color(0x8A857B) : new Color(0xD8CDB8));
        g.fill(rim);
        double edge = kind == Layout.Water.Kind.POND ? 0.9 : 0.75;
        g.setColor(WATER);
        g.fill(new Ellipse2D.Double(
                slot.getCenterX() - rx * edge, slot.getCenterY() - ry * edge, rx * 2 * edge, ry * 2 * edge));
        g.setColor(new Color(255, 255, 255, 120));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Ellipse2D.Double(slot.getCenterX() - rx * 0.4, slot.getCenterY() - ry * 0.3, rx * 0.8, ry * 0.6));
        label(g, Placements.name(kind), slot);
    }

    /** The name of an addition on a white pill above it. */
    private static void label(Graphics2D g, String text, Rectangle2D slot) {
        Font font = new Font(Symbols.SANS, Font.BOLD, 12);
        double width = g.getFontMetrics(font).stringWidth(text) + 16;
        RoundRectangle2D pill =
                new RoundRectangle2D.Double(slot.getCenterX() - width / 2, slot.getY() - 26, width, 20, 20, 20);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(pill);
        g.setColor(Symbols.INK);
        Symbols.centeredText(g, text, font, pill.getCenterX(), pill.getCenterY());
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
