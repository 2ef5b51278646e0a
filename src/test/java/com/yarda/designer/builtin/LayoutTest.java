package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.DesignRequest;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Layout.PlantSpot;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The layout of a plan, worked out without drawing anything. */
class LayoutTest {

    private static final String ADDRESS = "1428 Elm Street, Springfield, IL 62704";

    @Test
    void plantCountsAreTheNumberOfPlantSymbolsTheLayoutHoldsForEveryPlantOfTheStyle() {
        for (Style style : Style.values()) {
            Layout layout = layout(style, ADDRESS);

            Map<Integer, Integer> symbols = new HashMap<>();
            for (Layout.Bed bed : layout.feature().beds()) {
                bed.plants().forEach(plant -> count(symbols, plant));
            }
            for (Layout.Bed bed : layout.beds()) {
                bed.plants().forEach(plant -> count(symbols, plant));
            }
            layout.trees().forEach(tree -> count(symbols, tree));
            layout.feature().pots().forEach(pot -> count(symbols, pot));

            Map<Integer, Integer> counts = layout.plantCounts();
            assertThat(counts.keySet())
                    .as(style.id())
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, style.plants().size())
                                    .boxed()
                                    .toList());
            assertThat(counts).as(style.id()).containsExactlyInAnyOrderEntriesOf(symbols);
            // every plant of the legend is in the plan, so every legend entry has a tag to point at
            assertThat(counts.values()).as(style.id()).allMatch(count -> count > 0);
        }
    }

    @Test
    void theTreesAreThePlacedTreesOfTheStyle() {
        for (Style style : Style.values()) {
            Layout layout = layout(style, ADDRESS);
            Look look = Look.of(style);

            assertThat(layout.trees())
                    .as(style.id())
                    .isNotEmpty()
                    .allMatch(tree -> look.sprite(layout.plants().get(tree.number() - 1))
                            .form()
                            .isTree());
            assertThat(layout.beds())
                    .flatMap(Layout.Bed::plants)
                    .as(style.id())
                    .noneMatch(plant -> look.sprite(layout.plants().get(plant.number() - 1))
                            .form()
                            .isTree());
        }
    }

    @Test
    void theSameRequestGivesTheSameLayoutAndTheAddressAloneGivesTheSite() {
        Layout zen = layout(Style.JAPANESE_ZEN, ADDRESS);
        Layout again = layout(Style.JAPANESE_ZEN, ADDRESS);
        Layout desert = layout(Style.DESERT_LANDSCAPE, ADDRESS);
        Layout elsewhere = layout(Style.JAPANESE_ZEN, "77 Harbor View Road, Santa Cruz, CA");

        assertThat(again.plantings()).isEqualTo(zen.plantings());
        assertThat(again.patio()).isEqualTo(zen.patio());
        assertThat(again.labels()).isEqualTo(zen.labels());
        assertThat(desert.site()).isEqualTo(zen.site());
        assertThat(desert.plantCounts()).isNotEqualTo(zen.plantCounts());
        assertThat(elsewhere.site()).isNotEqualTo(zen.site());
    }

    private static void count(Map<Integer, Integer> symbols, PlantSpot plant) {
        symbols.merge(plant.number(), 1, Integer::sum);
    }

    private static Layout layout(Style style, String address) {
        DesignRequest request = new DesignRequest(UUID.randomUUID(), style, address, null, null);
        return Layout.of(style, request.palette(), BuiltinDesigner.siteSeed(request), BuiltinDesigner.seed(request));
    }
}
