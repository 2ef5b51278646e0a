package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/**
 * What refinements added to a plan besides plants, drawn over the ground and under the beds: raised vegetable beds
 * and a pond, fountain or birdbath. The crops of a vegetable bed are drawn as rows of leaves, not as plants of the
 * palette: they are not numbered or counted.
 */
final class Extras {

    private static final Color WATER = new Color(0x4E97B0);
    private static final Color CEDAR = new Color(0xB07A4F);
    private static final Color SOIL = new Color(0x5C4532);
    private static final Color[] CROPS = {
        new Color(0x8DBB4F), // lettuce
        new Color(0x4F7A5A), // kale
        new Color(0x6E9A3A), // beans
        new Color(0x9CC267) // herbs
    };

    private final Graphics2D g;
    private final Layout layout;
    private final Random texture;
    private final Hardscape hardscape;

    Extras(Graphics2D g, Layout layout, Random texture, Hardscape hardscape) {
        this.g = g;
        this.layout = layout;
        this.texture = texture;
        this.hardscape = hardscape;
    }

    void draw() {
        for (Rectangle2D bed : layout.additions().raisedBeds()) {
            raisedBed(bed);
        }
        Layout.Water water = layout.additions().water();
        if (water != null) {
            water(water);
        }
    }

    /** A timber frame of soil with two rows of crops along it, and a few tomatoes. */
    private void raisedBed(Rectangle2D bed) {
        Symbols.shadow(g, bed, 0.3, 0.4, 0.3f);
        g.setColor(CEDAR);
        g.fill(bed);
        Rectangle2D soil = PlanGeometry.grown(bed, -0.45);
        g.setColor(SOIL);
        g.fill(soil);
        g.setColor(Symbols.shade(CEDAR, 0.7));
        g.setStroke(new BasicStroke(0.12f));
        g.draw(bed);
        boolean tall = bed.getHeight() > bed.getWidth();
        double length = tall ? soil.getHeight() : soil.getWidth();
        for (int row = 0; row < 2; row++) {
            Color crop = CROPS[texture.nextInt(CROPS.length)];
            double across = (row + 0.5) / 2;
            for (double along = 0.8; along < length - 0.4; along += 1.1) {
                double x = tall ? soil.getX() + soil.getWidth() * across : soil.getX() + along;
                double y = tall ? soil.getY() + along : soil.getY() + soil.getHeight() * across;
                double r = 0.45 + texture.nextDouble() * 0.15;
                g.setColor(Symbols.shade(crop, 0.9 + texture.nextDouble() * 0.2));
                g.fill(new Ellipse2D.Double(x - r, y - r, r * 2, r * 2));
                if (texture.nextInt(6) == 0) {
                    g.setColor(new Color(0xD9473A));
                    g.fill(new Ellipse2D.Double(x + r * 0.2, y - r * 0.3, 0.3, 0.3));
                }
            }
        }
    }

    private void water(Layout.Water water) {
        Point2D c = water.centre();
        double x = c.getX();
        double y = c.getY();
        double r = water.radius();
        switch (water.kind()) {
            case POND -> {
                Shape pond = Curves.blob(x, y, r * 1.15, r * 0.85, 0.15, texture);
                g.setPaint(new RadialGradientPaint(
                        new Point2D.Double(x, y), (float) (r * 1.2), new float[] {0f, 1f}, new Color[] {
                            Symbols.tint(WATER, 0.15), Symbols.shade(WATER, 0.7)
                        }));
                g.fill(pond);
                g.setColor(new Color(0x6F6C66));
                g.setStroke(new BasicStroke(0.3f));
                g.draw(pond);
                for (int i = 0; i < 9; i++) {
                    double a = i * Math.PI * 2 / 9 + texture.nextDouble() * 0.3;
                    hardscape.boulder(
                            x + Math.cos(a) * r * 1.15, y + Math.sin(a) * r * 0.85, 0.6 + texture.nextDouble() * 0.4);
                }
                ripples(x, y, r * 0.5);
            }
            case FOUNTAIN -> {
                Ellipse2D basin = PlanGeometry.circle(c, r);
                Symbols.shadow(g, basin, 0.3, 0.4, 0.25f);
                g.setColor(new Color(0xD8CDB8));
                g.fill(basin);
                Ellipse2D pool = PlanGeometry.circle(c, r * 0.78);
                g.setColor(WATER);
                g.fill(pool);
                ripples(x, y, r * 0.7);
                g.setColor(new Color(0xE9DDC6));
                g.fill(PlanGeometry.circle(c, r * 0.18));
            }
            case BIRDBATH -> {
                Ellipse2D bowl = PlanGeometry.circle(c, r);
                Symbols.shadow(g, bowl, 0.3, 0.4, 0.3f);
                g.setColor(new Color(0xBDB6A6));
                g.fill(bowl);
                g.setColor(WATER);
                g.fill(PlanGeometry.circle(c, r * 0.72));
                g.setColor(new Color(0x8E887B));
                g.setStroke(new BasicStroke(0.12f));
                g.draw(bowl);
                g.setColor(Symbols.withAlpha(Color.WHITE, 150));
                g.fill(new RoundRectangle2D.Double(x - r * 0.4, y - r * 0.45, r * 0.35, r * 0.2, 0.2, 0.2));
            }
        }
    }

    private void ripples(double x, double y, double reach) {
        g.setColor(Symbols.withAlpha(Color.WHITE, 100));
        g.setStroke(new BasicStroke(0.12f));
        for (double k = 0.7; k < reach; k += 0.9) {
            g.draw(new Ellipse2D.Double(x - k, y - k * 0.7, k * 2, k * 1.4));
        }
    }
}
