package com.yarda.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.site.HardinessZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantCatalogTest {

    private static final PlantCatalog CATALOG = PlantCatalog.standard();

    /** Every half-zone of the contiguous US, 3a to 11b. */
    static List<HardinessZone> contiguousUsZones() {
        List<HardinessZone> zones = new ArrayList<>();
        for (int number = 3; number <= 11; number++) {
            zones.add(new HardinessZone(number, 'a'));
            zones.add(new HardinessZone(number, 'b'));
        }
        return zones;
    }

    @Test
    void holdsAtLeast150RealPlantsEachWithItsFacts() {
        assertThat(CATALOG.all()).hasSizeGreaterThanOrEqualTo(150);
        for (Plant plant : CATALOG.all()) {
            assertThat(plant.botanicalName()).as("botanical name").matches("[A-Z][a-z]+( .+)?");
            assertThat(plant.commonName()).isNotBlank();
            assertThat(plant.sun()).isIn("full sun", "full sun to part shade", "part shade", "shade");
            assertThat(plant.water()).isIn("very low", "low", "moderate", "regular");
            assertThat(plant.matureHeightM()).isPositive();
            assertThat(plant.matureSpreadM()).isPositive();
        }
    }

    @Test
    void everyStyleHasSixFittingPlantsWithTreesAndShrubsInEveryZoneFrom3aTo11b() {
        for (Style style : Style.values()) {
            for (HardinessZone zone : contiguousUsZones()) {
                List<Plant> plants = CATALOG.forStyle(style, zone);
                assertThat(plants).as("%s in %s", style.id(), zone).hasSizeGreaterThanOrEqualTo(6);
                assertThat(plants)
                        .as("%s in %s has trees and shrubs", style.id(), zone)
                        .extracting(Plant::kind)
                        .contains(PlantKind.TREE, PlantKind.SHRUB);
                assertThat(plants).allMatch(plant -> plant.hardyIn(zone));
            }
        }
    }

    @Test
    void everySignaturePlantIsInTheCatalogUnderItsStyle() {
        for (Style style : Style.values()) {
            assertThat(style.plants()).hasSizeBetween(5, 7);
            assertThat(CATALOG.forStyle(style, null)).containsAll(style.plants());
        }
    }

    @Test
    void aPaletteForAZoneHoldsOnlyHardyPlantsWithATreeAndAShrubAndIsTheSameEachTime() {
        for (Style style : Style.values()) {
            for (HardinessZone zone : contiguousUsZones()) {
                List<Plant> palette = Palette.of(style, zone);
                assertThat(palette)
                        .as("%s in %s", style.id(), zone)
                        .hasSizeBetween(6, 7)
                        .doesNotHaveDuplicates();
                assertThat(palette).allMatch(plant -> plant.hardyIn(zone), "hardy in " + zone);
                assertThat(palette).extracting(Plant::kind).contains(PlantKind.TREE, PlantKind.SHRUB);
                assertThat(Palette.of(style, zone)).isEqualTo(palette);
            }
        }
    }

    @Test
    void theCaliforniaNativePaletteInMinneapolisProposesNoCoastLiveOak() {
        HardinessZone minneapolis = HardinessZone.of("5a");

        List<Plant> palette = Palette.of(Style.CALIFORNIA_NATIVE, minneapolis);

        assertThat(palette).extracting(Plant::botanicalName).doesNotContain("Quercus agrifolia");
        assertThat(Style.CALIFORNIA_NATIVE.plants())
                .extracting(Plant::botanicalName)
                .contains("Quercus agrifolia");
    }

    @Test
    void withoutAZoneThePaletteIsTheStylesSignature() {
        assertThat(Palette.of(Style.JAPANESE_ZEN, null)).isEqualTo(Style.JAPANESE_ZEN.plants());
    }

    @Test
    void readsQuotedFieldsAsRfc4180Says() {
        assertThat(PlantCatalog.fields("a,\"b, c\",\"say \"\"hi\"\"\",d"))
                .containsExactly("a", "b, c", "say \"hi\"", "d");
    }

    @Test
    void theCoverageTableInTheDocsIsTheCatalogs() throws IOException {
        StringBuilder table = new StringBuilder("| style |");
        List<HardinessZone> zones = contiguousUsZones();
        zones.forEach(zone -> table.append(' ').append(zone).append(" |"));
        table.append("\n|---|").append("---:|".repeat(zones.size())).append('\n');
        for (Style style : Style.values()) {
            table.append("| `").append(style.id()).append("` |");
            zones.forEach(zone -> table.append(' ')
                    .append(CATALOG.forStyle(style, zone).size())
                    .append(" |"));
            table.append('\n');
        }

        assertThat(Files.readString(Path.of("docs", "plant-catalog.md")))
                .as("docs/plant-catalog.md's coverage table; update it from the catalog")
                .contains(table);
    }
}
