package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the builtin designer draws a style: its colours, the geometry of its beds and paving, its signature
 * feature, the symbols of the style's signature plants ({@link Style#plants()}), a swatch for each material of
 * {@link Style#materials()} (same order), and the colour grade applied to photos.
 *
 * @param signature the symbol of each signature plant by botanical name, drawn as the style was designed to look;
 *     any other plant of a zone's palette gets a symbol from its kind and size ({@link PlantSymbols})
 */
record Look(
        Palette palette,
        Ground ground,
        Beds beds,
        Paving paving,
        Walk walk,
        Feature feature,
        Map<String, Sprite> signature,
        List<Color> materialSwatches,
        Grade grade) {

    Look {
        signature = Map.copyOf(signature);
        materialSwatches = List.copyOf(materialSwatches);
    }

    /** How {@code plant} is drawn in this style: its tuned symbol when it is a signature plant. */
    Sprite sprite(Plant plant) {
        Sprite tuned = signature.get(plant.botanicalName());
        return tuned != null ? tuned : PlantSymbols.of(plant, palette);
    }

    /** The symbols of {@code plants}, in their order. */
    List<Sprite> sprites(List<Plant> plants) {
        return plants.stream().map(this::sprite).toList();
    }

    /** Colours of a plan: lawn or groundcover, bed mulch, paths, hardscape, tree canopy, flowers, paper. */
    record Palette(Color lawn, Color beds, Color path, Color hardscape, Color canopy, Color accent, Color background) {}

    /** What covers the open ground of the yard. */
    enum Ground {
        LAWN,
        MEADOW,
        GRAVEL,
        RAKED_GRAVEL
    }

    /** The geometry of planting beds: straight-edged blocks, sweeping borders, or islands in gravel. */
    enum Beds {
        GEOMETRIC,
        FLOWING,
        ISLANDS
    }

    /** The pattern of the patio, terrace or deck behind the house. */
    enum Paving {
        LARGE_PAVERS,
        FLAGSTONE,
        DECK,
        ASHLAR,
        TILES
    }

    /** How paths are built. */
    enum Walk {
        PAVERS,
        STEPPING_STONES,
        BRICK
    }

    /** The one feature a style is remembered by, placed in the back garden. */
    enum Feature {
        FIRE_PIT,
        DRY_CREEK,
        POND,
        SEATING_CIRCLE,
        DRY_WASH,
        FOUNTAIN,
        PLUNGE_POOL
    }

    /** The plan symbol of a plant. */
    enum Form {
        TREE,
        PALM,
        COLUMNAR,
        SHRUB,
        GRASS,
        ROSETTE,
        BARREL,
        FLOWERS,
        MOSS;

        boolean isTree() {
            return this == TREE || this == PALM;
        }
    }

    /**
     * A plant symbol: its form, its foliage colour and the colour of its flowers, berries or tips.
     *
     * @param scale how large it is drawn against the usual size of its form: 1 for the tuned signature symbols,
     *     from the plant's mature spread for the others
     */
    record Sprite(Form form, Color leaf, Color bloom, double scale) {

        Sprite(Form form, Color leaf, Color bloom) {
            this(form, leaf, bloom, 1);
        }
    }

    /**
     * A colour grade for photos: {@code warmth} shifts red against blue (-1..1), {@code saturation} and
     * {@code contrast} scale around neutral, {@code lift} raises the blacks for a softer look, and the two tints
     * are blended into shadows and highlights with strength {@code toning}.
     */
    record Grade(
            float warmth,
            float saturation,
            float contrast,
            float lift,
            Color shadowTint,
            Color highlightTint,
            float toning) {}

    static Look of(Style style) {
        Look look = switch (style) {
            case MODERN_MINIMALIST ->
                new Look(
                        new Palette(
                                rgb(0xA3C27A),
                                rgb(0x3B3F3C),
                                rgb(0xD3D1CB),
                                rgb(0xBDBAB2),
                                rgb(0x6E9550),
                                rgb(0x9C7BC0),
                                rgb(0xF1F1EE)),
                        Ground.LAWN,
                        Beds.GEOMETRIC,
                        Paving.LARGE_PAVERS,
                        Walk.PAVERS,
                        Feature.FIRE_PIT,
                        signature(
                                style,
                                sprite(Form.TREE, 0x7E9B52, 0xB8643A),
                                sprite(Form.GRASS, 0xC9B783, 0xE2D3A4),
                                sprite(Form.SHRUB, 0x3F6B38, 0x3F6B38),
                                sprite(Form.GRASS, 0x8FB2BC, 0xB7CDD3),
                                sprite(Form.GRASS, 0x9BA95F, 0xD8CFA8),
                                sprite(Form.MOSS, 0x2F4B2C, 0x3E5E38)),
                        List.of(rgb(0xC4C1B9), rgb(0xA9A59C), rgb(0x9A4E24), rgb(0x2E2F31), rgb(0xA2765A)),
                        new Grade(-0.05f, 0.88f, 1.08f, 0.02f, rgb(0x2C3A44), rgb(0xF3F1EA), 0.22f));
            case CALIFORNIA_NATIVE ->
                new Look(
                        new Palette(
                                rgb(0xB5B777),
                                rgb(0x8C7A5B),
                                rgb(0xDCC69C),
                                rgb(0xB9A07C),
                                rgb(0x5D7443),
                                rgb(0xF28C28),
                                rgb(0xF2EADA)),
                        Ground.MEADOW,
                        Beds.FLOWING,
                        Paving.FLAGSTONE,
                        Walk.STEPPING_STONES,
                        Feature.DRY_CREEK,
                        signature(
                                style,
                                sprite(Form.TREE, 0x5A6E3F, 0x4A5C33),
                                sprite(Form.SHRUB, 0x6F7F4C, 0xE9C9C6),
                                sprite(Form.SHRUB, 0x4D6A3C, 0x5B70C8),
                                sprite(Form.SHRUB, 0x9EA78F, 0x8C78C4),
                                sprite(Form.GRASS, 0xAAA46B, 0xCFC492),
                                sprite(Form.FLOWERS, 0x8FA56B, 0xF28C28),
                                sprite(Form.SHRUB, 0x4A6437, 0xC0392B)),
                        List.of(rgb(0xD8C095), rgb(0xB99B72), rgb(0x8E8A84), rgb(0x9C958B), rgb(0x8A4B35)),
                        new Grade(0.35f, 1.0f, 1.03f, 0.03f, rgb(0x4B4A2E), rgb(0xF6E2B6), 0.26f));
            case JAPANESE_ZEN ->
                new Look(
                        new Palette(
                                rgb(0xDAD5C9),
                                rgb(0x5F7F3B),
                                rgb(0xA9A79F),
                                rgb(0x8E7357),
                                rgb(0x35593A),
                                rgb(0xC0392B),
                                rgb(0xF1EFE8)),
                        Ground.RAKED_GRAVEL,
                        Beds.ISLANDS,
                        Paving.DECK,
                        Walk.STEPPING_STONES,
                        Feature.POND,
                        signature(
                                style,
                                sprite(Form.TREE, 0xA8402C, 0xC85A3A),
                                sprite(Form.TREE, 0x2F5233, 0x264A2C),
                                sprite(Form.SHRUB, 0x3F6B3A, 0xE36A9A),
                                sprite(Form.GRASS, 0xC9C24A, 0xE0DA7A),
                                sprite(Form.COLUMNAR, 0x6E9140, 0x86A852),
                                sprite(Form.MOSS, 0x5E803A, 0x769A48)),
                        List.of(rgb(0xDAD5C9), rgb(0x9B9A94), rgb(0x75716A), rgb(0xC9B27A), rgb(0x8C8B86)),
                        new Grade(-0.1f, 0.86f, 1.0f, 0.05f, rgb(0x2E3C33), rgb(0xEEF0E5), 0.26f));
            case ENGLISH_GARDEN ->
                new Look(
                        new Palette(
                                rgb(0x6A9C45),
                                rgb(0x6B5440),
                                rgb(0xB4654A),
                                rgb(0xCFC5AC),
                                rgb(0x4F7D3A),
                                rgb(0xE48FB1),
                                rgb(0xF4F1E7)),
                        Ground.LAWN,
                        Beds.FLOWING,
                        Paving.ASHLAR,
                        Walk.BRICK,
                        Feature.SEATING_CIRCLE,
                        signature(
                                style,
                                sprite(Form.SHRUB, 0x4E7336, 0xE58FB0),
                                sprite(Form.FLOWERS, 0x8C9C7D, 0x8F7BC8),
                                sprite(Form.FLOWERS, 0x8CA07E, 0xA79BDD),
                                sprite(Form.FLOWERS, 0x5E7F45, 0xC76AA6),
                                sprite(Form.FLOWERS, 0x587A40, 0x4D6FD1),
                                sprite(Form.SHRUB, 0xA5B651, 0xD9D36A),
                                sprite(Form.TREE, 0x5B7F3E, 0xF2C6D2)),
                        List.of(rgb(0xB4654A), rgb(0xCFC5AC), rgb(0xD9B45F), rgb(0x8A6A48), rgb(0xC47A52)),
                        new Grade(0.1f, 1.04f, 0.94f, 0.07f, rgb(0x4A3F57), rgb(0xFBEEF2), 0.24f));
            case DESERT_LANDSCAPE ->
                new Look(
                        new Palette(
                                rgb(0xDDBE8E),
                                rgb(0xCDA676),
                                rgb(0xE6D2AA),
                                rgb(0xC08A5C),
                                rgb(0x98AE5A),
                                rgb(0xF2C230),
                                rgb(0xF5EBDB)),
                        Ground.GRAVEL,
                        Beds.ISLANDS,
                        Paving.FLAGSTONE,
                        Walk.STEPPING_STONES,
                        Feature.DRY_WASH,
                        signature(
                                style,
                                sprite(Form.TREE, 0x9BAF5A, 0xE8D24A),
                                sprite(Form.ROSETTE, 0x8FAFA6, 0x6F8F88),
                                sprite(Form.BARREL, 0x6F8F3A, 0xE8C547),
                                sprite(Form.ROSETTE, 0xA3A97A, 0x7F8660),
                                sprite(Form.GRASS, 0x6F7F52, 0xD9534F),
                                sprite(Form.GRASS, 0x6B5A45, 0xE4572E),
                                sprite(Form.FLOWERS, 0xA8B38E, 0xF2C230)),
                        List.of(rgb(0xDDBE8E), rgb(0xC08A5C), rgb(0x9A928A), rgb(0x8E857B), rgb(0x9A4E24)),
                        new Grade(0.6f, 1.0f, 1.06f, 0.02f, rgb(0x5A3E2B), rgb(0xFFE2B0), 0.3f));
            case MEDITERRANEAN ->
                new Look(
                        new Palette(
                                rgb(0xE5D2A8),
                                rgb(0x9C7F5E),
                                rgb(0xE9DDC6),
                                rgb(0xC8734A),
                                rgb(0x8C9A6E),
                                rgb(0xC2307E),
                                rgb(0xF6EEDF)),
                        Ground.GRAVEL,
                        Beds.GEOMETRIC,
                        Paving.TILES,
                        Walk.PAVERS,
                        Feature.FOUNTAIN,
                        signature(
                                style,
                                sprite(Form.TREE, 0x8C9A6E, 0xA7B28A),
                                sprite(Form.COLUMNAR, 0x2F4A2C, 0x3B5A36),
                                sprite(Form.FLOWERS, 0x9AA584, 0x8A6FC0),
                                sprite(Form.SHRUB, 0x5E7552, 0x8FA5D8),
                                sprite(Form.SHRUB, 0xB3BCA8, 0xA9B6E0),
                                sprite(Form.SHRUB, 0x4F7A35, 0xC2307E)),
                        List.of(rgb(0xC8734A), rgb(0xE9DDC6), rgb(0xE5D2A8), rgb(0xC9BBA0), rgb(0x8A6A48)),
                        new Grade(0.45f, 1.08f, 1.05f, 0.03f, rgb(0x2E4A5A), rgb(0xFFD9A8), 0.28f));
            case TROPICAL_RESORT ->
                new Look(
                        new Palette(
                                rgb(0x55A041),
                                rgb(0x3A2E28),
                                rgb(0xE6DCC5),
                                rgb(0x8A5A3B),
                                rgb(0x2F7D32),
                                rgb(0xF0503A),
                                rgb(0xEDF3E8)),
                        Ground.LAWN,
                        Beds.FLOWING,
                        Paving.DECK,
                        Walk.PAVERS,
                        Feature.PLUNGE_POOL,
                        signature(
                                style,
                                sprite(Form.PALM, 0x4E8A2E, 0x6FA843),
                                sprite(Form.ROSETTE, 0x3F7A4A, 0xF28C28),
                                sprite(Form.SHRUB, 0x2E6B2F, 0xE0393E),
                                sprite(Form.ROSETTE, 0x7A2E4A, 0xC2406B),
                                sprite(Form.SHRUB, 0x3A8A3A, 0x52A04A),
                                sprite(Form.SHRUB, 0x2F7A3A, 0x3F9148),
                                sprite(Form.FLOWERS, 0x5E7A3A, 0xF07A2A)),
                        List.of(rgb(0x8A5A3B), rgb(0xE6DCC5), rgb(0x2B2B2B), rgb(0xA07850), rgb(0x3FA7B8)),
                        new Grade(0.15f, 1.25f, 1.06f, 0.0f, rgb(0x1F4A3A), rgb(0xF2FFD9), 0.24f));
        };
        if (look.materialSwatches().size() != style.materials().size()) {
            throw new IllegalStateException("the look of " + style + " does not match its materials");
        }
        return look;
    }

    /** The tuned symbols of the signature plants, given in the order of {@link Style#plants()}. */
    private static Map<String, Sprite> signature(Style style, Sprite... sprites) {
        List<Plant> plants = style.plants();
        if (plants.size() != sprites.length) {
            throw new IllegalStateException("the look of " + style + " does not match its plants");
        }
        Map<String, Sprite> signature = new HashMap<>();
        for (int i = 0; i < sprites.length; i++) {
            signature.put(plants.get(i).botanicalName(), sprites[i]);
        }
        return signature;
    }

    private static Sprite sprite(Form form, int leaf, int bloom) {
        return new Sprite(form, rgb(leaf), rgb(bloom));
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
