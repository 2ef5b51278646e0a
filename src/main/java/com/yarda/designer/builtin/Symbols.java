package com.yarda.designer.builtin;

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
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The drawing vocabulary shared by the plan and the photo concept: plant symbols as landscape architects draw
 * them from above, numbered plant tags, labels with a halo, shadows and light. Sizes are in the units of the
 * current transform (feet on the plan, pixels on a photo).
 */
final class Symbols {

    static final String SANS = "DejaVu Sans";
    static final String SERIF = "DejaVu Serif";
    static final Color INK = new Color(0x2B2A27);

    private Symbols() {}

    /** Quality hints: every output is a finished picture, and the same hints keep it byte-for-byte repeatable. */
    static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    /** Draws one plant of radius {@code r} centred on ({@code x}, {@code y}), with its shadow. */
    static void plant(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        switch (sprite.form()) {
            case TREE -> tree(g, sprite, x, y, r, random);
            case PALM -> palm(g, sprite, x, y, r, random);
            case COLUMNAR -> columnar(g, sprite, x, y, r);
            case SHRUB -> shrub(g, sprite, x, y, r, random);
            case GRASS -> grass(g, sprite, x, y, r, random);
            case ROSETTE -> rosette(g, sprite, x, y, r, random);
            case BARREL -> barrel(g, sprite, x, y, r);
            case FLOWERS -> flowers(g, sprite, x, y, r, random);
            case MOSS -> moss(g, sprite, x, y, r, random);
        }
    }

    /** A lobed canopy with a soft cast shadow, lit from the upper left. */
    static void tree(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        Shape canopy = lobed(x, y, r, 9 + random.nextInt(4), 0.13, random);
        shadow(g, canopy, r * 0.35, r * 0.5, 0.28f);
        fillLit(g, canopy, x, y, r, sprite.leaf());
        g.setColor(shade(sprite.leaf(), 0.55));
        g.setStroke(new BasicStroke((float) (r * 0.035)));
        g.draw(canopy);
        // inner lobes read as the crown's texture
        g.setColor(withAlpha(tint(sprite.leaf(), 0.18), 120));
        for (int i = 0; i < 5; i++) {
            double a = random.nextDouble() * Math.PI * 2;
            double d = r * (0.25 + random.nextDouble() * 0.35);
            double rr = r * (0.18 + random.nextDouble() * 0.12);
            g.fill(new Ellipse2D.Double(x + Math.cos(a) * d - rr, y + Math.sin(a) * d - rr, rr * 2, rr * 2));
        }
        if (!sprite.bloom().equals(sprite.leaf())) {
            g.setColor(withAlpha(sprite.bloom(), 150));
            for (int i = 0; i < 14; i++) {
                double a = random.nextDouble() * Math.PI * 2;
                double d = r * Math.sqrt(random.nextDouble()) * 0.8;
                double rr = r * 0.06;
                g.fill(new Ellipse2D.Double(x + Math.cos(a) * d - rr, y + Math.sin(a) * d - rr, rr * 2, rr * 2));
            }
        }
        g.setColor(shade(sprite.leaf(), 0.45));
        double trunk = r * 0.07;
        g.fill(new Ellipse2D.Double(x - trunk, y - trunk, trunk * 2, trunk * 2));
    }

    static void palm(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        int fronds = 9 + random.nextInt(3);
        double turn = random.nextDouble() * Math.PI;
        Path2D crown = new Path2D.Double();
        for (int i = 0; i < fronds; i++) {
            double a = turn + i * Math.PI * 2 / fronds + (random.nextDouble() - 0.5) * 0.25;
            crown.append(frond(x, y, r * (0.85 + random.nextDouble() * 0.15), a, r * 0.2), false);
        }
        shadow(g, crown, r * 0.45, r * 0.6, 0.25f);
        fillLit(g, crown, x, y, r, sprite.leaf());
        g.setStroke(new BasicStroke((float) (r * 0.025)));
        g.setColor(shade(sprite.leaf(), 0.6));
        g.draw(crown);
        g.setColor(tint(sprite.bloom(), 0.2));
        for (int i = 0; i < fronds; i++) {
            double a = turn + i * Math.PI * 2 / fronds;
            g.draw(new Line2D.Double(x, y, x + Math.cos(a) * r * 0.8, y + Math.sin(a) * r * 0.8));
        }
        g.setColor(new Color(0x7A5A3A));
        g.fill(new Ellipse2D.Double(x - r * 0.1, y - r * 0.1, r * 0.2, r * 0.2));
    }

    static void columnar(Graphics2D g, Look.Sprite sprite, double x, double y, double r) {
        Ellipse2D body = new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
        // a tall narrow plant casts a long shadow for its footprint
        shadow(g, body, r * 0.9, r * 1.6, 0.3f);
        fillLit(g, body, x, y, r, sprite.leaf());
        g.setColor(shade(sprite.leaf(), 0.55));
        g.setStroke(new BasicStroke((float) (r * 0.08)));
        g.draw(body);
        g.setColor(tint(sprite.bloom(), 0.25));
        g.draw(new Ellipse2D.Double(x - r * 0.45, y - r * 0.45, r * 0.9, r * 0.9));
    }

    static void shrub(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        Shape body = lobed(x, y, r, 7, 0.08, random);
        shadow(g, body, r * 0.25, r * 0.35, 0.25f);
        fillLit(g, body, x, y, r, sprite.leaf());
        g.setColor(shade(sprite.leaf(), 0.6));
        g.setStroke(new BasicStroke((float) (r * 0.06)));
        g.draw(body);
        if (!sprite.bloom().equals(sprite.leaf())) {
            dots(g, sprite.bloom(), x, y, r * 0.75, r * 0.11, 7 + random.nextInt(5), random);
        }
    }

    static void grass(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        Ellipse2D base = new Ellipse2D.Double(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
        shadow(g, base, r * 0.2, r * 0.3, 0.18f);
        g.setColor(withAlpha(shade(sprite.leaf(), 0.8), 200));
        g.fill(base);
        g.setStroke(new BasicStroke((float) (r * 0.06), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int blades = 22;
        for (int i = 0; i < blades; i++) {
            double a = i * Math.PI * 2 / blades + (random.nextDouble() - 0.5) * 0.2;
            double len = r * (0.75 + random.nextDouble() * 0.25);
            g.setColor(i % 3 == 0 ? sprite.bloom() : tint(sprite.leaf(), 0.15));
            g.draw(new Line2D.Double(x, y, x + Math.cos(a) * len, y + Math.sin(a) * len));
        }
    }

    static void rosette(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        int leaves = 10 + random.nextInt(4);
        double turn = random.nextDouble() * Math.PI;
        Path2D star = new Path2D.Double();
        for (int i = 0; i <= leaves * 2; i++) {
            double a = turn + i * Math.PI / leaves;
            double d = i % 2 == 0 ? r : r * 0.32;
            double px = x + Math.cos(a) * d;
            double py = y + Math.sin(a) * d;
            if (i == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        shadow(g, star, r * 0.25, r * 0.35, 0.25f);
        fillLit(g, star, x, y, r, sprite.leaf());
        g.setStroke(new BasicStroke((float) (r * 0.04)));
        g.setColor(shade(sprite.leaf(), 0.55));
        g.draw(star);
        g.setColor(sprite.bloom());
        for (int i = 0; i < leaves; i++) {
            double a = turn + i * 2 * Math.PI / leaves;
            g.draw(new Line2D.Double(x, y, x + Math.cos(a) * r * 0.8, y + Math.sin(a) * r * 0.8));
        }
    }

    static void barrel(Graphics2D g, Look.Sprite sprite, double x, double y, double r) {
        Ellipse2D body = new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
        shadow(g, body, r * 0.25, r * 0.35, 0.3f);
        fillLit(g, body, x, y, r, sprite.leaf());
        g.setStroke(new BasicStroke((float) (r * 0.05)));
        g.setColor(shade(sprite.leaf(), 0.55));
        g.draw(body);
        g.setColor(sprite.bloom());
        for (int i = 0; i < 14; i++) {
            double a = i * Math.PI / 7;
            g.draw(new Line2D.Double(
                    x + Math.cos(a) * r * 0.2,
                    y + Math.sin(a) * r * 0.2,
                    x + Math.cos(a) * r * 0.95,
                    y + Math.sin(a) * r * 0.95));
        }
    }

    static void flowers(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        Shape body = lobed(x, y, r, 6, 0.12, random);
        shadow(g, body, r * 0.2, r * 0.3, 0.18f);
        fillLit(g, body, x, y, r, sprite.leaf());
        dots(g, sprite.bloom(), x, y, r * 0.85, r * 0.16, 12 + random.nextInt(6), random);
        dots(g, tint(sprite.bloom(), 0.45), x, y, r * 0.7, r * 0.08, 6, random);
    }

    static void moss(Graphics2D g, Look.Sprite sprite, double x, double y, double r, Random random) {
        Shape body = lobed(x, y, r, 8, 0.2, random);
        fillLit(g, body, x, y, r, sprite.leaf());
        dots(g, sprite.bloom(), x, y, r * 0.85, r * 0.07, 18, random);
    }

    /** A numbered plant tag, in pixels: white disc, dark ring, bold number. */
    static void marker(Graphics2D g, int number, double x, double y, double radius, Color ring) {
        Ellipse2D halo = new Ellipse2D.Double(x - radius - 2, y - radius - 2, (radius + 2) * 2, (radius + 2) * 2);
        g.setColor(new Color(0, 0, 0, 60));
        g.fill(new Ellipse2D.Double(x - radius + 1, y - radius + 2, radius * 2, radius * 2));
        g.setColor(Color.WHITE);
        g.fill(halo);
        g.setColor(ring);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
        g.setColor(Color.WHITE);
        Font font = new Font(SANS, Font.BOLD, (int) Math.round(radius * 1.15));
        centeredText(g, String.valueOf(number), font, x, y);
    }

    /** Text centred on a point. */
    static void centeredText(Graphics2D g, String text, Font font, double x, double y) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        Rectangle2D bounds = layout.getBounds();
        layout.draw(g, (float) (x - bounds.getCenterX()), (float) (y - bounds.getCenterY()));
    }

    /** A label that stays readable over any texture: a soft light halo under dark text, centred on a point. */
    static void label(Graphics2D g, String text, Font font, double x, double y, Color color, Color halo) {
        FontRenderContext frc = g.getFontRenderContext();
        TextLayout layout = new TextLayout(text, font, frc);
        Rectangle2D bounds = layout.getBounds();
        AffineTransform at = AffineTransform.getTranslateInstance(x - bounds.getCenterX(), y - bounds.getCenterY());
        Shape outline = layout.getOutline(at);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(halo);
        g.draw(outline);
        g.setColor(color);
        g.fill(outline);
    }

    /** Letter-spaced capitals, the way drawings label spaces. */
    static String spaced(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (i > 0) {
                out.append('\u2009');
            }
            out.append(Character.toUpperCase(text.charAt(i)));
        }
        return out.toString();
    }

    /** Soft cast shadow of a shape, offset down and to the right (the sun stands upper left on every drawing). */
    static void shadow(Graphics2D g, Shape shape, double dx, double dy, float alpha) {
        Composite before = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.setColor(new Color(0x1E2418));
        g.fill(AffineTransform.getTranslateInstance(dx, dy).createTransformedShape(shape));
        g.setComposite(before);
    }

    /** Fills with a radial light falling from the upper left, so round things read as volumes. */
    static void fillLit(Graphics2D g, Shape shape, double x, double y, double r, Color color) {
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(x, y),
                (float) Math.max(r * 1.1, 0.01),
                new Point2D.Double(x - r * 0.35, y - r * 0.4),
                new float[] {0f, 0.7f, 1f},
                new Color[] {tint(color, 0.28), color, shade(color, 0.78)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(shape);
    }

    static Color shade(Color color, double factor) {
        return new Color(
                clamp((int) (color.getRed() * factor)),
                clamp((int) (color.getGreen() * factor)),
                clamp((int) (color.getBlue() * factor)),
                color.getAlpha());
    }

    static Color tint(Color color, double amount) {
        return mix(color, Color.WHITE, amount);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)));
    }

    static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static Shape lobed(double x, double y, double r, int lobes, double depth, Random random) {
        List<Point2D> points = new ArrayList<>(lobes * 2);
        double turn = random.nextDouble() * Math.PI * 2;
        for (int i = 0; i < lobes * 2; i++) {
            double a = turn + i * Math.PI / lobes;
            double d = r * (i % 2 == 0 ? 1 : 1 - depth) * (1 - random.nextDouble() * depth * 0.5);
            points.add(new Point2D.Double(x + Math.cos(a) * d, y + Math.sin(a) * d));
        }
        return Curves.smoothClosed(points);
    }

    private static Shape frond(double x, double y, double length, double angle, double width) {
        Path2D leaf = new Path2D.Double();
        leaf.moveTo(0, 0);
        leaf.quadTo(length * 0.5, -width, length, 0);
        leaf.quadTo(length * 0.5, width, 0, 0);
        leaf.closePath();
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(angle);
        return at.createTransformedShape(leaf);
    }

    private static void dots(
            Graphics2D g, Color color, double x, double y, double spread, double size, int count, Random random) {
        g.setColor(color);
        for (int i = 0; i < count; i++) {
            double a = random.nextDouble() * Math.PI * 2;
            double d = spread * Math.sqrt(random.nextDouble());
            g.fill(new Ellipse2D.Double(x + Math.cos(a) * d - size, y + Math.sin(a) * d - size, size * 2, size * 2));
        }
    }
}
