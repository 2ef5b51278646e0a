package com.yarda.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API key as it is listed: never the key itself, which only the answer that made it showed. */
public record ApiKey(
        UUID id,
        String name,
        Instant createdAt,

        @Schema(
                description = "When a request last came with this key, to the minute (a key used again within a"
                        + " minute keeps its earlier time); null until it is used",
                nullable = true)
        @Nullable
        Instant lastUsedAt) {}
