package com.yarda.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Google geocoder against a local server answering as the Geocoding API does. */
class GoogleGeocoderTest extends StubbedServices {

    private static final String PATH = "/maps/api/geocode/json";
    static final String OK = """
            {"results": [{
               "address_components": [
                 {"long_name": "1600", "short_name": "1600", "types": ["street_number"]},
                 {"long_name": "Amphitheatre Parkway", "short_name": "Amphitheatre Pkwy", "types": ["route"]},
                 {"long_name": "California", "short_name": "CA", "types": ["administrative_area_level_1", "political"]},
                 {"long_name": "United States", "short_name": "US", "types": ["country", "political"]},
                 {"long_name": "94043", "short_name": "94043", "types": ["postal_code"]},
                 {"long_name": "1351", "short_name": "1351", "types": ["postal_code_suffix"]}],
               "formatted_address": "Google Building 40, 1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA",
               "geometry": {"location": {"lat": 37.422388, "lng": -122.0841883}, "location_type": "ROOFTOP"},
               "place_id": "ChIJj38IfwK6j4ARNcyPDnEGa9g", "types": ["premise"]}],
             "status": "OK"}
            """;

    private final GoogleGeocoder geocoder = new GoogleGeocoder(http(), google(), JSON);

    @Test
    void anAnswerGivesTheRooftopPointItsZipAndCountry() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(OK)));

        Geocoded place =
                geocoder.geocode("1600 Amphitheatre Pkwy, Mountain View, CA").orElseThrow();

        assertThat(place.formattedAddress()).startsWith("Google Building 40");
        assertThat(place.latitude()).isEqualTo(37.422388);
        assertThat(place.longitude()).isEqualTo(-122.0841883);
        assertThat(place.postalCode()).isEqualTo("94043");
        assertThat(place.country()).isEqualTo("US");
        assertThat(place.rooftop()).isTrue();
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(PATH)))
                        .getFirst()
                        .queryParameter("key")
                        .firstValue())
                .isEqualTo(KEY);
    }

    @Test
    void zeroResultsIsNoPlace() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"results\": [], \"status\": \"ZERO_RESULTS\"}")));

        assertThat(geocoder.geocode("1 Nowhere Road")).isEmpty();
    }

    @Test
    void aRefusedKeyOrAQuotaFailsWithoutNamingTheKey() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"error_message\": \"The provided API key is invalid.\", \"results\": [],"
                        + " \"status\": \"REQUEST_DENIED\"}")));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("REQUEST_DENIED")
                .message()
                .doesNotContain(KEY);

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\": \"OVER_QUERY_LIMIT\"}")));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St")).hasMessageContaining("OVER_QUERY_LIMIT");
    }

    @Test
    void anOutageGarbageOrASlowAnswerFails() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St")).isInstanceOf(LookupFailed.class);

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\": \"OK\", \"results\": [{}]}")));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St")).hasMessageContaining("without a location");

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody("not json")));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St")).hasMessageContaining("without JSON");

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(OK).withFixedDelay((int)
                TIMEOUT.multipliedBy(3).toMillis())));
        assertThatThrownBy(() -> geocoder.geocode("1 Main St"))
                .hasMessageContaining("did not answer within")
                .message()
                .doesNotContain(KEY);
    }
}
