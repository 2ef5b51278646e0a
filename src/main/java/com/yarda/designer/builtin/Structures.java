package com.yarda.designer.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** What every plan of an address keeps as it is: the street and the neighbours, the driveway, house and fences. */
final class Structures {

    static final Color CONCRETE = new Color(0xCBC7BE);
    private static final Color ROOF = new Color(0x8C8782);
    private static final Color FENCE = new Color(0x6B5844);

    private final Graphics2D g;
    private final Look look;
    private final Site site;

    Structures(Graphics2D g, Look look, Site site) {
        this.g = g;
        this.look = look;
        this.site = site;
    }

    /**
     * Neighbouring lots and the street, muted so the eye stays on the property.
     *
     * @param farLeft the left edge of the drawing, in feet
     * @param farRight its right edge
     */
    void surroundings(double farLeft, double farRight) {
        Color muted = Symbols.mix(look.palette().lawn(), look.palette().background(), 0.62);
        g.setColor(muted);
        g.fill(new Rectangle2D.Double(farLeft, -40, farRight - farLeft, site.depth() + 40));
        g.setStroke(new BasicStroke(0.25f));
        g.setColor(Symbols.shade(muted, 0.9));
        g.draw(new Line2D.Double(farLeft, 0, farRight, 0));
        Color roof = Symbols.mix(ROOF, look.palette().background(), 0.55);
        for (Rectangle2D other : site.neighbours()) {
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
        g.draw(new Line2D.Double(0, -40, 0, site.depth()));
        g.draw(new Line2D.Double(site.width(), -40, site.width(), site.depth()));

        double sidewalk = site.depth() + 2;
        double curb = site.depth() + 10;
        g.setColor(new Color(0x58595B));
        g.fill(new Rectangle2D.Double(farLeft, curb, farRight - farLeft, 80));
        g.setColor(new Color(0xE8C547));
        g.setStroke(new BasicStroke(
                0.5f,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER,
                10f,
                new float[] {8f, 6f},
                (float) site.width() % 14));
        g.draw(new Line2D.Double(farLeft, curb + 16, farRight, curb + 16));
        g.setColor(muted);
        g.fill(new Rectangle2D.Double(farLeft, site.depth(), farRight - farLeft, curb - site.depth()));
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

    void driveway() {
        Rectangle2D driveway = site.driveway();
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
        g.fill(new Rectangle2D.Double(driveway.getX(), site.depth() + 2, driveway.getWidth(), 5));
    }

    /** The house and garage roofs over their shadow. */
    void house() {
        Area footprint = new Area(site.house());
        footprint.add(new Area(site.garage()));
        Symbols.shadow(g, footprint, 1.6, 2.2, 0.32f);
        roof(site.house());
        roof(site.garage());
        g.setColor(new Color(0x4A4642));
        g.setStroke(new BasicStroke(0.3f));
        g.draw(footprint);
    }

    /** A hip roof seen from above: four planes, each shaded by its side to the light. */
    private void roof(Rectangle2D r) {
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

    /** The back and side fences with their posts, and the property line. */
    void fences(double scale) {
        Rectangle2D house = site.house();
        Rectangle2D garage = site.garage();
        double gate = site.houseTop() + 6;
        Path2D fence = new Path2D.Double();
        fence.moveTo(Math.min(house.getX(), garage.getX()), gate);
        fence.lineTo(0, gate);
        fence.lineTo(0, 0);
        fence.lineTo(site.width(), 0);
        fence.lineTo(site.width(), gate);
        fence.lineTo(Math.max(house.getMaxX(), garage.getMaxX()), gate);
        g.setColor(FENCE);
        g.setStroke(new BasicStroke(0.35f));
        g.draw(fence);
        for (Point2D post : Hardscape.along(fence, 8)) {
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
        g.draw(new Rectangle2D.Double(-0.6, -0.6, site.width() + 1.2, site.depth() + 1.2));
    }
}
