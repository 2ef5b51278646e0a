package com.yarda.designer.builtin;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The smooth shapes beds, ponds, paths and plant symbols are made of. Geometry only, so a layout can be worked out
 * with them before anything is drawn.
 */
final class Curves {

    private Curves() {}

    /** A closed curve through {@code points} (Catmull-Rom turned into cubic Béziers). */
    static Path2D smoothClosed(List<Point2D> points) {
        Path2D path = new Path2D.Double();
        int n = points.size();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (int i = 0; i < n; i++) {
            Point2D p0 = points.get((i - 1 + n) % n);
            Point2D p1 = points.get(i);
            Point2D p2 = points.get((i + 1) % n);
            Point2D p3 = points.get((i + 2) % n);
            path.curveTo(
                    p1.getX() + (p2.getX() - p0.getX()) / 6,
                    p1.getY() + (p2.getY() - p0.getY()) / 6,
                    p2.getX() - (p3.getX() - p1.getX()) / 6,
                    p2.getY() - (p3.getY() - p1.getY()) / 6,
                    p2.getX(),
                    p2.getY());
        }
        path.closePath();
        return path;
    }

    /** An open curve through {@code points}. */
    static Path2D smoothOpen(List<Point2D> points) {
        Path2D path = new Path2D.Double();
        int n = points.size();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (int i = 0; i < n - 1; i++) {
            Point2D p0 = points.get(Math.max(i - 1, 0));
            Point2D p1 = points.get(i);
            Point2D p2 = points.get(i + 1);
            Point2D p3 = points.get(Math.min(i + 2, n - 1));
            path.curveTo(
                    p1.getX() + (p2.getX() - p0.getX()) / 6,
                    p1.getY() + (p2.getY() - p0.getY()) / 6,
                    p2.getX() - (p3.getX() - p1.getX()) / 6,
                    p2.getY() - (p3.getY() - p1.getY()) / 6,
                    p2.getX(),
                    p2.getY());
        }
        return path;
    }

    /** An organic blob of radii {@code rx} × {@code ry}: pond, island, mound. */
    static Path2D blob(double x, double y, double rx, double ry, double wobble, Random random) {
        int n = 9;
        List<Point2D> points = new ArrayList<>(n);
        double turn = random.nextDouble() * Math.PI * 2;
        for (int i = 0; i < n; i++) {
            double a = turn + i * Math.PI * 2 / n;
            double k = 1 + (random.nextDouble() - 0.5) * 2 * wobble;
            points.add(new Point2D.Double(x + Math.cos(a) * rx * k, y + Math.sin(a) * ry * k));
        }
        return smoothClosed(points);
    }
}
