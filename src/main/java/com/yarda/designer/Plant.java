package com.yarda.designer;

import java.util.Objects;

/**
 * A plant of a style's planting palette, as listed beside a design and numbered on it.
 *
 * @param commonName the name a homeowner knows, e.g. {@code English lavender}
 * @param botanicalName the name a nursery orders by, e.g. {@code Lavandula angustifolia 'Hidcote'}
 * @param sun the light it needs: {@code full sun}, {@code full sun to part shade}, {@code part shade} or
 *     {@code shade}
 * @param water the water it needs once established: {@code very low}, {@code low}, {@code moderate} or
 *     {@code regular}
 */
public record Plant(String commonName, String botanicalName, String sun, String water) {

    public Plant {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(botanicalName, "botanicalName");
        Objects.requireNonNull(sun, "sun");
        Objects.requireNonNull(water, "water");
    }
}
