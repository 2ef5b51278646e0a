package com.yarda.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The whole survey: what is known is kept, what fails is logged and counted, and never fails the survey. */
@ExtendWith(OutputCaptureExtension.class)
class SitesTest extends StubbedServices {

    private static final ZoneTable ZONES = new ZoneTable();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void offlineTheZoneComesFromTheZipWrittenInTheAddress() {
        Sites sites = new Sites(new ZipGeocoder(), new NoImagery(), ZONES, meters);

        Site site = sites.survey("4 Lake St, Minneapolis, MN 55401").site();

        assertThat(site.postalCode()).isEqualTo("55401");
        assertThat(site.hardinessZone()).isEqualTo(HardinessZone.of("5a"));
        assertThat(site.country()).isEqualTo("US");
        assertThat(site.latitude()).isNull();
        assertThat(site.imagery()).isEmpty();
        assertThat(sites.survey("12 Garden Lane, Springfield").site()).isEqualTo(Site.unknown());
    }

    @Test
    void aGeocodedSiteGetsItsZoneFromTheGeocodersZipAndItsPictures() {
        server.stubFor(get(urlPathEqualTo("/maps/api/geocode/json")).willReturn(okJson(GoogleGeocoderTest.OK)));
        server.stubFor(get(urlPathEqualTo("/maps/api/streetview/metadata"))
                .willReturn(okJson("{\"status\": \"ZERO_RESULTS\"}")));
        server.stubFor(get(urlPathEqualTo("/maps/api/staticmap"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(photo("png"))));
        Sites sites = new Sites(
                new GoogleGeocoder(http(), google(), JSON), new GoogleImagery(http(), google(), JSON), ZONES, meters);

        SiteSurvey survey = sites.survey("1600 Amphitheatre Pkwy, Mountain View, CA");

        assertThat(survey.site().formattedAddress()).contains("Mountain View, CA 94043");
        assertThat(survey.site().postalCode()).isEqualTo("94043");
        assertThat(survey.site().hardinessZone()).isEqualTo(HardinessZone.of("10a"));
        assertThat(survey.site().imagery()).containsExactly("satellite");
        assertThat(survey.images()).hasSize(1);
        assertThat(meters.counter("yarda.site.lookups", "service", "google", "outcome", "found")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aFailedGeocoderFallsBackToTheWrittenZipAndNeverLogsTheKey(CapturedOutput output) {
        server.stubFor(get(urlPathEqualTo("/maps/api/geocode/json"))
                .willReturn(okJson("{\"error_message\": \"The provided API key is invalid.\","
                        + " \"status\": \"REQUEST_DENIED\"}")));
        Sites sites = new Sites(
                new GoogleGeocoder(http(), google(), JSON), new GoogleImagery(http(), google(), JSON), ZONES, meters);

        Site site = sites.survey("350 5th Ave, New York, NY 10001").site();

        assertThat(site.postalCode()).isEqualTo("10001");
        assertThat(site.hardinessZone()).isEqualTo(HardinessZone.of("7b"));
        assertThat(site.imagery()).isEmpty();
        assertThat(meters.counter("yarda.site.lookups", "service", "google", "outcome", "failed")
                        .count())
                .isEqualTo(1);
        assertThat(output.getAll())
                .contains("Geocoder google failed")
                .contains("REQUEST_DENIED")
                .doesNotContain(KEY);
    }

    @Test
    void anUnreachableImageryServiceLeavesTheSiteWithoutPictures(CapturedOutput output) {
        server.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress")).willReturn(okJson("""
                        {"result": {"addressMatches": [{"matchedAddress": "1 MAIN ST, PORTLAND, OR, 97201",
                          "coordinates": {"x": -122.68, "y": 45.51}, "addressComponents": {"zip": "97201"}}]}}
                        """)));
        server.stubFor(
                get(urlPathEqualTo("/exportImage")).willReturn(aResponse().withStatus(503)));
        Sites sites = new Sites(
                new CensusGeocoder(http(), new SiteProperties.Census(base(), "Public_AR_Current"), JSON),
                new NaipImagery(http(), new SiteProperties.Naip(base(), 60, 512)),
                ZONES,
                meters);

        SiteSurvey survey = sites.survey("1 Main St, Portland, OR");

        assertThat(survey.site().hardinessZone()).isEqualTo(HardinessZone.of("8b"));
        assertThat(survey.site().latitude()).isEqualTo(45.51);
        assertThat(survey.images()).isEmpty();
        assertThat(meters.counter("yarda.site.lookups", "service", "naip", "outcome", "failed")
                        .count())
                .isEqualTo(1);
        assertThat(output.getAll()).contains("Imagery naip failed");
    }
}
