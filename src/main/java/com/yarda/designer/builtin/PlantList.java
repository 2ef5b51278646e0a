package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import java.util.List;

/**
 * The plants of a design a refinement changes: a plan moves its planted spots along with them ({@link Revision}), a
 * photo concept only its list ({@link PhotoRevision}).
 */
interface PlantList {

    /** The plants in legend order. */
    List<Plant> plants();

    /** {@code substitute} takes the place of {@code plant}, in the legend and wherever it was planted. */
    void replace(Plant plant, Plant substitute);

    /** {@code plant} leaves the legend and the drawing. */
    void remove(Plant plant);
}
