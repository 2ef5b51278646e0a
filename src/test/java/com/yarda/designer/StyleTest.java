package com.yarda.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleTest {

    @Test
    void theIdsAreThoseOfTheApi() {
        assertThat(Style.values())
                .extracting(Style::id)
                .containsExactly(
                        "modern_minimalist",
                        "california_native",
                        "japanese_zen",
                        "english_garden",
                        "desert_landscape",
                        "mediterranean",
                        "tropical_resort");
        assertThat(Style.byId("japanese_zen")).contains(Style.JAPANESE_ZEN);
        assertThat(Style.byId("JAPANESE_ZEN")).isEmpty();
        assertThat(Style.byId("brutalist")).isEmpty();
    }

    @Test
    void everyStyleHasAFullCatalog() {
        Set<String> sun = Set.of("full sun", "full sun to part shade", "part shade", "shade");
        Set<String> water = Set.of("very low", "low", "moderate", "regular");
        for (Style style : Style.values()) {
            assertThat(style.plants()).as(style.id()).hasSizeBetween(5, 7);
            assertThat(style.materials()).as(style.id()).hasSizeBetween(4, 5);
            assertThat(style.mood()).as(style.id()).isNotBlank().endsWith(".");
            Set<String> botanical = new HashSet<>();
            for (Plant plant : style.plants()) {
                assertThat(plant.commonName()).isNotBlank();
                assertThat(botanical.add(plant.botanicalName()))
                        .as(plant.botanicalName())
                        .isTrue();
                assertThat(plant.botanicalName()).matches("[A-Z][a-z]+ .+");
                assertThat(sun).contains(plant.sun());
                assertThat(water).contains(plant.water());
            }
            for (Material material : style.materials()) {
                assertThat(List.of(material.name(), material.use())).allMatch(text -> !text.isBlank());
            }
        }
    }
}
