package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.designer.Style;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code generations}. */
record GenerationRow(
        UUID id,
        UUID userId,
        GenerationStatus status,
        InputType inputType,
        @Nullable String inputAddress,
        @Nullable UUID inputUploadId,
        Style style,
        @Nullable String customPrompt,
        CreditType creditType,
        boolean creditRefunded,
        @Nullable String outputImageKey,
        @Nullable String outputContentType,
        @Nullable String errorMessage,
        int attempts,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Long processingTimeMs) {

    Generation toGeneration() {
        return new Generation(
                id,
                status,
                inputType,
                inputUploadId == null ? null : "/api/uploads/" + inputUploadId + "/image",
                inputAddress,
                style,
                customPrompt,
                status == GenerationStatus.COMPLETED ? "/api/generations/" + id + "/image" : null,
                errorMessage,
                processingTimeMs,
                creditType,
                creditRefunded,
                createdAt,
                startedAt,
                completedAt);
    }
}
