package com.yarda.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneTableTest {

    private static final ZoneTable ZONES = new ZoneTable();

    @Test
    void holdsEveryZipOfTheFourPrismFiles() {
        // 39,921 contiguous US + 272 Alaska + 133 Hawaii + 176 Puerto Rico, no ZIP twice
        assertThat(ZONES.size()).isEqualTo(40_502);
    }

    @Test
    void givesTheUsda2023ZoneOfAZip() {
        assertThat(ZONES.zoneOf("10001")).contains(HardinessZone.of("7b"));
        assertThat(ZONES.zoneOf("55401")).contains(HardinessZone.of("5a"));
        assertThat(ZONES.zoneOf("97201")).contains(HardinessZone.of("8b"));
        assertThat(ZONES.zoneOf("85001")).contains(HardinessZone.of("10a"));
        assertThat(ZONES.zoneOf("99501")).contains(HardinessZone.of("5a"));
        assertThat(ZONES.zoneOf("96813")).contains(HardinessZone.of("12b"));
    }

    @Test
    void keepsLeadingZerosAndReadsZipPlusFour() {
        assertThat(ZONES.zoneOf("00901")).contains(HardinessZone.of("13b"));
        assertThat(ZONES.zoneOf("01001")).contains(HardinessZone.of("6b"));
        assertThat(ZONES.zoneOf("55401-1234")).contains(HardinessZone.of("5a"));
        assertThat(ZONES.zoneOf(" 10001 ")).contains(HardinessZone.of("7b"));
    }

    @Test
    void anUnknownOrMalformedZipHasNoZoneNotAGuess() {
        assertThat(ZONES.zoneOf("00000")).isEmpty();
        // 1001 is 01001 without its leading zero: not the same thing
        assertThat(ZONES.zoneOf("1001")).isEmpty();
        assertThat(ZONES.zoneOf("554011")).isEmpty();
        assertThat(ZONES.zoneOf("5540a")).isEmpty();
        assertThat(ZONES.zoneOf(null)).isEmpty();
    }
}
