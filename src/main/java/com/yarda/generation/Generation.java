package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.designer.Style;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A generation as the API shows it (API.md, "generation"). */
public record Generation(
        UUID id,
        GenerationStatus status,
        InputType inputType,
        @Nullable String inputPhotoUrl,
        @Nullable String inputAddress,
        Style style,
        @Nullable String customPrompt,
        @Nullable String outputImageUrl,
        @Nullable String errorMessage,
        @Nullable Long processingTimeMs,
        CreditType creditType,
        boolean creditRefunded,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt) {}
