package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import java.awt.Color;

/**
 * The symbol of a plant a style has no tuned symbol for: any catalog plant a zone's palette brings in. Its form
 * follows the plant's kind and shape, its size the plant's mature spread, its colours the kind's foliage pulled
 * toward the style's palette, so a plan for Minneapolis still looks like the style and every plant reads as what it
 * is. Deterministic: the same plant in the same style always draws the same.
 */
final class PlantSymbols {

    // within these bounds a drift still reads as a drift: a groundcover never vanishes, a big shrub never swallows
    // its neighbours, and a large tree stays inside a suburban lot
    private static final double SMALLEST = 0.75;
    private static final double LARGEST = 1.35;

    private static final Color[] FLOWERS = {
        new Color(0xF4F1E8), // white
        new Color(0xE58FB0), // pink
        new Color(0x8F7BC8), // violet
        new Color(0xF2C230), // yellow
        new Color(0x5B7FD1), // blue
        new Color(0xE0603A) // orange
    };

    private PlantSymbols() {}

    static Look.Sprite of(Plant plant, Look.Palette palette) {
        Look.Form form = form(plant);
        // String.hashCode is specified, so the variation is the same on every JVM
        int hash = plant.botanicalName().hashCode();
        Color leaf =
                Symbols.shade(Symbols.mix(foliage(plant), palette.canopy(), 0.25), 0.9 + Math.floorMod(hash, 5) * 0.05);
        Color bloom = switch (plant.kind()) {
            case PERENNIAL, SHRUB, VINE -> {
                int pick = Math.floorMod(hash >> 4, FLOWERS.length + 1);
                yield pick == FLOWERS.length ? palette.accent() : FLOWERS[pick];
            }
            case GRASS -> Symbols.mix(leaf, new Color(0xE6DAB0), 0.5); // seed heads
            case TREE, GROUNDCOVER, SUCCULENT -> Symbols.shade(leaf, 0.82); // crown texture, spines, leaf tips
        };
        return new Look.Sprite(form, leaf, bloom, scale(plant, form));
    }

    /**
     * The plan symbol of a kind of plant. Tall and narrow plants (an Italian cypress, a clumping bamboo) read from
     * above as a tight disc and are planted along boundaries, like the styles' own screens.
     */
    static Look.Form form(Plant plant) {
        double height = plant.matureHeightM();
        double spread = plant.matureSpreadM();
        boolean screen = height >= 2 && spread <= height / 2;
        return switch (plant.kind()) {
            case TREE -> spread <= height / 4 ? Look.Form.COLUMNAR : Look.Form.TREE;
            case SHRUB -> screen ? Look.Form.COLUMNAR : Look.Form.SHRUB;
            case GRASS -> screen ? Look.Form.COLUMNAR : Look.Form.GRASS;
            case PERENNIAL -> Look.Form.FLOWERS;
            case GROUNDCOVER -> Look.Form.MOSS;
            // a globe as tall as it is wide is a cactus; the rest of the succulents spread as rosettes
            case SUCCULENT -> height >= spread && spread <= 1 ? Look.Form.BARREL : Look.Form.ROSETTE;
            // from above a vine on a fence or arbour reads as a mass of leaves
            case VINE -> Look.Form.SHRUB;
        };
    }

    /** The plant's spread against the usual spread of its form, in the bounds above. */
    private static double scale(Plant plant, Look.Form form) {
        double usual = switch (form) {
            case TREE -> 6;
            case PALM -> 5;
            case COLUMNAR, SHRUB -> 1.5;
            case ROSETTE -> 1;
            case GRASS -> 0.8;
            case BARREL, FLOWERS -> 0.6;
            case MOSS -> 0.5;
        };
        return Math.max(SMALLEST, Math.min(LARGEST, plant.matureSpreadM() / usual));
    }

    private static Color foliage(Plant plant) {
        return new Color(
                switch (plant.kind()) {
                    case TREE -> 0x5B7F3E;
                    case SHRUB -> 0x52703E;
                    case PERENNIAL -> 0x7A9458;
                    case GRASS -> 0xA9A46A;
                    case GROUNDCOVER -> 0x4E7238;
                    case SUCCULENT -> 0x8AA79C;
                    case VINE -> 0x5E8A3A;
                });
    }
}
