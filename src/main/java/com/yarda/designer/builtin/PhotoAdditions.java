package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The seating, vegetable beds and water a refinement asked for, drawn over the photo concept behind its zones. */
final class PhotoAdditions {

    private static final Color WATER = new Color(0x4E97B0);
    private static final Color CEDAR = new Color(0xB07A4F);
    private static final Color SOIL = new Color(0x5C4532);
    private static final Color CROP = new Color(0x7FAE48);

    private final Look look;
    private final PhotoRevision.Edits edits;
    // the concept's stream, shared: the crops draw from it after the zones and trees, so a concept draws the same
    private final Random random;

    PhotoAdditions(Look look, PhotoRevision.Edits edits, Random random) {
        this.look = look;
        this.edits = edits;
        this.random = random;
    }

    /**
     * The seating, vegetable beds and water a refinement asked for, marked in the lawn behind the zones: in that order
     * over the left zone, the right zone, then farther back over each. None is a plant of the legend.
     */
    void draw(Graphics2D g, List<Shape> shapes, double w, double h) {
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
}
