package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import java.util.ArrayList;
import java.util.List;

/**
 * A photo concept being refined: the photo stays as photographed, so a refinement changes only what its planting
 * zones show, the plants in them and how many trees are marked.
 */
final class PhotoRevision implements PlantList {

    private final List<Plant> plants;
    private int extraTrees;

    PhotoRevision(List<Plant> plants) {
        this.plants = new ArrayList<>(plants);
    }

    @Override
    public List<Plant> plants() {
        return List.copyOf(plants);
    }

    @Override
    public void replace(Plant plant, Plant substitute) {
        plants.set(plants.indexOf(plant), substitute);
    }

    @Override
    public void remove(Plant plant) {
        plants.remove(plant);
    }

    /** Two more markers of {@code tree} in the zones (the tree joins the legend if it was not in it). */
    void shade(Plant tree) {
        if (!plants.contains(tree)) {
            plants.add(tree);
        }
        extraTrees += 2;
    }

    /** How many trees the zones mark beyond one of each tree of the legend. */
    int extraTrees() {
        return extraTrees;
    }
}
