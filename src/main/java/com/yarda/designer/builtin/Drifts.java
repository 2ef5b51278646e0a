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
 * along, on a loose grid so no row shows. Which plants of the palette may go in a bed is decided here too, and a
 * plant that got no drift is given one, so that every plant the legend lists is in the plan.
 */
final class Drifts {

    /**
     * How far a plant keeps from the middle of an island's boulder: the largest boulder {@link Planting} draws is
     * 2.2 ft across its radius and wobbles by 15%, and a plant whose middle it covers is not seen.
     */
    static final double BOULDER_CLEARANCE = 2.6;

    private final List<Look.Sprite> sprites;
    private final Random random;
    private final List<Integer> borderPlants;
    private final List<Integer> bedPlants;

    /**
     * @param sprites the symbol of each plant of the palette, in legend order
     * @param random the layout's own: drifts take their draws in turn with the rest of the layout
     */
    Drifts(List<Look.Sprite> sprites, Random random) {
        this.sprites = List.copyOf(sprites);
        this.random = random;
        List<Integer> border = new ArrayList<>();
        List<Integer> bed = new ArrayList<>();
        for (int i = 0; i < sprites.size(); i++) {
            Look.Form form = sprites.get(i).form();
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

    /**
     * Plants {@code area} in drifts of {@code plants}, sorted from the back so nearer plants overlap those behind,
     * leaving the middle of an island's boulder free.
     */
    Layout.Bed plant(Shape area, List<Integer> plants, @Nullable Point2D boulder) {
        Rectangle2D b = area.getBounds2D();
        if (b.isEmpty() || plants.isEmpty()) {
            return new Layout.Bed(area, List.of(), boulder);
        }
        double drift = 10 + random.nextInt(6);
        int offset = random.nextInt(plants.size());
        List<Spot> here = new ArrayList<>();
        double step = 3.3;
        for (double y = b.getY() + step / 2; y < b.getMaxY(); y += step) {
            for (double x = b.getX() + step / 2; x < b.getMaxX(); x += step) {
                double px = x + (random.nextDouble() - 0.5) * 1.4;
                double py = y + (random.nextDouble() - 0.5) * 1.4;
                if (!area.contains(px, py) || !area.contains(px - 0.8, py) || !area.contains(px + 0.8, py)) {
                    continue;
                }
                if (boulder != null && boulder.distance(px, py) < BOULDER_CLEARANCE) {
                    continue;
                }
                double along = along(b, px, py);
                int plant = plants.get(((int) (along / drift) + offset) % plants.size());
                here.add(new Spot(plant, px, py, along));
            }
        }
        here.sort(Comparator.comparingDouble(Spot::y));
        List<PlantSpot> planted = new ArrayList<>(here.size());
        for (Spot spot : here) {
            planted.add(new PlantSpot(spot.plant() + 1, spot.x(), spot.y(), radius(sprites.get(spot.plant()))));
        }
        return new Layout.Bed(area, List.copyOf(planted), boulder);
    }

    /**
     * The border with every plant it may hold in it at least once: a smaller bed may have had no room for a plant,
     * or a tree's canopy may have covered all of it. Unchanged when every plant is there.
     */
    Layout.Bed withEveryPlant(Layout.Bed border) {
        return withPlants(border, borderPlants);
    }

    /**
     * The border with each of {@code plants} (indices in the palette) in it at least once, each that has none given
     * a drift of its own ({@link #everyPlant}). Unchanged when every one is there.
     */
    Layout.Bed withPlants(Layout.Bed border, List<Integer> plants) {
        Rectangle2D b = border.area().getBounds2D();
        List<Spot> spots = new ArrayList<>();
        for (PlantSpot plant : border.plants()) {
            spots.add(new Spot(plant.number() - 1, plant.x(), plant.y(), along(b, plant.x(), plant.y())));
        }
        List<Spot> complete = everyPlant(spots, plants);
        if (complete.equals(spots)) {
            return border;
        }
        List<PlantSpot> planted = new ArrayList<>(complete.size());
        for (int i = 0; i < complete.size(); i++) {
            Spot spot = complete.get(i);
            planted.add(
                    spot.equals(spots.get(i))
                            ? border.plants().get(i)
                            : new PlantSpot(spot.plant() + 1, spot.x(), spot.y(), radius(sprites.get(spot.plant()))));
        }
        return new Layout.Bed(border.area(), List.copyOf(planted), border.boulder());
    }

    /** {@code bed} without the plants a canopy hides ({@link #seen}). */
    static Layout.Bed uncovered(Layout.Bed bed, List<PlantSpot> trees) {
        return new Layout.Bed(bed.area(), seen(bed.plants(), trees), bed.boulder());
    }

    /** The plants whose middle no tree's canopy covers: trees are drawn over everything planted below them. */
    static List<PlantSpot> seen(List<PlantSpot> plants, List<PlantSpot> trees) {
        return plants.stream()
                .filter(plant -> trees.stream()
                        .noneMatch(tree -> Math.hypot(plant.x() - tree.x(), plant.y() - tree.y()) < tree.radius()))
                .toList();
    }

    /**
     * Where a plant of a drift goes, before it is sized.
     *
     * @param plant its index in the palette
     * @param along how far along the drifts it stands: a drift is a run of spots close in this
     */
    record Spot(int plant, double x, double y, double along) {}

    /**
     * {@code spots} with each of {@code plants} that has none given a drift of its own: the farther half (along the
     * drifts) of the spots of the plant that has the most, which keeps the rest. The same spots when every plant
     * has one; a plant stays without when no plant has two spots to share.
     */
    static List<Spot> everyPlant(List<Spot> spots, List<Integer> plants) {
        List<Spot> result = new ArrayList<>(spots);
        for (int plant : plants) {
            if (result.stream().noneMatch(spot -> spot.plant() == plant)) {
                carve(result, plant);
            }
        }
        return result;
    }

    private static void carve(List<Spot> spots, int plant) {
        int[] counts = new int[spots.stream().mapToInt(Spot::plant).max().orElse(0) + 1];
        spots.forEach(spot -> counts[spot.plant()]++);
        int donor = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[donor]) {
                donor = i;
            }
        }
        if (counts[donor] < 2) {
            return;
        }
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < spots.size(); i++) {
            if (spots.get(i).plant() == donor) {
                shared.add(i);
            }
        }
        shared.sort(Comparator.comparingDouble(i -> spots.get(i).along()));
        for (int i : shared.subList(shared.size() - shared.size() / 2, shared.size())) {
            Spot spot = spots.get(i);
            spots.set(i, new Spot(plant, spot.x(), spot.y(), spot.along()));
        }
    }

    /** Distance along either axis, so an L- or U-shaped border changes plants along each arm. */
    private static double along(Rectangle2D bounds, double x, double y) {
        return (x - bounds.getX()) + (y - bounds.getY());
    }

    private double radius(Look.Sprite sprite) {
        return size(sprite) * (0.85 + random.nextDouble() * 0.3);
    }

    /** How far a plant of this symbol usually spreads in a bed, in feet; each plant varies by up to 15%. */
    static double size(Look.Sprite sprite) {
        double base = switch (sprite.form()) {
            case SHRUB -> 2.0;
            case MOSS -> 2.1;
            case ROSETTE -> 1.8;
            case GRASS -> 1.6;
            case FLOWERS -> 1.5;
            case COLUMNAR -> 1.3;
            case BARREL -> 1.1;
            case TREE, PALM -> 9;
        };
        return base * sprite.scale();
    }
}
