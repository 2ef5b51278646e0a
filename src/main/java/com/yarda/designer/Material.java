package com.yarda.designer;

import java.util.Objects;

/**
 * A hardscape material of a style, as listed beside a design.
 *
 * @param name what to ask a supplier for, e.g. {@code Reclaimed red brick}
 * @param use where it goes in the design, e.g. {@code herringbone paths}
 */
public record Material(String name, String use) {

    public Material {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(use, "use");
    }
}
