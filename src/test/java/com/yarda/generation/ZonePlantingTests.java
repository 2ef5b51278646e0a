package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.BuiltinDesigner;
import com.yarda.site.HardinessZone;
import com.yarda.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A builtin design of a real yard plants only what grows there, and lists exactly what its drawing shows. The
 * address is resolved through the test's Census stand-in, which knows no address by default: the ZIP written in
 * the address gives the zone, as it does offline.
 */
class ZonePlantingTests extends IntegrationTest {

    private static final String MINNEAPOLIS = "250 Marquette Ave, Minneapolis, MN 55401";

    @Test
    void aCaliforniaNativeDesignInMinneapolisListsOnlyPlantsHardyInZone5aAsManyAsItsPlanShows() {
        TestUser user = verifiedUser();

        Map<String, Object> done = awaitFinished(user, acceptAddress(user, MINNEAPOLIS, "california_native"));

        assertThat(done.get("status")).isEqualTo("completed");
        @SuppressWarnings("unchecked")
        Map<String, Object> site = (Map<String, Object>) done.get("site");
        assertThat(site).containsEntry("hardiness_zone", "5a");
        List<Map<String, Object>> plants = plants(done);
        assertThat(plants)
                .extracting(plant -> plant.get("number"))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, plants.size()).boxed().toList());
        HardinessZone minneapolis = HardinessZone.of("5a");
        for (Map<String, Object> plant : plants) {
            String[] range = ((String) plant.get("hardiness_zones")).split("-");
            assertThat(minneapolis.within(HardinessZone.of(range[0]), HardinessZone.of(range[1])))
                    .as("%s (%s) grows in zone 5a", plant.get("botanical_name"), plant.get("hardiness_zones"))
                    .isTrue();
            assertThat(plant.get("quantity"))
                    .as("%s", plant.get("botanical_name"))
                    .isInstanceOf(Integer.class);
            assertThat((Integer) plant.get("quantity")).isGreaterThanOrEqualTo(1);
        }
        assertThat(plants).extracting(plant -> plant.get("botanical_name")).doesNotContain("Quercus agrifolia");
        assertThat(done.get("materials"))
                .isEqualTo(Style.CALIFORNIA_NATIVE.materials().stream()
                        .map(material -> Map.of("name", material.name(), "use", material.use()))
                        .toList());
    }

    /**
     * The image the homeowner downloads is the builtin designer's drawing of that request, and the plants the
     * generation lists are the ones that drawing reports; {@code DesignedPlantsTest} counts the drawing's markers
     * per number against those quantities.
     */
    @Test
    void theListedQuantitiesAreThoseOfTheDrawingTheHomeownerDownloads() {
        TestUser user = verifiedUser();

        Map<String, Object> done = awaitFinished(user, acceptAddress(user, MINNEAPOLIS, "california_native"));

        Design drawn = new BuiltinDesigner()
                .design(new DesignRequest(
                        UUID.randomUUID(),
                        Style.CALIFORNIA_NATIVE,
                        MINNEAPOLIS,
                        null,
                        null,
                        HardinessZone.of("5a"),
                        List.of()));
        byte[] image = api(user.token())
                .get((String) done.get("output_image_url"))
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertThat(image).isEqualTo(drawn.image());
        assertThat(plants(done))
                .extracting(
                        plant -> plant.get("number"),
                        plant -> plant.get("botanical_name"),
                        plant -> plant.get("quantity"))
                .containsExactlyElementsOf(drawn.plants().stream()
                        .map(placed -> tuple(placed.number(), placed.plant().botanicalName(), placed.quantity()))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> plants(Map<String, Object> generation) {
        List<Map<String, Object>> plants = (List<Map<String, Object>>) generation.get("plants");
        assertThat(plants).as("the generation's plants").isNotEmpty();
        return plants;
    }
}
