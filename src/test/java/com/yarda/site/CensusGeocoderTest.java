package com.yarda.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/** The Census adapter against a local server answering as the Census Geocoder does. */
class CensusGeocoderTest extends StubbedServices {

    private static final String PATH = "/geocoder/locations/onelineaddress";
    private static final String MATCH = """
            {"result": {
              "input": {"address": {"address": "4600 Silver Hill Rd, Washington, DC 20233"},
                        "benchmark": {"id": "4", "benchmarkName": "Public_AR_Current"}},
              "addressMatches": [{
                "matchedAddress": "4600 SILVER HILL RD, WASHINGTON, DC, 20233",
                "coordinates": {"x": -76.92748, "y": 38.84601},
                "tigerLine": {"tigerLineId": "76355984", "side": "L"},
                "addressComponents": {"fromAddress": "4600", "toAddress": "4700", "streetName": "SILVER HILL",
                  "suffixType": "RD", "city": "WASHINGTON", "state": "DC", "zip": "20233"}}]}}
            """;

    private final CensusGeocoder census =
            new CensusGeocoder(http(), new SiteProperties.Census(base(), "Public_AR_Current"), JSON);

    @Test
    void aMatchGivesThePointItsZipAndTheMatchedAddress() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(MATCH)));

        Geocoded place =
                census.geocode("4600 Silver Hill Rd, Washington, DC 20233").orElseThrow();

        assertThat(place.formattedAddress()).isEqualTo("4600 SILVER HILL RD, WASHINGTON, DC, 20233");
        // x is the longitude, y the latitude
        assertThat(place.latitude()).isEqualTo(38.84601);
        assertThat(place.longitude()).isEqualTo(-76.92748);
        assertThat(place.postalCode()).isEqualTo("20233");
        assertThat(place.country()).isEqualTo("US");
        assertThat(place.rooftop()).isFalse();
        LoggedRequest request =
                server.findAll(getRequestedFor(urlPathEqualTo(PATH))).getFirst();
        assertThat(request.queryParameter("address").firstValue())
                .isEqualTo("4600 Silver Hill Rd, Washington, DC 20233");
        assertThat(request.queryParameter("benchmark").firstValue()).isEqualTo("Public_AR_Current");
        assertThat(request.queryParameter("format").firstValue()).isEqualTo("json");
    }

    @Test
    void noMatchIsNoPlaceNotAFailure() {
        server.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": {\"input\": {}, \"addressMatches\": []}}")));

        assertThat(census.geocode("1 Nowhere Road, Atlantis")).isEmpty();
    }

    @Test
    void aRefusedRequestFailsWithTheCensusReason() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\": [\"Address cannot be empty and cannot exceed 100 characters\"],"
                                + " \"status\": \"400\"}")));

        assertThatThrownBy(() -> census.geocode("x"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("cannot exceed 100 characters");
    }

    @Test
    void anOutageAnAnswerWithoutResultAndGarbageFail() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> census.geocode("1 Main St")).isInstanceOf(LookupFailed.class);

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\": \"busy\"}")));
        assertThatThrownBy(() -> census.geocode("1 Main St"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("addressMatches");

        server.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>oops")));
        assertThatThrownBy(() -> census.geocode("1 Main St"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("without JSON");
    }

    @Test
    void aSlowAnswerTimesOut() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(MATCH).withFixedDelay((int)
                TIMEOUT.multipliedBy(3).toMillis())));

        assertThatThrownBy(() -> census.geocode("1 Main St"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("did not answer within");
    }

    @Test
    void anAddressLongerThanTheCensusTakesIsNotSent() {
        assertThat(census.geocode("1 Main Street, ".repeat(8))).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
