package com.yarda.designer.builtin;

import com.yarda.designer.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A top-down concept plan of a property: the lot with its street and neighbours, the house, garage and driveway
 * kept as they are, and the garden of a style around them, with numbered plant tags keyed to the legend, a north
 * arrow and a scale bar. Geometry is worked out in feet and drawn through one transform; the layout comes from a
 * seeded random, so an address always gets the same plan and different addresses get different lots.
 */
final class YardPlan {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1100;
    private static final Rectangle2D PLAN = new Rectangle2D.Double(32, 32, 1116, 1036);
    private static final Rectangle2D PANEL = new Rectangle2D.Double(1172, 32, Legend.WIDTH, 1036);
    private static final double STREET_DEPTH = 30;
    private static final Color ROOF = new Color(0x8C8782);
    private static final Color CONCRETE = new Color(0xCBC7BE);
    private static final Color FENCE = new Color(0x6B5844);
    private static final Color WATER = new Color(0x4E97B0);

    private final Style style;
    private final Look look;
    private final Random random;
    private final Random texture;
    private final Random site;
    private final String address;

    // the lot, in feet: x to the right, y from the back fence (0) towards the street (lotDepth)
    private final double lotWidth;
    private final double lotDepth;
    private final double houseTop;
    private final double houseFront;
    private final Rectangle2D house;
    private final Rectangle2D garage;
    private final Rectangle2D driveway;
    private final Rectangle2D porch;
    private final Rectangle2D patio;
    private final Point2D feature;
    private final double featureRadius;
    private final double backBorder;
    private final double northAngle;

    private final double scale;
    private final double originX;
    private final double originY;
    private final List<Placement> placements = new ArrayList<>();
    private final List<Point2D> labelSpots = new ArrayList<>();
    private final List<PendingLabel> pendingLabels = new ArrayList<>();
    private final List<Ellipse2D> canopies = new ArrayList<>();

    /** Where a plant was drawn, in feet; tags are chosen among these. */
    private record Placement(int plant, double x, double y) {}

    /** A space name, drawn in pixels after the geometry so nothing covers it. */
    private record PendingLabel(String text, double x, double y) {}

    private YardPlan(Style style, String address, long siteSeed, long designSeed) {
        this.style = style;
        this.look = Look.of(style);
        this.random = new Random(designSeed);
        // textures (speckle, paving joints, stones, the lobes of a plant symbol, which plant carries a tag) draw
        // from a stream of their own: how many numbers a texture takes must not move a bed or a plant
        this.texture = new Random(new SplittableRandom(designSeed).nextLong());
        this.site = new Random(siteSeed);
        this.address = address;

        // the property comes from the address alone: one yard shown in several styles keeps its house and lot
        lotWidth = 74 + site.nextInt(31);
        lotDepth = 118 + site.nextInt(23);
        double frontSetback = 22 + site.nextInt(8);
        double houseDepth = 30 + site.nextInt(9);
        houseFront = lotDepth - frontSetback;
        houseTop = houseFront - houseDepth;
        double garageWidth = 22;
        double garageSide = 6 + site.nextInt(4);
        double houseWidth = Math.min(
                Math.round(lotWidth * (0.34 + site.nextDouble() * 0.1)), lotWidth - garageSide - garageWidth - 14);
        boolean garageLeft = site.nextBoolean();
        double garageX = garageLeft ? garageSide : lotWidth - garageSide - garageWidth;
        double houseX = garageLeft ? garageX + garageWidth : garageX - houseWidth;
        double garageForward = 3 + site.nextInt(7);
        house = new Rectangle2D.Double(houseX, houseTop, houseWidth, houseDepth);
        garage = new Rectangle2D.Double(garageX, houseFront + garageForward - 23, garageWidth, 23);
        driveway =
                new Rectangle2D.Double(garageX - 1, garage.getMaxY(), garageWidth + 2, lotDepth + 9 - garage.getMaxY());
        double doorX = houseX + houseWidth * (0.35 + site.nextDouble() * 0.3);
        porch = new Rectangle2D.Double(doorX - 4, houseFront, 8, 5);

        boolean deck = look.paving() == Look.Paving.DECK;
        double patioDepth = deck ? 14 + random.nextInt(5) : 12 + random.nextInt(5);
        double patioWidth = look.feature() == Look.Feature.POND
                ? houseWidth + garageWidth
                : Math.round(houseWidth * (0.7 + random.nextDouble() * 0.25));
        double patioX = look.feature() == Look.Feature.POND
                ? Math.min(houseX, garageX)
                : houseX + (houseWidth - patioWidth) * random.nextDouble();
        patio = new Rectangle2D.Double(patioX, houseTop - patioDepth, patioWidth, patioDepth);

        backBorder = look.beds() == Look.Beds.ISLANDS ? 6 : 9 + random.nextInt(4);
        double clear = patio.getY() - backBorder;
        featureRadius = Math.max(6, Math.min(10, clear / 2 - 2));
        boolean featureRight = patio.getCenterX() < lotWidth / 2;
        double featureX = featureRight
                ? lotWidth * (0.66 + random.nextDouble() * 0.08)
                : lotWidth * (0.26 + random.nextDouble() * 0.08);
        feature = new Point2D.Double(featureX, backBorder + clear * (0.42 + random.nextDouble() * 0.1));
        northAngle = Math.toRadians(site.nextInt(81) - 40);

        scale = Math.min((PLAN.getWidth() - 80) / lotWidth, (PLAN.getHeight() - 40) / (lotDepth + STREET_DEPTH));
        originX = PLAN.getX() + (PLAN.getWidth() - lotWidth * scale) / 2;
        originY = PLAN.getY() + 26;
    }

    /**
     * Draws the plan of {@code address} in {@code style}; the same inputs always give the same pixels.
     *
     * @param siteSeed shapes the lot, house, garage and driveway: it should depend on the address only
     * @param designSeed shapes the garden
     */
    static BufferedImage draw(Style style, String address, long siteSeed, long designSeed) {
        return new YardPlan(style, address, siteSeed, designSeed).draw();
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
            surroundings(g);
            ground(g);
            driveway(g);
            patio(g);
            walks(g);
            feature(g);
            beds(g);
            trees(g);
            house(g);
            fences(g);
            g.setTransform(pixels);
            labels(g);
            tags(g);
            g.setClip(null);
            compass(g);
            g.setColor(new Color(0xB9B3A6));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(PLAN);
            Legend.draw(g, PANEL, style, look, address, footer());
        } finally {
            g.dispose();
        }
        return image;
    }

    private List<String> footer() {
        return List.of(
                String.format(Locale.ROOT, "Concept plan · lot shown about %.0f × %.0f ft", lotWidth, lotDepth),
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

    /** Neighbouring lots and the street, muted so the eye stays on the property. */
    private void surroundings(Graphics2D g) {
        double farLeft = -originX / scale - 5;
        double farRight = (WIDTH - originX) / scale + 5;
        Color muted = Symbols.mix(look.palette().lawn(), look.palette().background(), 0.62);
        g.setColor(muted);
        g.fill(new Rectangle2D.Double(farLeft, -40, farRight - farLeft, lotDepth + 40));
        g.setStroke(new BasicStroke(0.25f));
        g.setColor(Symbols.shade(muted, 0.9));
        g.draw(new Line2D.Double(farLeft, 0, farRight, 0));
        Color roof = Symbols.mix(ROOF, look.palette().background(), 0.55);
        double[] neighbours = {-lotWidth + 14 + site.nextInt(8), lotWidth + 12 + site.nextInt(8)};
        for (double x : neighbours) {
            Rectangle2D other = new Rectangle2D.Double(x, houseTop - 6 + site.nextInt(12), 40 + site.nextInt(12), 34);
            g.setColor(roof);
            g.fill(other);
            g.setColor(Symbols.shade(roof, 0.85));
            Shape clip = g.getClip();
            g.clip(other);
            for (double d = -60; d < 60; d += 2.5) {
                g.draw(new Line2D.Double(other.getX() + d, other.getY(), other.getX() + d + 40, other.getMaxY()));
            }
            g.setClip(clip);
        }
        g.setColor(Symbols.shade(muted, 0.9));
        g.draw(new Line2D.Double(0, -40, 0, lotDepth));
        g.draw(new Line2D.Double(lotWidth, -40, lotWidth, lotDepth));

        double sidewalk = lotDepth + 2;
        double curb = lotDepth + 10;
        g.setColor(new Color(0x58595B));
        g.fill(new Rectangle2D.Double(farLeft, curb, farRight - farLeft, 80));
        g.setColor(new Color(0xE8C547));
        g.setStroke(new BasicStroke(
                0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, (float) lotWidth % 14));
        g.draw(new Line2D.Double(farLeft, curb + 16, farRight, curb + 16));
        g.setColor(muted);
        g.fill(new Rectangle2D.Double(farLeft, lotDepth, farRight - farLeft, curb - lotDepth));
        g.setColor(new Color(0xDCD8CF));
        g.fill(new Rectangle2D.Double(farLeft, sidewalk, farRight - farLeft, 5));
        g.setColor(new Color(0xB8B3A8));
        g.setStroke(new BasicStroke(0.15f));
        for (double x = Math.floor(farLeft / 5) * 5; x < farRight; x += 5) {
            g.draw(new Line2D.Double(x, sidewalk, x, sidewalk + 5));
        }
        g.setColor(new Color(0xEDEAE3));
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(farLeft, curb, farRight, curb));
    }

    private void ground(Graphics2D g) {
        Rectangle2D lot = new Rectangle2D.Double(0, 0, lotWidth, lotDepth);
        Look.Palette palette = look.palette();
        g.setColor(palette.lawn());
        g.fill(lot);
        Shape clip = g.getClip();
        g.clip(lot);
        switch (look.ground()) {
            case LAWN -> {
                // mowing stripes and a fine speckle: how a lawn reads on a rendered plan
                g.setColor(Symbols.withAlpha(Symbols.tint(palette.lawn(), 0.35), 45));
                for (double x = 0; x < lotWidth; x += 10) {
                    g.fill(new Rectangle2D.Double(x, 0, 5, lotDepth));
                }
                speckle(g, lot, Symbols.shade(palette.lawn(), 0.85), 0.14, 0.6);
            }
            case MEADOW -> {
                g.setStroke(new BasicStroke(0.12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int i = 0; i < lotWidth * lotDepth * 0.9; i++) {
                    double x = texture.nextDouble() * lotWidth;
                    double y = texture.nextDouble() * lotDepth;
                    double a = -Math.PI / 2 + (texture.nextDouble() - 0.5) * 1.2;
                    g.setColor(
                            texture.nextInt(3) == 0
                                    ? Symbols.shade(palette.lawn(), 0.78)
                                    : Symbols.tint(palette.lawn(), 0.2));
                    g.draw(new Line2D.Double(x, y, x + Math.cos(a) * 0.9, y + Math.sin(a) * 0.9));
                }
                speckle(g, lot, palette.accent(), 0.2, 0.03);
            }
            case GRAVEL -> {
                speckle(g, lot, Symbols.shade(palette.lawn(), 0.82), 0.12, 1.2);
                speckle(g, lot, Symbols.tint(palette.lawn(), 0.4), 0.12, 0.8);
            }
            case RAKED_GRAVEL -> speckle(g, lot, Symbols.shade(palette.lawn(), 0.88), 0.1, 0.6);
        }
        g.setClip(clip);
    }

    private void speckle(Graphics2D g, Shape area, Color color, double size, double perSquareFoot) {
        Rectangle2D bounds = area.getBounds2D();
        int count = (int) (bounds.getWidth() * bounds.getHeight() * perSquareFoot);
        g.setColor(color);
        for (int i = 0; i < count; i++) {
            double x = bounds.getX() + texture.nextDouble() * bounds.getWidth();
            double y = bounds.getY() + texture.nextDouble() * bounds.getHeight();
            if (area.contains(x, y)) {
                g.fill(new Rectangle2D.Double(x, y, size, size));
            }
        }
    }

    private void driveway(Graphics2D g) {
        g.setPaint(new GradientPaint(
                0f, (float) driveway.getY(), Symbols.tint(CONCRETE, 0.15), 0f, (float) driveway.getMaxY(), CONCRETE));
        g.fill(driveway);
        g.setColor(Symbols.shade(CONCRETE, 0.85));
        g.setStroke(new BasicStroke(0.15f));
        g.draw(driveway);
        for (double y = driveway.getY() + 10; y < driveway.getMaxY() - 2; y += 10) {
            g.draw(new Line2D.Double(driveway.getX(), y, driveway.getMaxX(), y));
        }
        g.draw(new Line2D.Double(driveway.getCenterX(), driveway.getY(), driveway.getCenterX(), driveway.getMaxY()));
        // the public sidewalk runs across the driveway apron
        g.setColor(new Color(0xDCD8CF));
        g.fill(new Rectangle2D.Double(driveway.getX(), lotDepth + 2, driveway.getWidth(), 5));
        labelAt("Driveway", driveway.getCenterX(), (garage.getMaxY() + lotDepth) / 2);
    }

    private void patio(Graphics2D g) {
        Shape shape = look.paving() == Look.Paving.FLAGSTONE
                ? new RoundRectangle2D.Double(patio.getX(), patio.getY(), patio.getWidth(), patio.getHeight() + 3, 8, 8)
                : patio;
        Symbols.shadow(g, shape, 0.2, 0.3, 0.15f);
        paving(g, shape, look.paving(), look.palette().hardscape());
        String name = switch (look.paving()) {
            case DECK -> "Deck";
            case TILES -> "Terrace";
            default -> "Patio";
        };
        if (look.feature() == Look.Feature.FOUNTAIN) {
            pergola(g);
        } else {
            table(g, patio.getX() + patio.getWidth() * 0.3, patio.getCenterY());
        }
        labelAt(name, patio.getX() + patio.getWidth() * 0.68, patio.getCenterY());
    }

    private void paving(Graphics2D g, Shape shape, Look.Paving kind, Color colour) {
        Rectangle2D b = shape.getBounds2D();
        Shape clip = g.getClip();
        g.setColor(kind == Look.Paving.FLAGSTONE ? Symbols.shade(look.palette().path(), 0.85) : colour);
        g.fill(shape);
        g.clip(shape);
        switch (kind) {
            case LARGE_PAVERS -> {
                g.setColor(Symbols.tint(colour, 0.4));
                g.setStroke(new BasicStroke(0.14f));
                for (double x = b.getX(); x < b.getMaxX(); x += 4) {
                    g.draw(new Line2D.Double(x, b.getY(), x, b.getMaxY()));
                }
                for (double y = b.getMaxY(); y > b.getY(); y -= 2) {
                    g.draw(new Line2D.Double(b.getX(), y, b.getMaxX(), y));
                }
            }
            case DECK -> {
                g.setStroke(new BasicStroke(0.07f));
                for (double y = b.getY(); y < b.getMaxY(); y += 0.5) {
                    g.setColor(Symbols.shade(colour, 0.9 + texture.nextDouble() * 0.15));
                    g.fill(new Rectangle2D.Double(b.getX(), y, b.getWidth(), 0.5));
                    g.setColor(Symbols.shade(colour, 0.7));
                    g.draw(new Line2D.Double(b.getX(), y, b.getMaxX(), y));
                    double seam = b.getX() + texture.nextDouble() * 12;
                    for (double x = seam; x < b.getMaxX(); x += 12) {
                        g.draw(new Line2D.Double(x, y, x, y + 0.5));
                    }
                }
            }
            case TILES -> {
                g.setStroke(new BasicStroke(0.12f));
                for (double y = b.getY(); y < b.getMaxY(); y += 1.4) {
                    for (double x = b.getX(); x < b.getMaxX(); x += 1.4) {
                        g.setColor(Symbols.shade(colour, 0.88 + texture.nextDouble() * 0.16));
                        g.fill(new Rectangle2D.Double(x, y, 1.4, 1.4));
                    }
                }
                g.setColor(new Color(0xE9DCC8));
                for (double y = b.getY(); y < b.getMaxY(); y += 1.4) {
                    g.draw(new Line2D.Double(b.getX(), y, b.getMaxX(), y));
                }
                for (double x = b.getX(); x < b.getMaxX(); x += 1.4) {
                    g.draw(new Line2D.Double(x, b.getY(), x, b.getMaxY()));
                }
            }
            case ASHLAR -> {
                g.setStroke(new BasicStroke(0.12f));
                double y = b.getY();
                while (y < b.getMaxY()) {
                    double h = 1.5 + texture.nextInt(3) * 0.5;
                    double x = b.getX() - texture.nextDouble() * 2;
                    while (x < b.getMaxX()) {
                        double w = 2 + texture.nextDouble() * 2;
                        g.setColor(Symbols.shade(colour, 0.9 + texture.nextDouble() * 0.12));
                        g.fill(new Rectangle2D.Double(x, y, w, h));
                        g.setColor(Symbols.shade(colour, 0.72));
                        g.draw(new Rectangle2D.Double(x, y, w, h));
                        x += w;
                    }
                    y += h;
                }
            }
            case FLAGSTONE -> {
                g.setStroke(new BasicStroke(0.1f));
                for (double y = b.getY(); y < b.getMaxY() + 3; y += 3) {
                    for (double x = b.getX(); x < b.getMaxX() + 3; x += 3) {
                        g.setColor(Symbols.shade(colour, 0.88 + texture.nextDouble() * 0.18));
                        Shape stone = stone(x + texture.nextDouble() - 0.5, y + texture.nextDouble() - 0.5, 1.35);
                        g.fill(stone);
                        g.setColor(Symbols.shade(colour, 0.7));
                        g.draw(stone);
                    }
                }
            }
        }
        g.setClip(clip);
        g.setColor(Symbols.shade(colour, 0.62));
        g.setStroke(new BasicStroke(0.2f));
        g.draw(shape);
    }

    /** An irregular flagstone or stepping stone. */
    private Shape stone(double x, double y, double r) {
        int corners = 5 + texture.nextInt(3);
        Path2D path = new Path2D.Double();
        double turn = texture.nextDouble() * Math.PI;
        for (int i = 0; i < corners; i++) {
            double a = turn + i * Math.PI * 2 / corners;
            double d = r * (0.8 + texture.nextDouble() * 0.25);
            if (i == 0) {
                path.moveTo(x + Math.cos(a) * d, y + Math.sin(a) * d);
            } else {
                path.lineTo(x + Math.cos(a) * d, y + Math.sin(a) * d);
            }
        }
        path.closePath();
        return path;
    }

    private void table(Graphics2D g, double x, double y) {
        g.setStroke(new BasicStroke(0.12f));
        for (int i = 0; i < 4; i++) {
            double a = Math.PI / 4 + i * Math.PI / 2;
            Rectangle2D chair =
                    new Rectangle2D.Double(x + Math.cos(a) * 2.6 - 0.9, y + Math.sin(a) * 2.6 - 0.9, 1.8, 1.8);
            g.setColor(new Color(0xF7F5F0));
            g.fill(chair);
            g.setColor(new Color(0x8D877C));
            g.draw(chair);
        }
        Ellipse2D top = new Ellipse2D.Double(x - 1.8, y - 1.8, 3.6, 3.6);
        Symbols.shadow(g, top, 0.3, 0.4, 0.25f);
        g.setColor(new Color(0xF7F5F0));
        g.fill(top);
        g.setColor(new Color(0x8D877C));
        g.draw(top);
    }

    private void pergola(Graphics2D g) {
        Color wood = new Color(0x7A5A3E);
        g.setColor(Symbols.withAlpha(wood, 230));
        g.setStroke(new BasicStroke(0.45f));
        g.draw(new Line2D.Double(patio.getX() + 0.5, patio.getY() + 1, patio.getMaxX() - 0.5, patio.getY() + 1));
        g.draw(new Line2D.Double(patio.getX() + 0.5, patio.getMaxY() - 1, patio.getMaxX() - 0.5, patio.getMaxY() - 1));
        g.setStroke(new BasicStroke(0.3f));
        for (double x = patio.getX() + 1; x < patio.getMaxX(); x += 2.2) {
            g.draw(new Line2D.Double(x, patio.getY(), x, patio.getMaxY()));
        }
        Look.Sprite vine = new Look.Sprite(Look.Form.SHRUB, new Color(0x5E8A3A), new Color(0x5A2E5E));
        for (int i = 0; i < 9; i++) {
            double x = patio.getX() + texture.nextDouble() * patio.getWidth();
            double y = texture.nextBoolean() ? patio.getY() + 1 : patio.getMaxY() - 1;
            Symbols.shrub(g, vine, x, y, 1.2 + texture.nextDouble() * 0.6, texture);
        }
    }

    private void walks(Graphics2D g) {
        Point2D door = new Point2D.Double(porch.getCenterX(), porch.getMaxY());
        paving(g, porch, look.paving() == Look.Paving.DECK ? Look.Paving.LARGE_PAVERS : look.paving(), CONCRETE);
        Point2D start = new Point2D.Double(
                Math.max(patio.getX() + 3, Math.min(patio.getMaxX() - 3, feature.getX())), patio.getY());
        Point2D end = new Point2D.Double(feature.getX(), feature.getY() + featureRadius * 0.8);
        if (look.beds() == Look.Beds.GEOMETRIC) {
            // geometric styles walk at right angles
            walk(g, List.of(door, new Point2D.Double(door.getX(), lotDepth + 2)), look.walk());
            double turn = (start.getY() + end.getY()) / 2;
            walk(
                    g,
                    List.of(start, new Point2D.Double(start.getX(), turn), new Point2D.Double(end.getX(), turn), end),
                    look.walk());
            return;
        }
        Point2D street = new Point2D.Double(porch.getCenterX() + (random.nextDouble() - 0.5) * 10, lotDepth + 2);
        walk(g, List.of(door, bend(door, street, 5), street), look.walk());
        if (look.feature() != Look.Feature.PLUNGE_POOL) {
            walk(g, List.of(start, bend(start, end, 4), end), look.walk());
        }
    }

    private Point2D bend(Point2D from, Point2D to, double sway) {
        return new Point2D.Double(
                (from.getX() + to.getX()) / 2 + (random.nextDouble() - 0.5) * 2 * sway, (from.getY() + to.getY()) / 2);
    }

    private void walk(Graphics2D g, List<Point2D> points, Look.Walk kind) {
        Color colour = look.palette().path();
        Path2D line = look.beds() == Look.Beds.GEOMETRIC ? polyline(points) : Symbols.smoothOpen(points);
        switch (kind) {
            case PAVERS, BRICK -> {
                Shape band = new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER).createStrokedShape(line);
                Symbols.shadow(g, band, 0.15, 0.2, 0.12f);
                g.setColor(colour);
                g.fill(band);
                g.setColor(Symbols.shade(colour, kind == Look.Walk.BRICK ? 0.75 : 0.82));
                g.setStroke(new BasicStroke(0.12f));
                Shape clip = g.getClip();
                g.clip(band);
                Rectangle2D b = band.getBounds2D();
                double step = kind == Look.Walk.BRICK ? 0.9 : 2.5;
                for (double d = -b.getHeight(); d < b.getWidth() + b.getHeight(); d += step) {
                    g.draw(new Line2D.Double(b.getX() + d, b.getY(), b.getX() + d + b.getHeight(), b.getMaxY()));
                    if (kind == Look.Walk.BRICK) {
                        g.draw(new Line2D.Double(b.getX() + d, b.getMaxY(), b.getX() + d + b.getHeight(), b.getY()));
                    }
                }
                g.setClip(clip);
                g.setColor(Symbols.shade(colour, 0.65));
                g.draw(band);
            }
            case STEPPING_STONES -> {
                for (Point2D p : along(line, 2.6)) {
                    Shape stone = stone(p.getX(), p.getY(), 1.2);
                    Symbols.shadow(g, stone, 0.15, 0.2, 0.2f);
                    g.setColor(Symbols.shade(colour, 0.92 + texture.nextDouble() * 0.1));
                    g.fill(stone);
                    g.setColor(Symbols.shade(colour, 0.7));
                    g.setStroke(new BasicStroke(0.1f));
                    g.draw(stone);
                }
            }
        }
    }

    private static Path2D polyline(List<Point2D> points) {
        Path2D path = new Path2D.Double();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (Point2D p : points.subList(1, points.size())) {
            path.lineTo(p.getX(), p.getY());
        }
        return path;
    }

    /** Points every {@code spacing} feet along a path. */
    private static List<Point2D> along(Shape path, double spacing) {
        List<Point2D> out = new ArrayList<>();
        var iterator = path.getPathIterator(null, 0.05);
        double[] c = new double[6];
        double px = 0;
        double py = 0;
        double carry = 0;
        while (!iterator.isDone()) {
            int type = iterator.currentSegment(c);
            if (type == java.awt.geom.PathIterator.SEG_MOVETO) {
                px = c[0];
                py = c[1];
                out.add(new Point2D.Double(px, py));
            } else if (type == java.awt.geom.PathIterator.SEG_LINETO) {
                double length = Math.hypot(c[0] - px, c[1] - py);
                double d = spacing - carry;
                while (d <= length) {
                    out.add(new Point2D.Double(px + (c[0] - px) * d / length, py + (c[1] - py) * d / length));
                    d += spacing;
                }
                carry = length - (d - spacing);
                px = c[0];
                py = c[1];
            }
            iterator.next();
        }
        return out;
    }

    private void feature(Graphics2D g) {
        double x = feature.getX();
        double y = feature.getY();
        double r = featureRadius;
        switch (look.feature()) {
            case FIRE_PIT -> {
                Rectangle2D pad = new Rectangle2D.Double(x - r, y - r * 0.8, r * 2, r * 1.6);
                g.setColor(new Color(0x2E2F31));
                g.fill(pad);
                speckle(g, pad, new Color(0x55575A), 0.12, 2);
                bench(g, new Rectangle2D.Double(x - r * 0.7, y - r * 0.8 + 0.6, r * 1.4, 1.6));
                bench(g, new Rectangle2D.Double(x - r * 0.7, y + r * 0.8 - 2.2, r * 1.4, 1.6));
                fire(g, x, y, 2.4, new Color(0x9A4E24));
                labelAt("Fire pit", x, y - r * 0.8 - 2.5);
            }
            case DRY_WASH, DRY_CREEK -> {
                List<Point2D> course = new ArrayList<>();
                course.add(new Point2D.Double(x < lotWidth / 2 ? lotWidth * 0.95 : lotWidth * 0.05, backBorder));
                course.add(new Point2D.Double((x + lotWidth / 2) / 2, backBorder + (y - backBorder) * 0.5));
                course.add(new Point2D.Double(x + (x < lotWidth / 2 ? 4 : -4), y + r * 0.4));
                course.add(new Point2D.Double(x < lotWidth / 2 ? 3 : lotWidth - 3, patio.getY() - 2));
                Path2D line = Symbols.smoothOpen(course);
                Shape bed =
                        new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(line);
                g.setColor(new Color(0xA9A298));
                g.fill(bed);
                Shape clip = g.getClip();
                g.clip(bed);
                Rectangle2D b = bed.getBounds2D();
                for (int i = 0; i < b.getWidth() * b.getHeight() * 0.7; i++) {
                    double cx = b.getX() + texture.nextDouble() * b.getWidth();
                    double cy = b.getY() + texture.nextDouble() * b.getHeight();
                    g.setColor(Symbols.shade(new Color(0xB8B1A6), 0.75 + texture.nextDouble() * 0.35));
                    g.fill(new Ellipse2D.Double(
                            cx, cy, 0.5 + texture.nextDouble() * 0.4, 0.4 + texture.nextDouble() * 0.3));
                }
                g.setClip(clip);
                for (int i = 0; i < 4; i++) {
                    Point2D p = course.get(1 + texture.nextInt(2));
                    boulder(
                            g,
                            p.getX() + (texture.nextDouble() - 0.5) * 8,
                            p.getY() + (texture.nextDouble() - 0.5) * 6,
                            1.3 + texture.nextDouble());
                }
                if (look.feature() == Look.Feature.DRY_WASH) {
                    Ellipse2D circle = new Ellipse2D.Double(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
                    paving(g, circle, Look.Paving.FLAGSTONE, look.palette().hardscape());
                    fire(g, x, y, 2.2, new Color(0x9A4E24));
                    labelAt("Fire bowl", x, y - r * 0.75 - 2.5);
                    labelAt("Dry wash", course.get(1).getX(), course.get(1).getY() - 4);
                } else {
                    Ellipse2D clearing = new Ellipse2D.Double(x - r * 0.65, y - r * 0.55, r * 1.3, r * 1.1);
                    g.setColor(look.palette().path());
                    g.fill(clearing);
                    speckle(g, clearing, Symbols.shade(look.palette().path(), 0.85), 0.12, 1.5);
                    bench(g, new Rectangle2D.Double(x - 3.5, y - r * 0.55 + 0.8, 7, 1.6));
                    labelAt("Dry creek", course.get(1).getX(), course.get(1).getY() - 4);
                }
            }
            case POND -> {
                Shape pond = Symbols.blob(x, y, r * 1.15, r * 0.8, 0.18, texture);
                g.setColor(new Color(0x6F6C66));
                g.fill(new BasicStroke(1.6f).createStrokedShape(pond));
                g.setPaint(new java.awt.RadialGradientPaint(
                        new Point2D.Double(x, y), (float) (r * 1.2), new float[] {0f, 1f}, new Color[] {
                            Symbols.tint(WATER, 0.15), Symbols.shade(WATER, 0.7)
                        }));
                g.fill(pond);
                g.setColor(Symbols.withAlpha(Color.WHITE, 80));
                g.setStroke(new BasicStroke(0.12f));
                for (int i = 1; i <= 3; i++) {
                    g.draw(new Ellipse2D.Double(x - i * 1.4 + 2, y - i * 0.9 - 1, i * 2.8, i * 1.8));
                }
                g.setColor(new Color(0xE8742C));
                for (int i = 0; i < 3; i++) {
                    double kx = x + (texture.nextDouble() - 0.5) * r;
                    double ky = y + (texture.nextDouble() - 0.5) * r * 0.6;
                    g.fill(new Ellipse2D.Double(kx, ky, 1.1, 0.45));
                }
                for (int i = 0; i < 12; i++) {
                    double a = i * Math.PI * 2 / 12 + texture.nextDouble() * 0.3;
                    boulder(
                            g,
                            x + Math.cos(a) * r * 1.15,
                            y + Math.sin(a) * r * 0.82,
                            0.7 + texture.nextDouble() * 0.5);
                }
                Rectangle2D slab = new Rectangle2D.Double(x - 1.4, y - r * 0.95, 2.8, r * 0.7);
                g.setColor(new Color(0x9B9A94));
                g.fill(slab);
                g.setColor(new Color(0x6E6C66));
                g.draw(slab);
                Rectangle2D lantern = new Rectangle2D.Double(x + r * 1.3, y - r * 0.9, 2, 2);
                Symbols.shadow(g, lantern, 0.6, 0.9, 0.3f);
                g.setColor(new Color(0x8C8B86));
                g.fill(lantern);
                g.setColor(new Color(0xF3E6B0));
                g.fill(new Ellipse2D.Double(lantern.getCenterX() - 0.4, lantern.getCenterY() - 0.4, 0.8, 0.8));
                labelAt("Pond", x, y);
                raked(g, pond);
            }
            case SEATING_CIRCLE -> {
                Ellipse2D ring = new Ellipse2D.Double(x - r * 0.95, y - r * 0.95, r * 1.9, r * 1.9);
                Ellipse2D circle = new Ellipse2D.Double(x - r * 0.55, y - r * 0.55, r * 1.1, r * 1.1);
                Area bed = new Area(ring);
                bed.subtract(new Area(circle));
                bed.subtract(new Area(new Rectangle2D.Double(x - 2, y, 4, r)));
                plantBed(g, bed, bedPlants(false), true);
                g.setColor(new Color(0xD9B45F));
                g.fill(circle);
                speckle(g, circle, new Color(0xB8924A), 0.12, 2);
                g.setColor(new Color(0xA88A4E));
                g.setStroke(new BasicStroke(0.2f));
                g.draw(circle);
                bench(g, new Rectangle2D.Double(x - 3, y - r * 0.55 + 0.6, 6, 1.5));
                g.setColor(new Color(0x8A6A48));
                g.setStroke(new BasicStroke(0.4f));
                g.draw(new Arc2D.Double(x - 2.6, y + r * 0.55, 5.2, 4, 0, 180, Arc2D.OPEN));
                labelAt("Seating circle", x, y + 1.5);
            }
            case FOUNTAIN -> {
                Rectangle2D surround = new Rectangle2D.Double(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
                paving(g, surround, Look.Paving.LARGE_PAVERS, look.palette().path());
                Ellipse2D basin = new Ellipse2D.Double(x - r * 0.5, y - r * 0.5, r, r);
                Symbols.shadow(g, basin, 0.3, 0.4, 0.25f);
                g.setColor(new Color(0xD8CDB8));
                g.fill(basin);
                Ellipse2D water = new Ellipse2D.Double(x - r * 0.4, y - r * 0.4, r * 0.8, r * 0.8);
                g.setColor(WATER);
                g.fill(water);
                g.setColor(Symbols.withAlpha(Color.WHITE, 110));
                g.setStroke(new BasicStroke(0.12f));
                for (double k = 0.8; k < r * 0.4; k += 0.9) {
                    g.draw(new Ellipse2D.Double(x - k, y - k, k * 2, k * 2));
                }
                g.setColor(new Color(0xE9DDC6));
                g.fill(new Ellipse2D.Double(x - 0.6, y - 0.6, 1.2, 1.2));
                for (int i = 0; i < 4; i++) {
                    double a = Math.PI / 4 + i * Math.PI / 2;
                    pot(g, x + Math.cos(a) * r * 0.95, y + Math.sin(a) * r * 0.95);
                }
                labelAt("Fountain", x, y - r * 0.8 - 2.5);
            }
            case PLUNGE_POOL -> {
                RoundRectangle2D coping =
                        new RoundRectangle2D.Double(x - r * 1.25, y - r * 0.72, r * 2.5, r * 1.44, 3, 3);
                RoundRectangle2D pool = new RoundRectangle2D.Double(x - r * 1.1, y - r * 0.57, r * 2.2, r * 1.14, 2, 2);
                Symbols.shadow(g, coping, 0.2, 0.3, 0.15f);
                paving(g, coping, Look.Paving.LARGE_PAVERS, look.palette().path());
                g.setPaint(new GradientPaint(
                        (float) pool.getX(),
                        (float) pool.getY(),
                        new Color(0x7FD3E0),
                        (float) pool.getMaxX(),
                        (float) pool.getMaxY(),
                        new Color(0x2E9AB5)));
                g.fill(pool);
                g.setColor(Symbols.withAlpha(Color.WHITE, 90));
                g.setStroke(new BasicStroke(0.12f));
                Shape clip = g.getClip();
                g.clip(pool);
                for (int i = 0; i < 18; i++) {
                    double cx = pool.getX() + texture.nextDouble() * pool.getWidth();
                    double cy = pool.getY() + texture.nextDouble() * pool.getHeight();
                    g.draw(new Arc2D.Double(cx, cy, 3, 1.2, 0, 160, Arc2D.OPEN));
                }
                g.setClip(clip);
                for (int i = 0; i < 2; i++) {
                    RoundRectangle2D lounger = new RoundRectangle2D.Double(
                            x - r * 0.9 + i * 4.2, coping.getMaxY() + 1.2, 2.6, 6.4, 0.8, 0.8);
                    Symbols.shadow(g, lounger, 0.3, 0.4, 0.25f);
                    g.setColor(new Color(0xF7F3E8));
                    g.fill(lounger);
                    g.setColor(new Color(0xA07850));
                    g.draw(lounger);
                }
                labelAt("Plunge pool", x, y);
            }
        }
    }

    private void fire(Graphics2D g, double x, double y, double r, Color rim) {
        Ellipse2D bowl = new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
        Symbols.shadow(g, bowl, 0.3, 0.4, 0.3f);
        g.setPaint(new java.awt.RadialGradientPaint(
                new Point2D.Double(x, y), (float) r, new float[] {0f, 0.45f, 1f}, new Color[] {
                    new Color(0xFFD15C), new Color(0xE8742C), new Color(0x3A2A22)
                }));
        g.fill(bowl);
        g.setColor(rim);
        g.setStroke(new BasicStroke(0.45f));
        g.draw(bowl);
    }

    private void bench(Graphics2D g, Rectangle2D seat) {
        Symbols.shadow(g, seat, 0.3, 0.4, 0.3f);
        g.setColor(new Color(0xA2765A));
        g.fill(seat);
        g.setColor(new Color(0x6E4E38));
        g.setStroke(new BasicStroke(0.1f));
        g.draw(seat);
        for (double x = seat.getX() + 1; x < seat.getMaxX(); x += 1) {
            g.draw(new Line2D.Double(x, seat.getY(), x, seat.getMaxY()));
        }
    }

    private void pot(Graphics2D g, double x, double y) {
        Ellipse2D rim = new Ellipse2D.Double(x - 1.1, y - 1.1, 2.2, 2.2);
        Symbols.shadow(g, rim, 0.3, 0.4, 0.3f);
        g.setColor(new Color(0xC8734A));
        g.fill(rim);
        Symbols.shrub(g, look.plants().get(look.plants().size() - 1), x, y, 0.8, texture);
    }

    private void boulder(Graphics2D g, double x, double y, double r) {
        Shape rock = Symbols.blob(x, y, r, r * 0.8, 0.15, texture);
        Symbols.shadow(g, rock, r * 0.3, r * 0.4, 0.3f);
        Symbols.fillLit(g, rock, x, y, r, new Color(0x8E8A84));
        g.setColor(new Color(0x5E5B56));
        g.setStroke(new BasicStroke(0.08f));
        g.draw(rock);
    }

    /** Raked lines: straight across the dry garden, and in rings around the pond and the islands. */
    private void raked(Graphics2D g, Shape pond) {
        if (look.ground() != Look.Ground.RAKED_GRAVEL) {
            return;
        }
        Area garden = new Area(new Rectangle2D.Double(0, backBorder, lotWidth, patio.getY() - backBorder));
        Area rings = new Area();
        for (int k = 1; k <= 3; k++) {
            Area ring = new Area(new BasicStroke((float) (k * 1.6)).createStrokedShape(pond));
            ring.add(new Area(pond));
            rings.add(ring);
        }
        g.setColor(Symbols.shade(look.palette().lawn(), 0.78));
        g.setStroke(new BasicStroke(0.14f));
        Shape clip = g.getClip();
        Area lines = new Area(garden);
        lines.subtract(rings);
        g.clip(lines);
        for (double y = backBorder + 0.8; y < patio.getY(); y += 0.8) {
            g.draw(new Line2D.Double(0, y, lotWidth, y));
        }
        g.setClip(clip);
        g.clip(garden);
        for (int k = 1; k <= 3; k++) {
            Area outline = new Area(new BasicStroke((float) (k * 1.6)).createStrokedShape(pond));
            outline.add(new Area(pond));
            g.draw(outline);
        }
        g.setClip(clip);
    }

    private List<Integer> bedPlants(boolean screens) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < look.plants().size(); i++) {
            Look.Form form = look.plants().get(i).form();
            if (!form.isTree() && (screens || form != Look.Form.COLUMNAR)) {
                out.add(i);
            }
        }
        return out;
    }

    private void beds(Graphics2D g) {
        Area backyard = new Area(new Rectangle2D.Double(0, 0, lotWidth, houseTop));
        Area keepOut = keepOut();
        switch (look.beds()) {
            case FLOWING -> {
                double left = 7 + random.nextInt(4);
                double right = 7 + random.nextInt(4);
                List<Point2D> inner = new ArrayList<>();
                for (double y = houseTop + 6; y > backBorder; y -= 11) {
                    inner.add(new Point2D.Double(left + (random.nextDouble() - 0.3) * 5, y));
                }
                for (double x = left + 8; x < lotWidth - right - 4; x += 12) {
                    inner.add(new Point2D.Double(x, backBorder + (random.nextDouble() - 0.4) * 6));
                }
                for (double y = backBorder + 4; y < houseTop + 6; y += 11) {
                    inner.add(new Point2D.Double(lotWidth - right - (random.nextDouble() - 0.3) * 5, y));
                }
                Area border = new Area(backyard);
                border.subtract(new Area(Symbols.smoothClosed(inner)));
                border.subtract(keepOut);
                plantBed(g, border, bedPlants(true), true);
                if (look.ground() == Look.Ground.MEADOW) {
                    Point2D spot = openSpot(9);
                    Area island = new Area(Symbols.blob(spot.getX(), spot.getY(), 8, 5, 0.25, random));
                    island.subtract(keepOut);
                    plantBed(g, island, bedPlants(false), true);
                }
            }
            case GEOMETRIC -> {
                double side = 6 + random.nextInt(3);
                Area border = new Area(new Rectangle2D.Double(0, 0, lotWidth, backBorder));
                border.add(new Area(new Rectangle2D.Double(0, 0, side, houseTop)));
                border.add(new Area(new Rectangle2D.Double(lotWidth - side, 0, side, houseTop)));
                border.subtract(keepOut);
                plantBed(g, border, bedPlants(true), true);
                if (look.feature() == Look.Feature.FOUNTAIN) {
                    for (int i = -1; i <= 1; i += 2) {
                        double x = feature.getX() + i * (featureRadius + 3) - (i < 0 ? 6 : 0);
                        Area parterre = new Area(new Rectangle2D.Double(
                                x,
                                feature.getY() + featureRadius * 0.9,
                                6,
                                patio.getY() - feature.getY() - featureRadius - 2));
                        parterre.subtract(keepOut);
                        plantBed(g, parterre, bedPlants(false), true);
                    }
                }
            }
            case ISLANDS -> {
                Area border = new Area(new Rectangle2D.Double(0, 0, lotWidth, backBorder));
                border.add(new Area(new Rectangle2D.Double(0, 0, 5, houseTop)));
                border.add(new Area(new Rectangle2D.Double(lotWidth - 5, 0, 5, houseTop)));
                border.subtract(keepOut);
                plantBed(g, border, bedPlants(true), true);
                for (int i = 0; i < 3; i++) {
                    Point2D spot = openSpot(7);
                    Area island =
                            new Area(Symbols.blob(spot.getX(), spot.getY(), 5 + random.nextInt(3), 3.5, 0.3, random));
                    island.subtract(keepOut);
                    if (look.ground() == Look.Ground.RAKED_GRAVEL) {
                        raked(g, island);
                    }
                    plantBed(g, island, bedPlants(false), true);
                    boulder(g, spot.getX() + 2, spot.getY() - 1, 1.2 + texture.nextDouble());
                }
            }
        }
        frontBeds(g, keepOut);
    }

    private void frontBeds(Graphics2D g, Area keepOut) {
        double depth = 5 + random.nextInt(3);
        Shape foundation = look.beds() == Look.Beds.GEOMETRIC
                ? new Rectangle2D.Double(house.getX(), houseFront, house.getWidth(), depth)
                : Symbols.blob(house.getCenterX(), houseFront + 1, house.getWidth() / 2 + 2, depth, 0.15, random);
        Area bed = new Area(foundation);
        bed.subtract(keepOut);
        plantBed(g, bed, bedPlants(false), true);

        boolean garageLeft = garage.getX() < house.getX();
        double x = garageLeft ? lotWidth - 7 : 0;
        Area side = new Area(new Rectangle2D.Double(x, houseFront + depth + 3, 7, lotDepth - houseFront - depth - 5));
        side.subtract(keepOut);
        plantBed(g, side, bedPlants(false), true);
    }

    /** Everything beds must leave free: the house and its structures, the patio, paths and the feature. */
    private Area keepOut() {
        Area out = new Area(house);
        out.add(new Area(garage));
        out.add(new Area(driveway));
        out.add(new Area(porch));
        out.add(new Area(new Rectangle2D.Double(
                patio.getX() - 1, patio.getY() - 1, patio.getWidth() + 2, patio.getHeight() + 5)));
        out.add(new Area(new Ellipse2D.Double(
                feature.getX() - featureRadius * 1.4,
                feature.getY() - featureRadius * 1.1,
                featureRadius * 2.8,
                featureRadius * 2.2)));
        out.add(new Area(
                new Rectangle2D.Double(porch.getCenterX() - 6, porch.getMaxY(), 12, lotDepth - porch.getMaxY())));
        double pathX = Math.max(patio.getX() + 3, Math.min(patio.getMaxX() - 3, feature.getX()));
        out.add(new Area(new Rectangle2D.Double(
                Math.min(pathX, feature.getX()) - 4,
                feature.getY(),
                Math.abs(pathX - feature.getX()) + 8,
                patio.getY() - feature.getY())));
        return out;
    }

    /** A point in the open back garden, clear of the patio, the feature and the borders. */
    private Point2D openSpot(double radius) {
        Point2D best = new Point2D.Double(lotWidth / 2, backBorder + radius);
        double bestScore = -1;
        for (int i = 0; i < 24; i++) {
            double x = radius + 6 + random.nextDouble() * (lotWidth - 2 * radius - 12);
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

    /** Mulch, an edge, then plants in drifts along the bed, drawn from the back so they overlap naturally. */
    private void plantBed(Graphics2D g, Shape bed, List<Integer> plants, boolean mulch) {
        Rectangle2D b = bed.getBounds2D();
        if (b.isEmpty() || plants.isEmpty()) {
            return;
        }
        if (mulch) {
            g.setColor(look.palette().beds());
            g.fill(bed);
            speckle(g, bed, Symbols.tint(look.palette().beds(), 0.18), 0.14, 1.2);
            g.setColor(Symbols.shade(look.palette().beds(), 0.7));
            g.setStroke(new BasicStroke(look.beds() == Look.Beds.GEOMETRIC ? 0.35f : 0.2f));
            g.draw(bed);
        }
        double drift = 10 + random.nextInt(6);
        int offset = random.nextInt(plants.size());
        List<Placement> here = new ArrayList<>();
        double step = 3.3;
        for (double y = b.getY() + step / 2; y < b.getMaxY(); y += step) {
            for (double x = b.getX() + step / 2; x < b.getMaxX(); x += step) {
                double px = x + (random.nextDouble() - 0.5) * 1.4;
                double py = y + (random.nextDouble() - 0.5) * 1.4;
                if (!bed.contains(px, py) || !bed.contains(px - 0.8, py) || !bed.contains(px + 0.8, py)) {
                    continue;
                }
                // distance along either axis, so an L- or U-shaped border changes plants along each arm
                double along = (px - b.getX()) + (py - b.getY());
                int plant = plants.get(((int) (along / drift) + offset) % plants.size());
                here.add(new Placement(plant, px, py));
            }
        }
        here.sort(Comparator.comparingDouble(Placement::y));
        for (Placement p : here) {
            Look.Sprite sprite = look.plants().get(p.plant());
            Symbols.plant(g, sprite, p.x(), p.y(), radius(sprite.form()), texture);
        }
        placements.addAll(here);
    }

    private double radius(Look.Form form) {
        double base = switch (form) {
            case SHRUB -> 2.0;
            case MOSS -> 2.1;
            case ROSETTE -> 1.8;
            case GRASS -> 1.6;
            case FLOWERS -> 1.5;
            case COLUMNAR -> 1.3;
            case BARREL -> 1.1;
            case TREE, PALM -> 9;
        };
        return base * (0.85 + random.nextDouble() * 0.3);
    }

    private void trees(Graphics2D g) {
        List<Integer> trees = new ArrayList<>();
        for (int i = 0; i < look.plants().size(); i++) {
            if (look.plants().get(i).form().isTree()) {
                trees.add(i);
            }
        }
        if (trees.isEmpty()) {
            return;
        }
        boolean garageLeft = garage.getX() < house.getX();
        double frontX = garageLeft ? (house.getMaxX() + lotWidth) / 2 : house.getX() / 2;
        List<Point2D> spots = new ArrayList<>(List.of(
                new Point2D.Double(lotWidth * (0.14 + random.nextDouble() * 0.06), 8 + random.nextDouble() * 5),
                new Point2D.Double(lotWidth * (0.8 + random.nextDouble() * 0.06), 9 + random.nextDouble() * 5),
                new Point2D.Double(frontX, houseFront + (lotDepth - houseFront) * 0.5),
                new Point2D.Double(lotWidth * 0.5 + (random.nextDouble() - 0.5) * 12, 4 + random.nextDouble() * 3)));
        int count = look.plants().get(trees.get(0)).form() == Look.Form.PALM ? 4 : 3;
        for (int i = 0; i < count && i < spots.size(); i++) {
            Point2D spot = spots.get(i);
            if (spot.distance(feature) < featureRadius + 4) {
                continue;
            }
            int plant = trees.get(i % trees.size());
            Look.Sprite sprite = look.plants().get(plant);
            double r = sprite.form() == Look.Form.PALM ? 6 + random.nextDouble() * 2 : 8 + random.nextDouble() * 4;
            Symbols.plant(g, sprite, spot.getX(), spot.getY(), r, texture);
            placements.add(new Placement(plant, spot.getX(), spot.getY()));
            canopies.add(new Ellipse2D.Double(spot.getX() - r, spot.getY() - r, r * 2, r * 2));
        }
    }

    private void house(Graphics2D g) {
        Area footprint = new Area(house);
        footprint.add(new Area(garage));
        Symbols.shadow(g, footprint, 1.6, 2.2, 0.32f);
        roof(g, house);
        roof(g, garage);
        g.setColor(new Color(0x4A4642));
        g.setStroke(new BasicStroke(0.3f));
        g.draw(footprint);
    }

    /** A hip roof seen from above: four planes, each shaded by its side to the light. */
    private void roof(Graphics2D g, Rectangle2D r) {
        double half = Math.min(r.getWidth(), r.getHeight()) / 2;
        double x1 = r.getX();
        double y1 = r.getY();
        double x2 = r.getMaxX();
        double y2 = r.getMaxY();
        Point2D a;
        Point2D b;
        if (r.getWidth() >= r.getHeight()) {
            a = new Point2D.Double(x1 + half, r.getCenterY());
            b = new Point2D.Double(x2 - half, r.getCenterY());
        } else {
            a = new Point2D.Double(r.getCenterX(), y1 + half);
            b = new Point2D.Double(r.getCenterX(), y2 - half);
        }
        boolean wide = r.getWidth() >= r.getHeight();
        // a ridge a-b along the long side: trapezoids on the long sides, triangles (hips) on the short ones
        Path2D top = wide ? polygon(x1, y1, x2, y1, b, a) : polygon(x1, y1, x2, y1, a, a);
        Path2D right = wide ? polygon(x2, y1, x2, y2, b, b) : polygon(x2, y1, x2, y2, b, a);
        Path2D bottom = wide ? polygon(x2, y2, x1, y2, a, b) : polygon(x2, y2, x1, y2, b, b);
        Path2D left = wide ? polygon(x1, y2, x1, y1, a, a) : polygon(x1, y2, x1, y1, a, b);
        g.setColor(Symbols.tint(ROOF, 0.2));
        g.fill(top);
        g.setColor(Symbols.tint(ROOF, 0.08));
        g.fill(left);
        g.setColor(Symbols.shade(ROOF, 0.9));
        g.fill(right);
        g.setColor(Symbols.shade(ROOF, 0.8));
        g.fill(bottom);
        g.setColor(Symbols.shade(ROOF, 0.65));
        g.setStroke(new BasicStroke(0.2f));
        for (Path2D plane : List.of(top, right, bottom, left)) {
            g.draw(plane);
        }
    }

    private static Path2D polygon(double x1, double y1, double x2, double y2, Point2D p, Point2D q) {
        Path2D path = new Path2D.Double();
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(p.getX(), p.getY());
        path.lineTo(q.getX(), q.getY());
        path.closePath();
        return path;
    }

    private void fences(Graphics2D g) {
        double gate = houseTop + 6;
        Path2D fence = new Path2D.Double();
        fence.moveTo(Math.min(house.getX(), garage.getX()), gate);
        fence.lineTo(0, gate);
        fence.lineTo(0, 0);
        fence.lineTo(lotWidth, 0);
        fence.lineTo(lotWidth, gate);
        fence.lineTo(Math.max(house.getMaxX(), garage.getMaxX()), gate);
        g.setColor(FENCE);
        g.setStroke(new BasicStroke(0.35f));
        g.draw(fence);
        for (Point2D post : along(fence, 8)) {
            g.fill(new Rectangle2D.Double(post.getX() - 0.35, post.getY() - 0.35, 0.7, 0.7));
        }
        g.setColor(new Color(0xA0453A));
        float unit = (float) (1.6 / scale);
        g.setStroke(new BasicStroke(
                unit,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER,
                10f,
                new float[] {unit * 10, unit * 3, unit * 2, unit * 3},
                0f));
        g.draw(new Rectangle2D.Double(-0.6, -0.6, lotWidth + 1.2, lotDepth + 1.2));
    }

    private void labelAt(String text, double x, double y) {
        labelSpots.add(new Point2D.Double(x, y));
        pendingLabels.add(new PendingLabel(text, x, y));
    }

    private Point2D pixel(double x, double y) {
        return new Point2D.Double(originX + x * scale, originY + y * scale);
    }

    private void labels(Graphics2D g) {
        Font small = new Font(Symbols.SANS, Font.BOLD, 12);
        Color halo = Symbols.withAlpha(Color.WHITE, 210);
        for (PendingLabel label : pendingLabels) {
            Point2D p = pixel(label.x(), label.y());
            Symbols.label(g, Symbols.spaced(label.text()), small, p.getX(), p.getY(), Symbols.INK, halo);
        }
        Point2D center = pixel(house.getCenterX(), house.getCenterY());
        Symbols.label(
                g, "HOUSE", new Font(Symbols.SANS, Font.BOLD, 20), center.getX(), center.getY(), Symbols.INK, halo);
        Point2D garageCenter = pixel(garage.getCenterX(), garage.getCenterY());
        Symbols.label(g, Symbols.spaced("Garage"), small, garageCenter.getX(), garageCenter.getY(), Symbols.INK, halo);
        String ground = switch (look.ground()) {
            case LAWN -> "Lawn";
            case MEADOW -> "Native meadow";
            case GRAVEL -> "Gravel garden";
            case RAKED_GRAVEL -> "Raked gravel";
        };
        Point2D open = openSpot(6);
        Point2D groundLabel = pixel(open.getX(), open.getY());
        Symbols.label(g, Symbols.spaced(ground), small, groundLabel.getX(), groundLabel.getY(), Symbols.INK, halo);
        Point2D road = pixel(lotWidth / 2, lotDepth + 20);
        Symbols.label(
                g,
                Symbols.spaced(streetName()),
                new Font(Symbols.SANS, Font.BOLD, 15),
                road.getX(),
                road.getY(),
                new Color(0xF2F0EA),
                new Color(0x58595B));
    }

    /** The street of the address ("1428 Elm Street, Springfield" gives "Elm Street"), shown on the road. */
    String streetName() {
        String first = address.split(",", 2)[0].strip();
        String[] words = first.split("\\s+", 2);
        String street = words.length == 2 && words[0].chars().anyMatch(Character::isDigit) ? words[1] : first;
        street = street.length() > 40 ? street.substring(0, 40) : street;
        return street.isBlank() ? "Street" : street;
    }

    /** One numbered tag per plant, on one of its plants, kept apart from each other and from the labels. */
    private void tags(Graphics2D g) {
        List<Point2D> taken = new ArrayList<>();
        for (PendingLabel label : pendingLabels) {
            taken.add(pixel(label.x(), label.y()));
        }
        taken.add(pixel(house.getCenterX(), house.getCenterY()));
        double radius = 11;
        for (int plant = 0; plant < look.plants().size(); plant++) {
            List<Placement> candidates = new ArrayList<>();
            for (Placement p : placements) {
                if (p.plant() == plant) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            Point2D best = null;
            double bestClearance = -1;
            for (int i = 0; i < Math.min(40, candidates.size() * 2); i++) {
                Placement p = candidates.get(texture.nextInt(candidates.size()));
                Point2D at = pixel(p.x(), p.y());
                boolean hidden = canopies.stream().anyMatch(c -> c.contains(p.x(), p.y()));
                if (hidden && !look.plants().get(plant).form().isTree() && i < 30) {
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
                Symbols.marker(g, plant + 1, best.getX(), best.getY(), radius, Legend.tagColour(look, plant));
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
