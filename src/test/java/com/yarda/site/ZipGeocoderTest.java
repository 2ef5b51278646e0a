package com.yarda.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipGeocoderTest {

    @Test
    void findsTheZipWrittenInAnAddress() {
        assertThat(ZipGeocoder.zipIn("350 5th Ave, New York, NY 10001")).contains("10001");
        assertThat(ZipGeocoder.zipIn("1 Main St, Minneapolis, MN 55401-1234")).contains("55401");
        assertThat(ZipGeocoder.zipIn("12 Elm St, San Juan, PR 00901, USA")).contains("00901");
    }

    @Test
    void aHouseNumberOrALongerNumberIsNotAZip() {
        assertThat(ZipGeocoder.zipIn("12345 Garden Lane, Springfield")).isEmpty();
        assertThat(ZipGeocoder.zipIn("12 Garden Lane, Springfield")).isEmpty();
        assertThat(ZipGeocoder.zipIn("PO Box 123456, Springfield")).isEmpty();
    }

    @Test
    void theOfflineGeocoderKnowsOnlyTheZip() {
        Geocoded place =
                new ZipGeocoder().geocode("4 Lake St, Minneapolis, MN 55401").orElseThrow();

        assertThat(place.postalCode()).isEqualTo("55401");
        assertThat(place.located()).isFalse();
        assertThat(new ZipGeocoder().geocode("4 Lake St, Minneapolis")).isEmpty();
    }
}
