package com.yarda.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Google imagery adapter against a local server answering as Street View Static and Maps Static do. */
class GoogleImageryTest extends StubbedServices {

    private static final String METADATA = "/maps/api/streetview/metadata";
    private static final String STREET = "/maps/api/streetview";
    private static final String STATIC = "/maps/api/staticmap";
    private static final Geocoded HOUSE =
            new Geocoded("1600 Amphitheatre Pkwy", 37.422388, -122.0841883, "94043", "US", true);

    private final GoogleImagery google = new GoogleImagery(http(), google(), JSON);

    @Test
    void aimsStreetViewFromThePanoramaAtTheHouseAndFetchesTheSatelliteView() {
        server.stubFor(get(urlPathEqualTo(METADATA)).willReturn(okJson("""
                        {"copyright": "© Google", "date": "2014-04",
                         "location": {"lat": 37.422188, "lng": -122.0841883},
                         "pano_id": "vPnURflnc8AZu5NMLYRddw", "status": "OK"}
                        """)));
        byte[] street = photo("jpeg");
        byte[] satellite = photo("png");
        server.stubFor(get(urlPathEqualTo(STREET))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(street)));
        server.stubFor(get(urlPathEqualTo(STATIC))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(satellite)));

        List<SiteImage> images = google.fetch(HOUSE);

        assertThat(images).extracting(SiteImage::view).containsExactly(SiteImage.View.STREET, SiteImage.View.SATELLITE);
        assertThat(images.get(0).bytes()).isEqualTo(street);
        assertThat(images.get(0).credit()).isEqualTo("Street View © Google, 2014-04");
        assertThat(images.get(1).bytes()).isEqualTo(satellite);
        LoggedRequest image =
                server.findAll(getRequestedFor(urlPathEqualTo(STREET))).getFirst();
        assertThat(image.queryParameter("pano").firstValue()).isEqualTo("vPnURflnc8AZu5NMLYRddw");
        // the camera stands due south of the house: it looks north
        assertThat(Double.parseDouble(image.queryParameter("heading").firstValue()))
                .isCloseTo(0.0, offset(0.5));
        assertThat(image.queryParameter("return_error_code").firstValue()).isEqualTo("true");
        LoggedRequest map =
                server.findAll(getRequestedFor(urlPathEqualTo(STATIC))).getFirst();
        assertThat(map.queryParameter("maptype").firstValue()).isEqualTo("satellite");
        assertThat(map.queryParameter("center").firstValue()).isEqualTo("37.422388,-122.084188");
        assertThat(map.queryParameter("key").firstValue()).isEqualTo(KEY);
    }

    @Test
    void anInterpolatedPointLetsGoogleAimAtTheLocation() {
        server.stubFor(get(urlPathEqualTo(METADATA))
                .willReturn(
                        okJson("{\"pano_id\": \"abc\", \"location\": {\"lat\": 1, \"lng\": 2}, \"status\": \"OK\"}")));
        server.stubFor(get(urlPathEqualTo(STREET))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(photo("jpeg"))));
        server.stubFor(get(urlPathEqualTo(STATIC)).willReturn(aResponse().withStatus(403)));

        List<SiteImage> images = google.fetch(new Geocoded(null, 38.84601, -76.92748, "20233", "US", false));

        assertThat(images).extracting(SiteImage::view).containsExactly(SiteImage.View.STREET);
        LoggedRequest image =
                server.findAll(getRequestedFor(urlPathEqualTo(STREET))).getFirst();
        assertThat(image.queryParameter("location").firstValue()).isEqualTo("38.846010,-76.927480");
        assertThat(image.queryParameter("heading").isPresent()).isFalse();
    }

    @Test
    void noPanoramaOrNoStreetImageIsNoStreetPictureAndTheSatelliteStays() {
        server.stubFor(get(urlPathEqualTo(METADATA)).willReturn(okJson("{\"status\": \"ZERO_RESULTS\"}")));
        server.stubFor(get(urlPathEqualTo(STATIC))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(photo("png"))));

        assertThat(google.fetch(HOUSE)).extracting(SiteImage::view).containsExactly(SiteImage.View.SATELLITE);

        server.stubFor(get(urlPathEqualTo(METADATA))
                .willReturn(
                        okJson("{\"pano_id\": \"abc\", \"location\": {\"lat\": 1, \"lng\": 2}, \"status\": \"OK\"}")));
        server.stubFor(get(urlPathEqualTo(STREET)).willReturn(aResponse().withStatus(404)));
        assertThat(google.fetch(HOUSE)).extracting(SiteImage::view).containsExactly(SiteImage.View.SATELLITE);
    }

    @Test
    void aRefusedKeyForBothViewsFailsWithoutNamingTheKey() {
        server.stubFor(get(urlPathEqualTo(METADATA))
                .willReturn(okJson("{\"error_message\": \"The provided API key is invalid.\","
                        + " \"status\": \"REQUEST_DENIED\"}")));
        server.stubFor(get(urlPathEqualTo(STATIC)).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> google.fetch(HOUSE))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("REQUEST_DENIED")
                .hasMessageContaining("HTTP 403")
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void aBlankTileGarbageOrASlowAnswerGiveNoPicture() {
        server.stubFor(get(urlPathEqualTo(METADATA)).willReturn(aResponse().withBody("<html>")));
        server.stubFor(get(urlPathEqualTo(STATIC))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(blank())));
        assertThat(google.fetch(HOUSE)).isEmpty();

        server.stubFor(get(urlPathEqualTo(METADATA))
                .willReturn(okJson("{\"status\": \"ZERO_RESULTS\"}")
                        .withFixedDelay((int) TIMEOUT.multipliedBy(3).toMillis())));
        server.stubFor(get(urlPathEqualTo(STATIC))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withBody(photo("png"))
                        .withFixedDelay((int) TIMEOUT.multipliedBy(3).toMillis())));
        assertThatThrownBy(() -> google.fetch(HOUSE)).hasMessageContaining("did not answer within");
    }

    @Test
    void theHeadingIsTheBearingFromTheCameraToTheHouse() {
        assertThat(GoogleImagery.heading(0, 0, 1, 0)).isCloseTo(0, offset(1e-9));
        assertThat(GoogleImagery.heading(0, 0, 0, 1)).isCloseTo(90, offset(1e-9));
        assertThat(GoogleImagery.heading(0, 0, -1, 0)).isCloseTo(180, offset(1e-9));
        assertThat(GoogleImagery.heading(0, 0, 0, -1)).isCloseTo(270, offset(1e-9));
    }
}
