package com.yarda.designer;

import java.util.List;

/**
 * A finished design.
 *
 * @param image the encoded image bytes
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param prompt the prompt the design was made from, kept with the generation
 * @param plants the plants it shows, numbered as drawn, with quantities where the designer knows them; empty when
 *     the designer could not tell (the generation then lists the palette without quantities)
 * @param materials the hardscape materials it uses; empty when the designer could not tell
 * @param notes what the designer says about the design for the homeowner, e.g. for a refinement which wishes it
 *     applied and which it could not ("Could not apply: …"); may be empty
 */
public record Design(
        byte[] image,
        String contentType,
        String prompt,
        List<PlacedPlant> plants,
        List<Material> materials,
        List<String> notes) {

    public Design {
        plants = List.copyOf(plants);
        materials = List.copyOf(materials);
        notes = List.copyOf(notes);
    }

    /** A design that says nothing beyond what it is made of. */
    public Design(byte[] image, String contentType, String prompt, List<PlacedPlant> plants, List<Material> materials) {
        this(image, contentType, prompt, plants, materials, List.of());
    }

    /** A design whose designer cannot tell what it is made of. */
    public Design(byte[] image, String contentType, String prompt) {
        this(image, contentType, prompt, List.of(), List.of(), List.of());
    }
}
