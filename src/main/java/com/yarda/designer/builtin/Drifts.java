package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.PlantSpot;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Plants beds in drifts, the way garden designers do: a run of one plant, then the next of the palette a few feet
 * along, on a loose grid so no row shows. Which plants of the style may go in a bed is decided here too.
 */
final class Drifts {

    private final Look look;
    private final Random random;
    private final List<Integer> borderPlants;
    private final List<Integer> bedPlants;

    /** {@code random} is the layout's own: drifts take their draws in turn with the rest of the layout. */
    Drifts(Look look, Random random) {
        this.look = look;
        this.random = random;
        List<Integer> border = new ArrayList<>();
        List<Integer> bed = new ArrayList<>();
        for (int i = 0; i < look.plants().size(); i++) {
            Look.Form form = look.plants().get(i).form();
            if (!form.isTree()) {
                border.add(i);
                if (form != Look.Form.COLUMNAR) {
                    bed.add(i);
                }
            }
        }
        this.borderPlants = List.copyOf(border);
        this.bedPlants = List.copyOf(bed);
    }

    /** The plants a border may hold, by index in the palette: all but the trees, screens included. */
    List<Integer> borderPlants() {
        return borderPlants;
    }

    /** The plants any other bed may hold: no trees, and no columnar screens, which belong on a boundary. */
    List<Integer> bedPlants() {
        return bedPlants;
    }

    /** Plants {@code area} in drifts of {@code plants}, sorted from the back so nearer plants overlap those behind. */
    Layout.Bed plant(Shape area, List<Integer> plants, @Nullable Point2D boulder) {
        Rectangle2D b = area.getBounds2D();
        if (b.isEmpty() || plants.isEmpty()) {
            return new Layout.Bed(area, List.of(), boulder);
        }
        double drift = 10 + random.nextInt(6);
        int offset = random.nextInt(plants.size());
        record Spot(int plant, double x, double y) {}
        List<Spot> here = new ArrayList<>();
        double step = 3.3;
        for (double y = b.getY() + step / 2; y < b.getMaxY(); y += step) {
            for (double x = b.getX() + step / 2; x < b.getMaxX(); x += step) {
                double px = x + (random.nextDouble() - 0.5) * 1.4;
                double py = y + (random.nextDouble() - 0.5) * 1.4;
                if (!area.contains(px, py) || !area.contains(px - 0.8, py) || !area.contains(px + 0.8, py)) {
                    continue;
                }
                // distance along either axis, so an L- or U-shaped border changes plants along each arm
                double along = (px - b.getX()) + (py - b.getY());
                int plant = plants.get(((int) (along / drift) + offset) % plants.size());
                here.add(new Spot(plant, px, py));
            }
        }
        here.sort(Comparator.comparingDouble(Spot::y));
        List<PlantSpot> planted = new ArrayList<>(here.size());
        for (Spot spot : here) {
            double radius = radius(look.plants().get(spot.plant()).form());
            planted.add(new PlantSpot(spot.plant() + 1, spot.x(), spot.y(), radius));
        }
        return new Layout.Bed(area, List.copyOf(planted), boulder);
    }

    private double radius(Look.Form form) {
        double base = switch (form) {
            case SHRUB -> 2.0;
            case MOSS -> 2.1;
            case ROSETTE -> 1.8;
            case GRASS -> 1.6;
            case FLOWERS -> 1.5;
            case COLUMNAR -> 1.3;
            case BARREL -> 1.1;
            case TREE, PALM -> 9;
        };
        return base * (0.85 + random.nextDouble() * 0.3);
    }
}
