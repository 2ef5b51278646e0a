package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.Bed;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** Shapes on the plan measured and made, in feet: areas, footprints, grown rectangles, circles and roomy points. */
final class PlanGeometry {

    private PlanGeometry() {}

    /** Where the feature and its surround are: what the planner kept beds away from. */
    static Area footprint(Layout.Feature feature) {
        double r = feature.radius();
        Point2D c = feature.centre();
        Area area = new Area(new Ellipse2D.Double(c.getX() - r * 1.4, c.getY() - r * 1.1, r * 2.8, r * 2.2));
        if (!feature.course().isEmpty()) {
            area.add(new Area(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    .createStrokedShape(Curves.smoothOpen(feature.course()))));
        }
        for (Bed bed : feature.beds()) {
            area.add(new Area(bed.area()));
        }
        return area;
    }

    /** The area of a shape in square feet (holes subtracted): an area's outlines wind one way, its holes the other. */
    static double squareFeet(Shape shape) {
        double sum = 0;
        double[] c = new double[6];
        double startX = 0;
        double startY = 0;
        double x = 0;
        double y = 0;
        for (PathIterator it = shape.getPathIterator(null, 0.05); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = x = c[0];
                    startY = y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    sum += x * c[1] - c[0] * y;
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    sum += x * startY - startX * y;
                    x = startX;
                    y = startY;
                }
                default -> throw new IllegalStateException("a flattened path has only lines");
            }
        }
        return Math.abs(sum) / 2;
    }

    /**
     * The point of {@code area} within {@code bounds} (on a 2-ft grid) with the most room around it: where a label
     * reads best. The middle of {@code bounds} when none of the grid is in the area.
     */
    static Point2D roomiest(Area area, Rectangle2D bounds) {
        Point2D best = new Point2D.Double(bounds.getCenterX(), bounds.getCenterY());
        double bestRoom = -1;
        for (double y = bounds.getY() + 1; y < bounds.getMaxY(); y += 2) {
            for (double x = bounds.getX() + 1; x < bounds.getMaxX(); x += 2) {
                if (!area.contains(x, y)) {
                    continue;
                }
                double room = 0;
                while (room < 12 && area.contains(x - room - 1, y - room - 1, 2 * room + 2, 2 * room + 2)) {
                    room++;
                }
                if (room > bestRoom) {
                    bestRoom = room;
                    best = new Point2D.Double(x, y);
                }
            }
        }
        return best;
    }

    static Rectangle2D grown(Rectangle2D r, double by) {
        return new Rectangle2D.Double(r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
    }

    static Ellipse2D circle(Point2D centre, double radius) {
        return new Ellipse2D.Double(centre.getX() - radius, centre.getY() - radius, radius * 2, radius * 2);
    }
}
