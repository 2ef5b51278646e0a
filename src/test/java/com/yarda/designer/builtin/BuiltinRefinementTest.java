package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A refinement of a builtin design is an edit of it: the same lot and garden, changed as the homeowner's feedback
 * asks, with notes that say what was applied and what could not be. Each intent of {@code docs/refinement-intents.md}
 * is checked on the plan model (what the drawing is made from) and on the design as the homeowner gets it.
 */
class BuiltinRefinementTest {

    private static final String ADDRESS = "1428 Elm Street, Springfield, IL 62704";
    private static final HardinessZone ZONE = HardinessZone.of("6a");

    private final BuiltinDesigner designer = new BuiltinDesigner();

    @Test
    void lessLawnLeavesASmallerLawnInThePlanAndSaysByHowMuch() {
        Refined refined = plan(Style.ENGLISH_GARDEN, "Fewer grass please!");

        assertThat(lawn(refined.layout())).isLessThan(lawn(first(Style.ENGLISH_GARDEN)) * 0.8);
        assertThat(refined.design().notes())
                .singleElement()
                .asString()
                .startsWith("Applied: less lawn — ")
                .contains("smaller");
    }

    @Test
    void moreLawnLeavesALargerLawn() {
        Refined refined = plan(Style.ENGLISH_GARDEN, "more lawn for the kids");

        assertThat(lawn(refined.layout())).isGreaterThan(lawn(first(Style.ENGLISH_GARDEN)) * 1.1);
        assertThat(refined.design().notes()).singleElement().asString().startsWith("Applied: more lawn — ");
    }

    @Test
    void lessLawnWhereTheStyleHasNoLawnCouldNotBeAppliedAndTheNoteSaysWhy() {
        Refined refined = plan(Style.JAPANESE_ZEN, "less lawn");

        assertThat(refined.design().notes())
                .first()
                .asString()
                .startsWith("Could not apply: less lawn — this design has no lawn");
        assertThat(refined.design().notes()).last().asString().contains("rearranged");
    }

    @Test
    void moreShadePlantsTreesOneOfThemByThePatio() {
        Layout before = first(Style.MEDITERRANEAN);
        Refined refined = plan(Style.MEDITERRANEAN, "More shade over the patio");

        assertThat(refined.layout().trees()).hasSize(before.trees().size() + 2);
        Rectangle2D patio = refined.layout().patio();
        assertThat(refined.layout().trees())
                .anyMatch(tree -> PlanGeometry.circle(new Point2D.Double(tree.x(), tree.y()), tree.radius())
                        .intersects(patio));
        assertThat(refined.design().notes()).singleElement().asString().startsWith("Applied: more shade — 2 trees");
    }

    @Test
    void morePrivacyPlantsAScreenAlongTheFences() {
        Refined refined = plan(Style.ENGLISH_GARDEN, "Screen us from the neighbours");

        Layout.Bed screen = refined.layout().additions().screen();
        assertThat(screen).isNotNull();
        assertThat(screen.plants()).hasSizeGreaterThan(10);
        assertThat(refined.design().notes()).singleElement().asString().startsWith("Applied: more privacy — a screen");
    }

    @Test
    void seatingMakesThePatioLargerWithASecondTable() {
        Layout before = first(Style.ENGLISH_GARDEN);
        Refined refined = plan(Style.ENGLISH_GARDEN, "add a patio for seating");

        assertThat(area(refined.layout().patio())).isGreaterThan(area(before.patio()) * 1.2);
        assertThat(refined.layout().tables()).hasSize(before.tables().size() + 1);
        assertThat(refined.design().notes()).singleElement().asString().startsWith("Applied: more seating — ");
    }

    @Test
    void aVegetablePatchAddsRaisedBedsInTheOpenGarden() {
        Refined refined = plan(Style.CALIFORNIA_NATIVE, "a veggie garden");

        assertThat(refined.layout().additions().raisedBeds()).isNotEmpty();
        assertThat(refined.design().notes()).singleElement().asString().startsWith("Applied: a vegetable patch — ");
    }

    @Test
    void waterAddsThePondOrFountainAskedFor() {
        Layout.Water pond =
                plan(Style.ENGLISH_GARDEN, "add a pond").layout().additions().water();
        Layout.Water fountain = plan(Style.ENGLISH_GARDEN, "a little fountain")
                .layout()
                .additions()
                .water();

        assertThat(pond).isNotNull().extracting(Layout.Water::kind).isEqualTo(Layout.Water.Kind.POND);
        assertThat(fountain).isNotNull().extracting(Layout.Water::kind).isEqualTo(Layout.Water.Kind.FOUNTAIN);
    }

    @Test
    void removingTheRosesLeavesNoRosesInThePlantList() {
        Refined refined = plan(Style.ENGLISH_GARDEN, "Get rid of the roses.");

        assertThat(names(first(Style.ENGLISH_GARDEN).plants())).anyMatch(name -> name.startsWith("Rosa"));
        assertThat(refined.design().plants())
                .noneMatch(placed -> placed.plant().botanicalName().startsWith("Rosa"));
        assertThat(refined.design().notes())
                .singleElement()
                .asString()
                .startsWith("Applied: remove the roses — Gertrude Jekyll English rose taken out");
    }

    @Test
    void keepingTheMapleKeepsItWhileTheOtherTreesGo() {
        Refined refined = plan(Style.JAPANESE_ZEN, "keep the maple, remove the trees");

        List<String> kept =
                names(refined.design().plants().stream().map(PlacedPlant::plant).toList());
        assertThat(kept).contains("Acer palmatum").doesNotContain("Pinus thunbergii");
        assertThat(refined.design().notes())
                .anySatisfy(note -> assertThat(note).startsWith("Applied: keep the maple — "))
                .anySatisfy(note -> assertThat(note)
                        .startsWith("Applied: remove the trees — ")
                        .contains("kept as you asked"));
    }

    @Test
    void removingAPlantTheDesignDoesNotHaveCouldNotBeApplied() {
        Refined refined = plan(Style.JAPANESE_ZEN, "remove the roses");

        assertThat(refined.design().notes()).contains("Could not apply: remove the roses — this design has no roses");
        assertThat(refined.design().plants()).extracting(PlacedPlant::plant).isEqualTo(firstPlants(Style.JAPANESE_ZEN));
    }

    @Test
    void lowerWaterUseSwapsThirstyPlantsForOnesThatNeedLittle() {
        Refined refined = plan(Style.ENGLISH_GARDEN, "Make it drought tolerant");

        List<Plant> before = firstPlants(Style.ENGLISH_GARDEN);
        List<Plant> after =
                refined.design().plants().stream().map(PlacedPlant::plant).toList();
        assertThat(after.stream().filter(Nursery::thrifty).count())
                .isGreaterThan(before.stream().filter(Nursery::thrifty).count());
        assertThat(after).hasSameSizeAs(before);
        assertThat(refined.design().notes())
                .singleElement()
                .asString()
                .startsWith("Applied: lower water use — ")
                .contains("swapped for low-water ones");
    }

    @Test
    void unrecognisedFeedbackRearrangesThePlantingAndSaysItWasNotUnderstood() {
        Design parent = designer.design(request(Style.ENGLISH_GARDEN, null));
        Refined pop = plan(Style.ENGLISH_GARDEN, "make it pop");
        Refined zing = plan(Style.ENGLISH_GARDEN, "give it more zing");

        assertThat(pop.design().image()).isNotEqualTo(parent.image());
        assertThat(zing.design().image()).isNotEqualTo(pop.design().image());
        assertThat(bedPlants(pop.layout())).isNotEqualTo(bedPlants(first(Style.ENGLISH_GARDEN)));
        assertThat(pop.design().notes())
                .containsExactly(
                        "Could not apply: “make it pop” — not understood; try e.g. “less lawn”, “more shade” or"
                                + " “remove the roses”",
                        "No change was recognised in your feedback; the planting was rearranged");
    }

    @Test
    void feedbackAlongTheLineageAccumulatesUnlessLaterFeedbackContradictsIt() {
        Refined both = plan(Style.ENGLISH_GARDEN, "more shade", "add a pond");
        Refined undone = plan(Style.ENGLISH_GARDEN, "add a pond, less lawn", "remove the pond");

        assertThat(both.layout().trees())
                .hasSize(first(Style.ENGLISH_GARDEN).trees().size() + 2);
        assertThat(both.layout().additions().water()).isNotNull();
        assertThat(both.design().notes())
                .containsExactly(
                        "Applied: a water feature — a pond near the patio", "Still as asked before: more shade");
        assertThat(undone.layout().additions().water()).isNull();
        assertThat(lawn(undone.layout())).isLessThan(lawn(first(Style.ENGLISH_GARDEN)) * 0.8);
    }

    @Test
    void theSameRefinementGivesTheSameBytes() throws IOException {
        assertThat(plan(Style.DESERT_LANDSCAPE, "more privacy, a fountain")
                        .design()
                        .image())
                .isEqualTo(plan(Style.DESERT_LANDSCAPE, "more privacy, a fountain")
                        .design()
                        .image());
        assertThat(photo(Style.DESERT_LANDSCAPE, "more privacy, a fountain").image())
                .isEqualTo(photo(Style.DESERT_LANDSCAPE, "more privacy, a fountain")
                        .image());
    }

    /** The plant list of a refined design holds exactly what its plan holds and its drawing shows, for every intent. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "less lawn",
                "more lawn",
                "more shade",
                "more privacy",
                "bigger patio",
                "raised beds",
                "a birdbath",
                "keep the roses",
                "remove the lavender and the trees",
                "xeriscape",
                "no pond, no seating circle",
                "make it pop"
            })
    void theQuantitiesAreWhatThePlanHoldsInEveryStyle(String feedback) {
        for (Style style : Style.values()) {
            Refined refined = plan(style, feedback);

            assertThat(quantities(refined.design()))
                    .as("%s: %s", style.id(), feedback)
                    .isEqualTo(refined.layout().plantCounts());
            assertThat(refined.design().plants())
                    .as("%s: %s", style.id(), feedback)
                    .extracting(PlacedPlant::plant)
                    .isEqualTo(refined.layout().plants());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "less lawn",
                "more lawn",
                "more shade",
                "more privacy",
                "a place to sit",
                "a vegetable patch",
                "a pond",
                "remove the roses",
                "lower water use"
            })
    void aPhotoDesignAppliesEachIntentToWhatItDrawsOverThePhoto(String feedback) throws IOException {
        Design first = designer.design(photoRequest(Style.ENGLISH_GARDEN, null));
        Design refined = photo(Style.ENGLISH_GARDEN, feedback);

        assertThat(refined.image()).isNotEqualTo(first.image());
        assertThat(refined.notes()).singleElement().asString().startsWith("Applied: ");
        assertThat(refined.plants()).allMatch(placed -> placed.quantity() != null && placed.quantity() >= 1);
    }

    @Test
    void aPhotoDesignCannotTakeOutWhatWasPhotographed() throws IOException {
        Design refined = photo(Style.ENGLISH_GARDEN, "remove the lawn");

        assertThat(refined.notes())
                .first()
                .asString()
                .startsWith("Could not apply: remove the lawn — a photo design keeps everything photographed");
    }

    private record Refined(Design design, Layout layout) {}

    /** The design of {@code feedback} (oldest first) refining the plan of the address in {@code style}, and its plan. */
    private Refined plan(Style style, String... feedback) {
        DesignRequest request = request(style, refinement(style, feedback));
        Layout layout = Refinements.plan(first(style), request.refinement(), ZONE, BuiltinDesigner.seed(request))
                .layout();
        return new Refined(designer.design(request), layout);
    }

    private Design photo(Style style, String... feedback) throws IOException {
        return designer.design(photoRequest(style, refinement(style, feedback)));
    }

    private static DesignRequest.Refinement refinement(Style style, String... feedback) {
        return new DesignRequest.Refinement(List.of(feedback), new byte[] {1}, "image/png", style);
    }

    private static DesignRequest request(Style style, DesignRequest.@Nullable Refinement refinement) {
        return new DesignRequest(UUID.randomUUID(), style, ADDRESS, null, null, ZONE, List.of(), refinement);
    }

    private static DesignRequest photoRequest(Style style, DesignRequest.@Nullable Refinement refinement)
            throws IOException {
        byte[] png = BuiltinDesignerTest.encode(BuiltinDesignerTest.yardPhoto(800, 600), "png");
        return new DesignRequest(
                UUID.randomUUID(),
                style,
                null,
                new DesignRequest.Photo(png, "image/png", 800, 600),
                null,
                ZONE,
                List.of(),
                refinement);
    }

    /** The plan the same request draws without feedback. */
    private static Layout first(Style style) {
        DesignRequest request = request(style, null);
        return Layout.of(style, request.palette(), BuiltinDesigner.siteSeed(request), BuiltinDesigner.seed(request));
    }

    private static List<Plant> firstPlants(Style style) {
        return first(style).plants();
    }

    /** The lawn of a plan: its open ground, in square feet. */
    private static double lawn(Layout layout) {
        return PlanGeometry.squareFeet(new Revision(layout, 0).open());
    }

    private static double area(Rectangle2D r) {
        return r.getWidth() * r.getHeight();
    }

    private static List<String> names(List<Plant> plants) {
        return plants.stream().map(Plant::botanicalName).toList();
    }

    private static List<Layout.PlantSpot> bedPlants(Layout layout) {
        return layout.beds().stream().flatMap(bed -> bed.plants().stream()).toList();
    }

    private static Map<Integer, Integer> quantities(Design design) {
        return design.plants().stream()
                .collect(Collectors.toMap(PlacedPlant::number, PlacedPlant::quantity, (a, b) -> a, TreeMap::new));
    }
}
