package com.yarda.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import com.yarda.generation.GenerationStatus;
import com.yarda.platform.ApiValue;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What an endpoint can subscribe to: {@code generation.completed}, {@code generation.failed}. */
public enum WebhookEvent implements ApiValue {
    GENERATION_COMPLETED,
    GENERATION_FAILED;

    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The event of a generation that ended with {@code status}. */
    static WebhookEvent ended(GenerationStatus status) {
        return switch (status) {
            case COMPLETED -> GENERATION_COMPLETED;
            case FAILED -> GENERATION_FAILED;
            case PENDING, PROCESSING -> throw new IllegalArgumentException("a generation " + status + " has not ended");
        };
    }

    static Optional<WebhookEvent> byValue(@Nullable String value) {
        return ApiValue.parse(WebhookEvent.class, value);
    }

    static WebhookEvent of(String value) {
        return ApiValue.of(WebhookEvent.class, value);
    }
}
