package com.yarda.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An enum whose constants appear in the API, the database and the pages as the lower-case values of API.md
 * ({@code pending}, {@code trial}, {@code japanese_zen}). The one way enums become text and back: always with
 * {@link Locale#ROOT}, because under a Turkish default locale {@code "TRIAL".toLowerCase()} is {@code "trıal"} and
 * {@code "trial".toUpperCase()} is {@code "TRİAL"}, which no constant is called.
 */
public interface ApiValue {

    /** The constant's name; every enum has it. */
    String name();

    /** The value of API.md, also what the database stores and what JSON carries. */
    @JsonValue
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose value is {@code value}, if any (for input a user sent). */
    static <E extends Enum<E> & ApiValue> Optional<E> parse(Class<E> type, @Nullable String value) {
        return value == null
                ? Optional.empty()
                : Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.value().equals(value))
                        .findFirst();
    }

    /**
     * The constant of {@code type} whose value is {@code value} (for values the service wrote itself, such as a
     * database column constrained to them).
     *
     * @throws IllegalArgumentException when no constant has that value
     */
    static <E extends Enum<E> & ApiValue> E of(Class<E> type, String value) {
        return parse(type, value)
                .orElseThrow(() ->
                        new IllegalArgumentException("no " + type.getSimpleName() + " has the value '" + value + "'"));
    }
}
