package com.yarda.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HardinessZoneTest {

    @Test
    void zonesAreOrderedFromColdToWarmHalfByHalf() {
        List<HardinessZone> all = IntStream.rangeClosed(1, 13)
                .boxed()
                .flatMap(n -> List.of(new HardinessZone(n, 'a'), new HardinessZone(n, 'b')).stream())
                .toList();

        assertThat(all).isSorted().hasSize(26);
        assertThat(HardinessZone.of("9b")).isLessThan(HardinessZone.of("10a"));
        assertThat(HardinessZone.of("5a")).isLessThan(HardinessZone.of("5b"));
    }

    @Test
    void aZoneIsWithinARangeIncludingItsEnds() {
        HardinessZone coldest = HardinessZone.of("5a");
        HardinessZone warmest = HardinessZone.of("9b");

        assertThat(HardinessZone.of("5a").within(coldest, warmest)).isTrue();
        assertThat(HardinessZone.of("7b").within(coldest, warmest)).isTrue();
        assertThat(HardinessZone.of("9b").within(coldest, warmest)).isTrue();
        assertThat(HardinessZone.of("4b").within(coldest, warmest)).isFalse();
        assertThat(HardinessZone.of("10a").within(coldest, warmest)).isFalse();
    }

    @Test
    void onlyRealZonesParse() {
        assertThat(HardinessZone.parse("13b")).contains(new HardinessZone(13, 'b'));
        assertThat(HardinessZone.of("7b")).hasToString("7b");
        for (String text : new String[] {"0a", "14a", "7c", "7", "b7", "", "07b", "7B"}) {
            assertThat(HardinessZone.parse(text)).as(text).isEmpty();
        }
        assertThatThrownBy(() -> HardinessZone.of("7c")).isInstanceOf(IllegalArgumentException.class);
    }
}
