package com.yarda.designer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to design: exactly one of {@code address} and {@code photo} is set.
 *
 * @param generationId the generation this is for (for logs and deterministic variation)
 * @param customPrompt the homeowner's own instructions, at most 500 characters
 */
public record DesignRequest(
        UUID generationId,
        Style style,
        @Nullable String address,
        @Nullable Photo photo,
        @Nullable String customPrompt) {

    public DesignRequest {
        if ((address == null) == (photo == null)) {
            throw new IllegalArgumentException("exactly one of address and photo must be given");
        }
    }

    /** A sanitised input photo (already validated and re-encoded, without metadata). */
    public record Photo(byte[] bytes, String contentType, int width, int height) {}
}
