package com.yarda.designer.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Palette;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reading a text model's plant list: only the palette's plants, with whole quantities, numbered as the palette. */
class PlantListTest {

    private static final List<Plant> PALETTE = Palette.of(Style.MEDITERRANEAN, HardinessZone.of("9a"));

    @Test
    void theInstructionNumbersThePaletteAndAsksForItsBotanicalNames() {
        String instruction = PlantList.instruction(PALETTE);

        for (int i = 0; i < PALETTE.size(); i++) {
            Plant plant = PALETTE.get(i);
            assertThat(instruction)
                    .contains((i + 1) + ". " + plant.commonName() + " (" + plant.botanicalName() + "), "
                            + plant.kind().value());
        }
        assertThat(instruction).contains("botanical name exactly", "\"quantity\"", "not in the list");
    }

    @Test
    void namesAreMatchedWithoutRegardToCaseOrSpacingAndNumberedByTheirPlaceInThePalette() {
        PlantList.Reading reading = PlantList.read(
                """
                [{"botanical_name": "  %s ", "quantity": 2},
                 {"botanical_name": "%s", "quantity": 7}]
                """.formatted(
                                PALETTE.get(3).botanicalName().replace(" ", "   "),
                                PALETTE.get(1).botanicalName().toLowerCase(Locale.ROOT)),
                PALETTE);

        assertThat(reading.plants())
                .containsExactly(new PlacedPlant(2, PALETTE.get(1), 7), new PlacedPlant(4, PALETTE.get(3), 2));
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void everyEntryThatIsNotAPaletteNameWithAWholeQuantityIsLeftOutAndSaidWhy() {
        PlantList.Reading reading = PlantList.read("""
                [{"botanical_name": "Olea europaea 'Little Ollie'", "quantity": 2},
                 {"botanical_name": "%1$s", "quantity": -1},
                 {"botanical_name": "%1$s", "quantity": 1001},
                 {"botanical_name": "%1$s", "quantity": 99999999999},
                 {"botanical_name": "%1$s", "quantity": "3"},
                 {"botanical_name": "%1$s", "quantity": null},
                 {"botanical_name": 12, "quantity": 3},
                 {"name": "%1$s", "quantity": 3},
                 "%1$s",
                 {"botanical_name": "%1$s", "quantity": 3}]
                """.formatted(PALETTE.get(0).botanicalName()), PALETTE);

        assertThat(reading.plants()).containsExactly(new PlacedPlant(1, PALETTE.get(0), 3));
        assertThat(reading.problems())
                .hasSize(9)
                .anySatisfy(problem -> assertThat(problem).contains("not in the palette", "Little Ollie"));
    }

    @Test
    void aPlantListedTwiceKeepsItsFirstEntry() {
        PlantList.Reading reading = PlantList.read("""
                [{"botanical_name": "%1$s", "quantity": 2}, {"botanical_name": "%1$s", "quantity": 5}]
                """.formatted(PALETTE.get(2).botanicalName()), PALETTE);

        assertThat(reading.plants()).containsExactly(new PlacedPlant(3, PALETTE.get(2), 2));
        assertThat(reading.problems()).singleElement().asString().contains("listed again");
    }

    @Test
    void aMarkdownFenceAroundTheJsonIsTakenOff() {
        PlantList.Reading reading = PlantList.read("""
                ```json
                [{"botanical_name": "%s", "quantity": 1}]
                ```
                """.formatted(PALETTE.get(0).botanicalName()), PALETTE);

        assertThat(reading.plants()).containsExactly(new PlacedPlant(1, PALETTE.get(0), 1));
    }

    @Test
    void answersThatAreNotAnArrayOfPlantsAreUnusable() {
        for (String answer : List.of(
                "",
                "Two olive trees and some lavender.",
                "{\"plants\": [{\"botanical_name\": \"Olea europaea\", \"quantity\": 2}]}",
                "[\"Olea europaea\", \"Salvia rosmarinus\"]",
                "[]",
                "null")) {
            PlantList.Reading reading = PlantList.read(answer, PALETTE);

            assertThat(reading.plants()).as(answer).isEmpty();
            assertThat(reading.problems()).as(answer).isNotEmpty();
        }
    }
}
