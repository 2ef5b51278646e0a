package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Loose ground on the plan: the lawn, meadow or gravel over the lot, the grain of gravel and mulch, raked lines. */
final class Grounds {

    /** Pea gravel where a refinement took the lawn out. */
    private static final Color GRAVEL = new Color(0xD6CBB2);

    private final Graphics2D g;
    private final Look look;
    private final Layout layout;
    private final Random texture;
    private final double width;
    private final double depth;

    Grounds(Graphics2D g, Look look, Layout layout, Random texture) {
        this.g = g;
        this.look = look;
        this.layout = layout;
        this.texture = texture;
        this.width = layout.site().width();
        this.depth = layout.site().depth();
    }

    /** The cover of the whole lot, under everything else. */
    void cover() {
        Rectangle2D lot = new Rectangle2D.Double(0, 0, width, depth);
        Look.Palette palette = look.palette();
        // a lawn a refinement replaced is gravel of a neutral colour: the style's lawn colour would read as grass
        Color ground = layout.ground() == look.ground() ? palette.lawn() : GRAVEL;
        g.setColor(ground);
        g.fill(lot);
        Shape clip = g.getClip();
        g.clip(lot);
        switch (layout.ground()) {
            case LAWN -> {
                // mowing stripes and a fine speckle: how a lawn reads on a rendered plan
                g.setColor(Symbols.withAlpha(Symbols.tint(palette.lawn(), 0.35), 45));
                for (double x = 0; x < width; x += 10) {
                    g.fill(new Rectangle2D.Double(x, 0, 5, depth));
                }
                speckle(lot, Symbols.shade(palette.lawn(), 0.85), 0.14, 0.6);
            }
            case MEADOW -> {
                g.setStroke(new BasicStroke(0.12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int i = 0; i < width * depth * 0.9; i++) {
                    double x = texture.nextDouble() * width;
                    double y = texture.nextDouble() * depth;
                    double a = -Math.PI / 2 + (texture.nextDouble() - 0.5) * 1.2;
                    g.setColor(
                            texture.nextInt(3) == 0
                                    ? Symbols.shade(palette.lawn(), 0.78)
                                    : Symbols.tint(palette.lawn(), 0.2));
                    g.draw(new Line2D.Double(x, y, x + Math.cos(a) * 0.9, y + Math.sin(a) * 0.9));
                }
                speckle(lot, palette.accent(), 0.2, 0.03);
            }
            case GRAVEL -> {
                speckle(lot, Symbols.shade(ground, 0.82), 0.12, 1.2);
                speckle(lot, Symbols.tint(ground, 0.4), 0.12, 0.8);
            }
            case RAKED_GRAVEL -> speckle(lot, Symbols.shade(ground, 0.88), 0.1, 0.6);
        }
        g.setClip(clip);
    }

    /** A grain of small squares over {@code area}, as gravel, mulch or a lawn's texture reads on a plan. */
    void speckle(Shape area, Color color, double size, double perSquareFoot) {
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

    /** Raked lines: straight across the dry garden, and in rings around the pond and the islands. */
    void raked(Shape around) {
        if (look.ground() != Look.Ground.RAKED_GRAVEL) {
            return;
        }
        double backBorder = layout.backBorder();
        Rectangle2D patio = layout.patio();
        Area garden = new Area(new Rectangle2D.Double(0, backBorder, width, patio.getY() - backBorder));
        // the rings around the shape, made once and of its outline in straight lines (to 0.05 ft, under a pixel):
        // area operations on the curves of stroked curves were most of the japanese garden's drawing time
        Area inside = new Area(around);
        Path2D.Double outline = new Path2D.Double();
        outline.append(around.getPathIterator(null, 0.05), false);
        List<Area> rings = new ArrayList<>(3);
        for (int k = 1; k <= 3; k++) {
            Area ring = new Area(new BasicStroke((float) (k * 1.6)).createStrokedShape(outline));
            ring.add(inside);
            rings.add(ring);
        }
        g.setColor(Symbols.shade(look.palette().lawn(), 0.78));
        g.setStroke(new BasicStroke(0.14f));
        Shape clip = g.getClip();
        Area lines = new Area(garden);
        // the widest ring holds the others
        lines.subtract(rings.getLast());
        g.clip(lines);
        Path2D.Double rake = new Path2D.Double();
        for (double y = backBorder + 0.8; y < patio.getY(); y += 0.8) {
            rake.moveTo(0, y);
            rake.lineTo(width, y);
        }
        g.draw(rake);
        g.setClip(clip);
        g.clip(garden);
        for (Area ring : rings) {
            g.draw(ring);
        }
        g.setClip(clip);
    }
}
