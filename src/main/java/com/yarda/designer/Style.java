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
                    new Plant("Paperbark maple", "Acer griseum", "full sun to part shade", "moderate"),
                    new Plant(
                            "Karl Foerster feather reed grass",
                            "Calamagrostis × acutiflora 'Karl Foerster'",
                            "full sun",
                            "moderate"),
                    new Plant("Boxwood", "Buxus sempervirens", "full sun to part shade", "moderate"),
                    new Plant("Blue fescue", "Festuca glauca", "full sun", "low"),
                    new Plant("Dwarf fountain grass", "Pennisetum alopecuroides 'Hameln'", "full sun", "moderate"),
                    new Plant("Mondo grass", "Ophiopogon japonicus", "part shade", "moderate")),
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
                    new Plant("Coast live oak", "Quercus agrifolia", "full sun", "very low"),
                    new Plant("Manzanita", "Arctostaphylos 'Howard McMinn'", "full sun to part shade", "very low"),
                    new Plant("California lilac", "Ceanothus 'Concha'", "full sun", "very low"),
                    new Plant("Cleveland sage", "Salvia clevelandii", "full sun", "very low"),
                    new Plant("Deer grass", "Muhlenbergia rigens", "full sun", "low"),
                    new Plant("California poppy", "Eschscholzia californica", "full sun", "very low"),
                    new Plant("Toyon", "Heteromeles arbutifolia", "full sun to part shade", "low")),
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
                    new Plant("Japanese maple", "Acer palmatum", "part shade", "moderate"),
                    new Plant("Japanese black pine", "Pinus thunbergii", "full sun", "low"),
                    new Plant("Satsuki azalea", "Rhododendron indicum", "part shade", "moderate"),
                    new Plant("Japanese forest grass", "Hakonechloa macra 'Aureola'", "part shade", "moderate"),
                    new Plant("Umbrella bamboo", "Fargesia murielae", "part shade", "moderate"),
                    new Plant("Cushion moss", "Leucobryum glaucum", "shade", "regular")),
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
                    new Plant("English rose", "Rosa 'Gertrude Jekyll'", "full sun", "moderate"),
                    new Plant("English lavender", "Lavandula angustifolia 'Hidcote'", "full sun", "low"),
                    new Plant("Catmint", "Nepeta × faassenii 'Walker's Low'", "full sun", "low"),
                    new Plant("Foxglove", "Digitalis purpurea", "part shade", "moderate"),
                    new Plant("Delphinium", "Delphinium elatum", "full sun", "regular"),
                    new Plant("Lady's mantle", "Alchemilla mollis", "full sun to part shade", "moderate"),
                    new Plant("Crab apple", "Malus 'Evereste'", "full sun", "moderate")),
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
                    new Plant("Palo verde", "Parkinsonia 'Desert Museum'", "full sun", "low"),
                    new Plant("Parry's agave", "Agave parryi", "full sun", "very low"),
                    new Plant("Golden barrel cactus", "Echinocactus grusonii", "full sun", "very low"),
                    new Plant("Desert spoon", "Dasylirion wheeleri", "full sun", "very low"),
                    new Plant("Red yucca", "Hesperaloe parviflora", "full sun", "very low"),
                    new Plant("Ocotillo", "Fouquieria splendens", "full sun", "very low"),
                    new Plant("Desert marigold", "Baileya multiradiata", "full sun", "very low")),
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
                    new Plant("Olive", "Olea europaea", "full sun", "low"),
                    new Plant("Italian cypress", "Cupressus sempervirens", "full sun", "low"),
                    new Plant("Lavandin", "Lavandula × intermedia 'Grosso'", "full sun", "low"),
                    new Plant("Rosemary", "Salvia rosmarinus", "full sun", "low"),
                    new Plant("Bush germander", "Teucrium fruticans", "full sun", "low"),
                    new Plant("Bougainvillea", "Bougainvillea glabra", "full sun", "low")),
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
                    new Plant("Foxtail palm", "Wodyetia bifurcata", "full sun", "moderate"),
                    new Plant("Bird of paradise", "Strelitzia reginae", "full sun to part shade", "moderate"),
                    new Plant("Hibiscus", "Hibiscus rosa-sinensis", "full sun", "regular"),
                    new Plant("Ti plant", "Cordyline fruticosa", "part shade", "moderate"),
                    new Plant("Giant elephant ear", "Alocasia macrorrhizos", "part shade", "regular"),
                    new Plant("Philodendron 'Xanadu'", "Thaumatophyllum xanadu", "part shade", "moderate"),
                    new Plant("Canna lily", "Canna × generalis 'Tropicanna'", "full sun", "regular")),
            List.of(
                    new Material("Ipe hardwood", "the deck"),
                    new Material("Coral stone pavers", "the pool surround"),
                    new Material("Black river pebbles", "bed mulch and a runnel"),
                    new Material("Teak and rattan", "loungers in the shade"),
                    new Material("Glass mosaic tile", "the plunge pool")));

    private final String displayName;
    private final String description;
    private final String mood;
    private final List<Plant> plants;
    private final List<Material> materials;

    Style(String displayName, String description, String mood, List<Plant> plants, List<Material> materials) {
        this.displayName = displayName;
        this.description = description;
        this.mood = mood;
        this.plants = plants;
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

    /** The planting palette in the order the legend numbers it (1 first); five to seven plants. */
    public List<Plant> plants() {
        return plants;
    }

    /** The hardscape materials, four or five. */
    public List<Material> materials() {
        return materials;
    }
}
