package com.yarda.designer;

import com.yarda.platform.ApiValue;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The style catalog of API.md ({@code GET /api/styles}): for each style the plants and hardscape materials a
 * design uses and the mood it aims for. Prompts are written from this content and the builtin designer draws
 * and lists it, so a design and its plant list never disagree.
 */
public enum Style implements ApiValue {
    MODERN_MINIMALIST(
            "Modern Minimalist",
            "Clean lines, open lawn panels, concrete and steel, a restrained palette.",
            "Calm and architectural: crisp geometry, generous open space and a few plants repeated in clean blocks.",
            List.of(
                    "Acer griseum",
                    "Calamagrostis × acutiflora 'Karl Foerster'",
                    "Buxus sempervirens",
                    "Festuca glauca",
                    "Pennisetum alopecuroides 'Hameln'",
                    "Ophiopogon japonicus"),
            List.of(
                    new Material("Large-format concrete pavers", "patio and stepping paths"),
                    new Material("Board-formed concrete", "low seat walls"),
                    new Material("Corten steel", "bed edging and planters"),
                    new Material("Black basalt gravel", "mulch and the fire-pit pad"),
                    new Material("Thermally modified ash", "benches and screens"))),

    CALIFORNIA_NATIVE(
            "California Native",
            "Drought-tolerant native plants, meadow grasses and natural stone.",
            "Relaxed and alive: drifts of native shrubs and grasses that hum with bees and need little water once"
                    + " established.",
            List.of(
                    "Quercus agrifolia",
                    "Arctostaphylos 'Howard McMinn'",
                    "Ceanothus 'Concha'",
                    "Salvia clevelandii",
                    "Muhlenbergia rigens",
                    "Eschscholzia californica",
                    "Heteromeles arbutifolia"),
            List.of(
                    new Material("Decomposed granite", "paths and seating clearings"),
                    new Material("Sandstone flagstone", "patio and stepping stones"),
                    new Material("Local boulders", "accents half-buried in the beds"),
                    new Material("River cobble", "a dry creek bed that carries winter rain"),
                    new Material("Reclaimed redwood", "benches"))),

    JAPANESE_ZEN(
            "Japanese Zen",
            "Raked gravel, moss, stepping stones, maples and quiet water.",
            "Quiet and contemplative: raked gravel like still water, moss and stone, and a few carefully placed"
                    + " trees.",
            List.of(
                    "Acer palmatum",
                    "Pinus thunbergii",
                    "Rhododendron indicum",
                    "Hakonechloa macra 'Aureola'",
                    "Fargesia murielae",
                    "Leucobryum glaucum"),
            List.of(
                    new Material("Raked granite gravel", "the dry garden"),
                    new Material("Granite stepping stones", "paths across moss and gravel"),
                    new Material("Weathered boulders", "island groupings"),
                    new Material("Bamboo", "screens and edging"),
                    new Material("Stone lantern and water basin", "beside the pond"))),

    ENGLISH_GARDEN(
            "English Garden",
            "Abundant cottage borders, roses, lavender and winding brick paths.",
            "Romantic and abundant: layered borders spilling onto winding paths in soft pinks, blues and whites.",
            List.of(
                    "Rosa 'Gertrude Jekyll'",
                    "Lavandula angustifolia 'Hidcote'",
                    "Nepeta × faassenii 'Walker's Low'",
                    "Digitalis purpurea",
                    "Delphinium elatum",
                    "Alchemilla mollis",
                    "Malus 'Evereste'"),
            List.of(
                    new Material("Reclaimed red brick", "herringbone paths"),
                    new Material("York stone", "the terrace"),
                    new Material("Golden pea gravel", "the seating circle"),
                    new Material("Oak rose arbour", "over the path to the bench"),
                    new Material("Weathered terracotta", "pots by the door"))),

    DESERT_LANDSCAPE(
            "Desert Landscape",
            "Xeriscaping with cacti, agaves, succulents and warm gravel.",
            "Sun-baked and sculptural: bold agaves and cacti set in warm gravel, with crisp shadows and almost no"
                    + " irrigation.",
            List.of(
                    "Parkinsonia 'Desert Museum'",
                    "Agave parryi",
                    "Echinocactus grusonii",
                    "Dasylirion wheeleri",
                    "Hesperaloe parviflora",
                    "Fouquieria splendens",
                    "Baileya multiradiata"),
            List.of(
                    new Material("Desert gold decomposed granite", "groundcover and paths"),
                    new Material("Arizona sandstone flagstone", "patio"),
                    new Material("Weathered granite boulders", "groupings among the succulents"),
                    new Material("River cobble", "a dry wash"),
                    new Material("Corten steel", "edging and a fire bowl"))),

    MEDITERRANEAN(
            "Mediterranean",
            "Olive trees, terracotta, herbs and sun-warmed stone terraces.",
            "Sun-warmed and unhurried: silver foliage, herbs to brush past and a shaded terrace for long lunches.",
            List.of(
                    "Olea europaea",
                    "Cupressus sempervirens",
                    "Lavandula × intermedia 'Grosso'",
                    "Salvia rosmarinus",
                    "Teucrium fruticans",
                    "Bougainvillea glabra"),
            List.of(
                    new Material("Terracotta tile", "the terrace under the pergola"),
                    new Material("Travertine", "paths and the fountain surround"),
                    new Material("Honey pea gravel", "the courtyard"),
                    new Material("Dry-stacked limestone", "low walls"),
                    new Material("Timber pergola with grapevine", "shade over the terrace"))),

    TROPICAL_RESORT(
            "Tropical Resort",
            "Palms, lush layered foliage, bold flowers and a resort-like deck.",
            "Lush and easy: layered leaves, bold flowers and a warm deck by the water, like a resort at home.",
            List.of(
                    "Wodyetia bifurcata",
                    "Strelitzia reginae",
                    "Hibiscus rosa-sinensis",
                    "Cordyline fruticosa",
                    "Alocasia macrorrhizos",
                    "Thaumatophyllum xanadu",
                    "Canna × generalis 'Tropicanna'"),
            List.of(
                    new Material("Ipe hardwood", "the deck"),
                    new Material("Coral stone pavers", "the pool surround"),
                    new Material("Black river pebbles", "bed mulch and a runnel"),
                    new Material("Teak and rattan", "loungers in the shade"),
                    new Material("Glass mosaic tile", "the plunge pool")));

    private final String displayName;
    private final String description;
    private final String mood;
    private final List<String> signature;
    private final List<Material> materials;

    Style(String displayName, String description, String mood, List<String> signature, List<Material> materials) {
        this.displayName = displayName;
        this.description = description;
        this.mood = mood;
        this.signature = signature;
        this.materials = materials;
    }

    /** The style with the id of API.md, e.g. {@code japanese_zen}; empty for any other text. */
    public static Optional<Style> byId(@Nullable String id) {
        return ApiValue.parse(Style.class, id);
    }

    /** The id of API.md, e.g. {@code japanese_zen}. */
    public String id() {
        return value();
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** One sentence on how the garden should feel, for prompts and the legend. */
    public String mood() {
        return mood;
    }

    /**
     * The style's signature planting palette, in the order the legend numbers it (1 first); five to seven plants of
     * the catalog. What a design of this style plants where the zone is unknown; {@link Palette} adapts it to a
     * zone.
     */
    public List<Plant> plants() {
        return signature.stream()
                .map(name -> PlantCatalog.standard()
                        .plant(name)
                        .orElseThrow(() -> new IllegalStateException(
                                "the signature plant " + name + " of " + this + " is not in the catalog")))
                .toList();
    }

    /** The hardscape materials, four or five. */
    public List<Material> materials() {
        return materials;
    }
}
