package com.yarda.designer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * A plant of a finished design, as API.md lists it in {@code plants}.
 *
 * @param number the number drawn on the design (1, 2, …)
 * @param quantity how many of it the design places (at least 1); null when the designer could not say, never
 *     invented
 */
public record PlacedPlant(
        int number, @JsonUnwrapped Plant plant, @Nullable Integer quantity) {

    public PlacedPlant {
        if (number < 1) {
            throw new IllegalArgumentException("plant numbers start at 1");
        }
        if (quantity != null && quantity < 1) {
            throw new IllegalArgumentException("a placed plant is placed at least once");
        }
    }
}
