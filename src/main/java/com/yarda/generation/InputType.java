package com.yarda.generation;

/** What a design starts from. */
public enum InputType {
    PHOTO,
    ADDRESS;

    public String value() {
        return name().toLowerCase();
    }

    static InputType of(String value) {
        return valueOf(value.toUpperCase());
    }
}
