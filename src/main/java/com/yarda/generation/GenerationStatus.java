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

    static GenerationStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
