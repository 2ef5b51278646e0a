package com.yarda.generation;

/** {@code pending → processing → completed | failed}. */
public enum GenerationStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public String value() {
        return name().toLowerCase();
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    /** The status whose API value is {@code value}, if any. */
    public static java.util.Optional<GenerationStatus> byValue(@org.jspecify.annotations.Nullable String value) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.value().equals(value))
                .findFirst();
    }

    static GenerationStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
