package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantCatalog;
import com.yarda.designer.PlantKind;
import com.yarda.designer.Style;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookTest {

    /** The symbols a plant of each kind may be drawn as. */
    private static final Map<PlantKind, Set<Look.Form>> FORMS = Map.of(
            PlantKind.TREE, Set.of(Look.Form.TREE, Look.Form.COLUMNAR),
            PlantKind.SHRUB, Set.of(Look.Form.SHRUB, Look.Form.COLUMNAR),
            PlantKind.GRASS, Set.of(Look.Form.GRASS, Look.Form.COLUMNAR),
            PlantKind.PERENNIAL, Set.of(Look.Form.FLOWERS),
            PlantKind.GROUNDCOVER, Set.of(Look.Form.MOSS),
            PlantKind.SUCCULENT, Set.of(Look.Form.ROSETTE, Look.Form.BARREL),
            PlantKind.VINE, Set.of(Look.Form.SHRUB));

    @Test
    void everyStyleHasALookThatMatchesItsCatalog() {
        for (Style style : Style.values()) {
            Look look = Look.of(style);
            assertThat(look.signature().keySet())
                    .as(style.id())
                    .containsExactlyInAnyOrderElementsOf(
                            style.plants().stream().map(Plant::botanicalName).toList());
            assertThat(look.materialSwatches()).as(style.id()).hasSameSizeAs(style.materials());
        }
    }

    @Test
    void anyPlantOfAStyleDrawsAsItsKindAndSizeSayWhileTheSignaturePlantsKeepTheirTunedSymbols() {
        for (Style style : Style.values()) {
            Look look = Look.of(style);
            for (Plant plant : PlantCatalog.standard().forStyle(style, null)) {
                Look.Sprite sprite = look.sprite(plant);
                Look.Sprite tuned = look.signature().get(plant.botanicalName());
                if (tuned != null) {
                    assertThat(sprite).isSameAs(tuned);
                    continue;
                }
                assertThat(sprite.form())
                        .as("%s, a %s", plant.botanicalName(), plant.kind().value())
                        .isIn(FORMS.get(plant.kind()));
                assertThat(sprite.scale()).as(plant.botanicalName()).isBetween(0.75, 1.35);
                assertThat(look.sprite(plant)).as("the same every time").isEqualTo(sprite);
            }
        }
    }

    @Test
    void aWiderPlantDrawsLargerAndATallNarrowOneAsAScreen() {
        PlantCatalog catalog = PlantCatalog.standard();
        Look look = Look.of(Style.MODERN_MINIMALIST);
        Plant hydrangea = catalog.plant("Hydrangea paniculata 'Limelight'").orElseThrow(); // a shrub 2 m wide
        Plant lavender = catalog.plant("Lavandula angustifolia 'Hidcote'").orElseThrow(); // a shrub 0.6 m wide
        Plant bamboo = catalog.plant("Bambusa multiplex 'Alphonse Karr'").orElseThrow(); // 4.5 m tall, 2 m wide

        assertThat(look.sprite(hydrangea).form())
                .isEqualTo(look.sprite(lavender).form());
        assertThat(look.sprite(hydrangea).scale())
                .isGreaterThan(look.sprite(lavender).scale());
        assertThat(look.sprite(bamboo).form()).isEqualTo(Look.Form.COLUMNAR);
    }
}
