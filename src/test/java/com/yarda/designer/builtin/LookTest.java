package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Style;
import org.junit.jupiter.api.Test;

class LookTest {

    @Test
    void everyStyleHasALookThatMatchesItsCatalog() {
        for (Style style : Style.values()) {
            Look look = Look.of(style);
            assertThat(look.plants()).as(style.id()).hasSameSizeAs(style.plants());
            assertThat(look.materialSwatches()).as(style.id()).hasSameSizeAs(style.materials());
        }
    }
}
