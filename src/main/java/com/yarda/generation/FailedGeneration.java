package com.yarda.generation;

import com.yarda.designer.Style;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A generation that ended {@code failed}, as operators see it: whose it was and why it failed.
 *
 * @param attempts how many times a worker claimed it
 */
public record FailedGeneration(
        UUID id,
        UUID userId,
        InputType inputType,
        Style style,
        @Nullable String errorMessage,
        int attempts,
        boolean creditRefunded,
        Instant createdAt,
        @Nullable Instant completedAt) {}
