package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The built surfaces of the garden: the patio and its paving, the front landing, the walks, stones and rocks. */
final class Hardscape {

    private final Graphics2D g;
    private final Look look;
    private final Layout layout;
    private final Random texture;

    Hardscape(Graphics2D g, Look look, Layout layout, Random texture) {
        this.g = g;
        this.look = look;
        this.layout = layout;
        this.texture = texture;
    }

    /** The patio, deck or terrace behind the house, with its pergola and tables. */
    void patio() {
        Rectangle2D patio = layout.patio();
        Shape shape = look.paving() == Look.Paving.FLAGSTONE
                ? new RoundRectangle2D.Double(patio.getX(), patio.getY(), patio.getWidth(), patio.getHeight() + 3, 8, 8)
                : patio;
        Symbols.shadow(g, shape, 0.2, 0.3, 0.15f);
        paving(shape, look.paving(), look.palette().hardscape());
        if (layout.pergola()) {
            pergola(patio);
        }
        for (Point2D table : layout.tables()) {
            table(table.getX(), table.getY());
        }
    }

    /** Fills {@code shape} with a paving pattern; flagstones are laid on a bed of the path colour. */
    void paving(Shape shape, Look.Paving kind, Color colour) {
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

    private void table(double x, double y) {
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

    private void pergola(Rectangle2D patio) {
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

    /** The landing at the front door, then each walk. */
    void walks() {
        Look.Paving landing = look.paving() == Look.Paving.DECK ? Look.Paving.LARGE_PAVERS : look.paving();
        paving(layout.site().porch(), landing, Structures.CONCRETE);
        for (Layout.Walk walk : layout.walks()) {
            walk(walk.points(), look.walk());
        }
    }

    private void walk(List<Point2D> points, Look.Walk kind) {
        Color colour = look.palette().path();
        Path2D line = look.beds() == Look.Beds.GEOMETRIC ? polyline(points) : Curves.smoothOpen(points);
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
    static List<Point2D> along(Shape path, double spacing) {
        List<Point2D> out = new ArrayList<>();
        var iterator = path.getPathIterator(null, 0.05);
        double[] c = new double[6];
        double px = 0;
        double py = 0;
        double carry = 0;
        while (!iterator.isDone()) {
            int type = iterator.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                px = c[0];
                py = c[1];
                out.add(new Point2D.Double(px, py));
            } else if (type == PathIterator.SEG_LINETO) {
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

    /** A rounded rock of radius {@code r}. */
    void boulder(double x, double y, double r) {
        Shape rock = Curves.blob(x, y, r, r * 0.8, 0.15, texture);
        Symbols.shadow(g, rock, r * 0.3, r * 0.4, 0.3f);
        Symbols.fillLit(g, rock, x, y, r, new Color(0x8E8A84));
        g.setColor(new Color(0x5E5B56));
        g.setStroke(new BasicStroke(0.08f));
        g.draw(rock);
    }
}
