package com.yarda.web;

import com.yarda.generation.Generation;
import org.jspecify.annotations.Nullable;

/**
 * A generation as the pages show it, with the pages' own image addresses (the API's need a bearer token). Public
 * because templates call its methods.
 */
public record GenerationView(
        Generation g, @Nullable String photoUrl, @Nullable String imageUrl, String styleName) {

    public boolean finished() {
        return g.status().finished();
    }
}
