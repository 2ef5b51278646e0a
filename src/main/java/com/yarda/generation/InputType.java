package com.yarda.generation;

import com.yarda.platform.ApiValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a design starts from. */
public enum InputType implements ApiValue {
    PHOTO,
    ADDRESS;

    /** The input type whose API value is {@code value}, if any. */
    static Optional<InputType> byValue(@Nullable String value) {
        return ApiValue.parse(InputType.class, value);
    }

    static InputType of(String value) {
        return ApiValue.of(InputType.class, value);
    }
}
