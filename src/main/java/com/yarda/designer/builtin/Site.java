package com.yarda.designer.builtin;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The property as its address alone shapes it, so one yard shown in several styles keeps its lot and house. In
 * feet: x to the right, y from the back fence (0) towards the street ({@code depth}).
 *
 * @param porch the landing at the front door, where the front walk starts
 * @param neighbours the houses on the lots to either side
 * @param northAngle how far north turns from straight up the plan, in radians
 */
record Site(
        double width,
        double depth,
        Rectangle2D house,
        Rectangle2D garage,
        Rectangle2D driveway,
        Rectangle2D porch,
        List<Rectangle2D> neighbours,
        double northAngle) {

    private static final double GARAGE_WIDTH = 22;
    private static final double GARAGE_DEPTH = 23;

    /** The site of {@code siteSeed}, which should depend on the address only. */
    static Site of(long siteSeed) {
        Random random = new Random(siteSeed);
        double width = 74 + random.nextInt(31);
        double depth = 118 + random.nextInt(23);
        double frontSetback = 22 + random.nextInt(8);
        double houseDepth = 30 + random.nextInt(9);
        double houseFront = depth - frontSetback;
        double houseTop = houseFront - houseDepth;
        double garageSide = 6 + random.nextInt(4);
        double houseWidth = Math.min(
                Math.round(width * (0.34 + random.nextDouble() * 0.1)), width - garageSide - GARAGE_WIDTH - 14);
        boolean garageLeft = random.nextBoolean();
        double garageX = garageLeft ? garageSide : width - garageSide - GARAGE_WIDTH;
        double houseX = garageLeft ? garageX + GARAGE_WIDTH : garageX - houseWidth;
        double garageForward = 3 + random.nextInt(7);
        Rectangle2D house = new Rectangle2D.Double(houseX, houseTop, houseWidth, houseDepth);
        Rectangle2D garage =
                new Rectangle2D.Double(garageX, houseFront + garageForward - GARAGE_DEPTH, GARAGE_WIDTH, GARAGE_DEPTH);
        Rectangle2D driveway =
                new Rectangle2D.Double(garageX - 1, garage.getMaxY(), GARAGE_WIDTH + 2, depth + 9 - garage.getMaxY());
        double doorX = houseX + houseWidth * (0.35 + random.nextDouble() * 0.3);
        Rectangle2D porch = new Rectangle2D.Double(doorX - 4, houseFront, 8, 5);
        double northAngle = Math.toRadians(random.nextInt(81) - 40);
        double[] neighbourX = {-width + 14 + random.nextInt(8), width + 12 + random.nextInt(8)};
        List<Rectangle2D> neighbours = new ArrayList<>();
        for (double x : neighbourX) {
            neighbours.add(new Rectangle2D.Double(x, houseTop - 6 + random.nextInt(12), 40 + random.nextInt(12), 34));
        }
        return new Site(width, depth, house, garage, driveway, porch, List.copyOf(neighbours), northAngle);
    }

    /** The back wall of the house. */
    double houseTop() {
        return house.getY();
    }

    /** The front wall of the house. */
    double houseFront() {
        return house.getMaxY();
    }

    boolean garageLeft() {
        return garage.getX() < house.getX();
    }
}
