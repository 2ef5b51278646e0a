package com.yarda.designer;

/** The style catalog of API.md ({@code GET /api/styles}). */
public enum Style {
    MODERN_MINIMALIST("Modern Minimalist", "Clean lines, open lawn panels, concrete and steel, a restrained palette."),
    CALIFORNIA_NATIVE("California Native", "Drought-tolerant native plants, meadow grasses and natural stone."),
    JAPANESE_ZEN("Japanese Zen", "Raked gravel, moss, stepping stones, maples and quiet water."),
    ENGLISH_GARDEN("English Garden", "Abundant cottage borders, roses, lavender and winding brick paths."),
    DESERT_LANDSCAPE("Desert Landscape", "Xeriscaping with cacti, agaves, succulents and warm gravel."),
    MEDITERRANEAN("Mediterranean", "Olive trees, terracotta, herbs and sun-warmed stone terraces."),
    TROPICAL_RESORT("Tropical Resort", "Palms, lush layered foliage, bold flowers and a resort-like deck.");

    private final String displayName;
    private final String description;

    Style(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    /** The id of API.md, e.g. {@code japanese_zen}. */
    public String id() {
        return name().toLowerCase();
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }
}
