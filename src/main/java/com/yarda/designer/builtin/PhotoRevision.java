package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A photo concept being refined: the photo stays as photographed, so a refinement changes what is drawn over it —
 * the plants of its planting zones, how far the zones reach into the lawn, the trees and screen marked in them, and
 * the seating, vegetable beds or water marked where they would go.
 */
final class PhotoRevision implements PlantList {

    /** How much deeper and wider the zones grow for less lawn, or shrink (its inverse) for more. */
    static final double ZONE_STEP = 1.3;

    private final List<Plant> plants;
    private final List<Plant> extraTrees = new ArrayList<>();
    private double zones = 1;
    private @Nullable Plant screen;
    private boolean seating;
    private boolean vegetables;
    private Layout.Water.@Nullable Kind water;

    PhotoRevision(List<Plant> plants) {
        this.plants = new ArrayList<>(plants);
    }

    /**
     * What a refined concept draws beyond a first one.
     *
     * @param extraTrees one entry per tree marked beyond one of each tree of the legend, for shade
     * @param zones how large the planting zones are against a first design's (1), across and deep
     * @param screen the plant marked in a row along the back of the zones for privacy; null for none
     * @param water the water feature marked in the lawn; null for none
     */
    record Edits(
            List<Plant> extraTrees,
            double zones,
            @Nullable Plant screen,
            boolean seating,
            boolean vegetables,
            Layout.Water.@Nullable Kind water) {

        static final Edits NONE = new Edits(List.of(), 1, null, false, false, null);

        Edits {
            extraTrees = List.copyOf(extraTrees);
        }
    }

    Edits edits() {
        return new Edits(extraTrees, zones, screen, seating, vegetables, water);
    }

    @Override
    public List<Plant> plants() {
        return List.copyOf(plants);
    }

    @Override
    public void replace(Plant plant, Plant substitute) {
        plants.set(plants.indexOf(plant), substitute);
        extraTrees.replaceAll(tree -> tree.equals(plant) ? substitute : tree);
        if (plant.equals(screen)) {
            screen = substitute;
        }
    }

    @Override
    public void remove(Plant plant) {
        plants.remove(plant);
        extraTrees.removeIf(plant::equals);
        if (plant.equals(screen)) {
            screen = null;
        }
    }

    /** Two more markers of {@code tree} in the zones (the tree joins the legend if it was not in it). */
    Change shade(Plant tree) {
        join(tree);
        extraTrees.add(tree);
        extraTrees.add(tree);
        return Change.made("2 more trees (" + tree.commonName() + ") marked in the planting zones");
    }

    /** The zones reach further into the lawn, or less far; at most twice, at least half as far as at first. */
    Change lawn(boolean less) {
        double before = zones;
        zones = Math.clamp(less ? zones * ZONE_STEP : zones / ZONE_STEP, 0.5, 2);
        if (zones == before) {
            return Change.refused(
                    less ? "the planting zones cannot grow further" : "the planting zones cannot shrink further");
        }
        double area = zones * zones / (before * before);
        return less
                ? Change.made("the planting zones reach further into the lawn (" + Lawn.about(area - 1) + " larger)")
                : Change.made("the planting zones give back lawn (" + Lawn.about(1 - area) + " smaller)");
    }

    Change screen(Plant plant) {
        if (screen != null) {
            return Change.noted("a screen is marked already");
        }
        join(plant);
        screen = plant;
        return Change.made("a screen of " + plant.commonName() + " marked along the back of the planting zones");
    }

    Change seating() {
        if (seating) {
            return Change.noted("a seating area is marked already");
        }
        seating = true;
        return Change.made("a paved seating area with a table marked in the lawn");
    }

    Change vegetables() {
        if (vegetables) {
            return Change.noted("the vegetable beds are marked already");
        }
        vegetables = true;
        return Change.made("3 raised beds marked in the sunny lawn");
    }

    Change water(Layout.Water.Kind kind) {
        water = kind;
        return Change.made("a " + Placements.name(kind).toLowerCase(Locale.ROOT) + " marked in the lawn");
    }

    private void join(Plant plant) {
        if (!plants.contains(plant)) {
            plants.add(plant);
        }
    }
}
