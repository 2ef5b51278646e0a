package com.yarda.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The NAIP adapter against a local server answering as The National Map's ImageServer does. */
class NaipImageryTest extends StubbedServices {

    private static final String PATH = "/arcgis/rest/services/USGSNAIPImagery/ImageServer/exportImage";
    private static final Geocoded SILVER_HILL =
            new Geocoded("4600 SILVER HILL RD", 38.84601, -76.92748, "20233", "US", false);

    private final NaipImagery naip = new NaipImagery(
            http(),
            new SiteProperties.Naip(URI.create(base() + "/arcgis/rest/services/USGSNAIPImagery/ImageServer"), 60, 512));

    @Test
    void asksForASquareAroundThePointAndKeepsTheOverheadPicture() {
        byte[] jpeg = photo("jpeg");
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));

        SiteImage image = naip.fetch(SILVER_HILL).getFirst();

        assertThat(image.view()).isEqualTo(SiteImage.View.SATELLITE);
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.credit()).contains("NAIP");
        LoggedRequest request =
                server.findAll(getRequestedFor(urlPathEqualTo(PATH))).getFirst();
        // SITE-APIS.md's example square for this point, 60 m on the ground in EPSG:3857
        assertThat(request.queryParameter("bbox").firstValue()).isEqualTo("-8563566.4,4699599.2,-8563489.4,4699676.3");
        assertThat(request.queryParameter("bboxSR").firstValue()).isEqualTo("3857");
        assertThat(request.queryParameter("imageSR").firstValue()).isEqualTo("3857");
        assertThat(request.queryParameter("size").firstValue()).isEqualTo("512,512");
        assertThat(request.queryParameter("f").firstValue()).isEqualTo("image");
    }

    @Test
    void noCoverageABlankPictureOrNoPointGiveNoPicture() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(transparent())));
        assertThat(naip.fetch(SILVER_HILL)).isEmpty();

        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(blank())));
        assertThat(naip.fetch(SILVER_HILL)).isEmpty();

        assertThat(naip.fetch(new Geocoded(null, null, null, "20233", null, false)))
                .isEmpty();
    }

    @Test
    void anArcGisErrorInAnHttp200BodyIsAFailure() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"error\": {\"code\": 400, \"message\": \"Unable to complete operation.\","
                        + " \"details\": [\"bbox is invalid\"]}}")));

        assertThatThrownBy(() -> naip.fetch(SILVER_HILL))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("instead of an image");
    }

    @Test
    void anOutageGarbageOrASlowAnswerFails() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> naip.fetch(SILVER_HILL)).isInstanceOf(LookupFailed.class);

        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody("not a picture")));
        assertThat(naip.fetch(SILVER_HILL)).isEmpty();

        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(photo("jpeg"))
                        .withFixedDelay((int) TIMEOUT.multipliedBy(3).toMillis())));
        assertThatThrownBy(() -> naip.fetch(SILVER_HILL)).hasMessageContaining("did not answer within");
    }
}
