package com.yarda.designer.builtin;

import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished builtin drawing and what it shows.
 *
 * @param plants the plants of its legend, numbered in this order (1 first)
 * @param drawn how many symbols of each plant the drawing painted, by legend number, counted as they were drawn
 */
record Drawing(BufferedImage image, List<Plant> plants, Map<Integer, Integer> drawn) {

    Drawing {
        plants = List.copyOf(plants);
        drawn = Collections.unmodifiableMap(new TreeMap<>(drawn));
    }

    /**
     * The plants as the design reports them: numbered as on the drawing and legend, each with how many of it the
     * drawing shows.
     *
     * @throws IllegalStateException when a plant of the legend was not drawn: the planners place every plant of
     *     their list, so this is a bug, and a design never reports a plant it does not show
     */
    List<PlacedPlant> placed() {
        List<PlacedPlant> placed = new ArrayList<>(plants.size());
        for (int i = 0; i < plants.size(); i++) {
            int count = drawn.getOrDefault(i + 1, 0);
            if (count < 1) {
                throw new IllegalStateException(
                        "plant " + (i + 1) + " (" + plants.get(i).botanicalName() + ") is in the legend but not drawn");
            }
            placed.add(new PlacedPlant(i + 1, plants.get(i), count));
        }
        if (drawn.keySet().stream().anyMatch(number -> number < 1 || number > plants.size())) {
            throw new IllegalStateException("plants were drawn that the legend does not list: " + drawn);
        }
        return List.copyOf(placed);
    }
}
