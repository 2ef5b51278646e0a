package com.yarda.generation;

import com.yarda.platform.ApiValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code pending → processing → completed | failed}. */
public enum GenerationStatus implements ApiValue {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    /** The status whose API value is {@code value}, if any. */
    public static Optional<GenerationStatus> byValue(@Nullable String value) {
        return ApiValue.parse(GenerationStatus.class, value);
    }

    static GenerationStatus of(String value) {
        return ApiValue.of(GenerationStatus.class, value);
    }
}
