package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Random;

/** The feature a style is remembered by, as the plan draws it: fire pit, dry creek or wash, pond, and so on. */
final class Features {

    private static final Color WATER = new Color(0x4E97B0);

    private final Graphics2D g;
    private final Look look;
    private final Layout layout;
    private final Random texture;
    private final Grounds grounds;
    private final Hardscape hardscape;
    private final Planting planting;

    Features(
            Graphics2D g,
            Look look,
            Layout layout,
            Random texture,
            Grounds grounds,
            Hardscape hardscape,
            Planting planting) {
        this.g = g;
        this.look = look;
        this.layout = layout;
        this.texture = texture;
        this.grounds = grounds;
        this.hardscape = hardscape;
        this.planting = planting;
    }

    /** The feature of the layout, over the ground and under the beds. */
    void draw() {
        Layout.Feature feature = layout.feature();
        if (feature == null) {
            return;
        }
        double x = feature.centre().getX();
        double y = feature.centre().getY();
        double r = feature.radius();
        switch (feature.kind()) {
            case FIRE_PIT -> {
                Rectangle2D pad = new Rectangle2D.Double(x - r, y - r * 0.8, r * 2, r * 1.6);
                g.setColor(new Color(0x2E2F31));
                g.fill(pad);
                grounds.speckle(pad, new Color(0x55575A), 0.12, 2);
                bench(new Rectangle2D.Double(x - r * 0.7, y - r * 0.8 + 0.6, r * 1.4, 1.6));
                bench(new Rectangle2D.Double(x - r * 0.7, y + r * 0.8 - 2.2, r * 1.4, 1.6));
                fire(x, y, 2.4, new Color(0x9A4E24));
            }
            case DRY_WASH, DRY_CREEK -> {
                List<Point2D> course = feature.course();
                Path2D line = Curves.smoothOpen(course);
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
                    hardscape.boulder(
                            p.getX() + (texture.nextDouble() - 0.5) * 8,
                            p.getY() + (texture.nextDouble() - 0.5) * 6,
                            1.3 + texture.nextDouble());
                }
                if (feature.kind() == Look.Feature.DRY_WASH) {
                    Ellipse2D circle = new Ellipse2D.Double(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
                    hardscape.paving(
                            circle, Look.Paving.FLAGSTONE, look.palette().hardscape());
                    fire(x, y, 2.2, new Color(0x9A4E24));
                } else {
                    Ellipse2D clearing = new Ellipse2D.Double(x - r * 0.65, y - r * 0.55, r * 1.3, r * 1.1);
                    g.setColor(look.palette().path());
                    g.fill(clearing);
                    grounds.speckle(clearing, Symbols.shade(look.palette().path(), 0.85), 0.12, 1.5);
                    bench(new Rectangle2D.Double(x - 3.5, y - r * 0.55 + 0.8, 7, 1.6));
                }
            }
            case POND -> {
                Shape pond = Curves.blob(x, y, r * 1.15, r * 0.8, 0.18, texture);
                g.setColor(new Color(0x6F6C66));
                g.fill(new BasicStroke(1.6f).createStrokedShape(pond));
                g.setPaint(new RadialGradientPaint(
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
                    hardscape.boulder(
                            x + Math.cos(a) * r * 1.15, y + Math.sin(a) * r * 0.82, 0.7 + texture.nextDouble() * 0.5);
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
                grounds.raked(pond);
            }
            case SEATING_CIRCLE -> {
                for (Layout.Bed ring : feature.beds()) {
                    planting.bed(ring);
                }
                Ellipse2D circle = new Ellipse2D.Double(x - r * 0.55, y - r * 0.55, r * 1.1, r * 1.1);
                g.setColor(new Color(0xD9B45F));
                g.fill(circle);
                grounds.speckle(circle, new Color(0xB8924A), 0.12, 2);
                g.setColor(new Color(0xA88A4E));
                g.setStroke(new BasicStroke(0.2f));
                g.draw(circle);
                bench(new Rectangle2D.Double(x - 3, y - r * 0.55 + 0.6, 6, 1.5));
                g.setColor(new Color(0x8A6A48));
                g.setStroke(new BasicStroke(0.4f));
                g.draw(new Arc2D.Double(x - 2.6, y + r * 0.55, 5.2, 4, 0, 180, Arc2D.OPEN));
            }
            case FOUNTAIN -> {
                Rectangle2D surround = new Rectangle2D.Double(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
                hardscape.paving(
                        surround, Look.Paving.LARGE_PAVERS, look.palette().path());
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
                for (Layout.PlantSpot potted : feature.pots()) {
                    pot(potted);
                }
            }
            case PLUNGE_POOL -> {
                RoundRectangle2D coping =
                        new RoundRectangle2D.Double(x - r * 1.25, y - r * 0.72, r * 2.5, r * 1.44, 3, 3);
                RoundRectangle2D pool = new RoundRectangle2D.Double(x - r * 1.1, y - r * 0.57, r * 2.2, r * 1.14, 2, 2);
                Symbols.shadow(g, coping, 0.2, 0.3, 0.15f);
                hardscape.paving(
                        coping, Look.Paving.LARGE_PAVERS, look.palette().path());
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
            }
        }
    }

    private void fire(double x, double y, double r, Color rim) {
        Ellipse2D bowl = new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
        Symbols.shadow(g, bowl, 0.3, 0.4, 0.3f);
        g.setPaint(
                new RadialGradientPaint(new Point2D.Double(x, y), (float) r, new float[] {0f, 0.45f, 1f}, new Color[] {
                    new Color(0xFFD15C), new Color(0xE8742C), new Color(0x3A2A22)
                }));
        g.fill(bowl);
        g.setColor(rim);
        g.setStroke(new BasicStroke(0.45f));
        g.draw(bowl);
    }

    private void bench(Rectangle2D seat) {
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

    private void pot(Layout.PlantSpot potted) {
        Ellipse2D rim = new Ellipse2D.Double(potted.x() - 1.1, potted.y() - 1.1, 2.2, 2.2);
        Symbols.shadow(g, rim, 0.3, 0.4, 0.3f);
        g.setColor(new Color(0xC8734A));
        g.fill(rim);
        planting.plant(potted);
    }
}
