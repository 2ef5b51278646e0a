package com.yarda.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Locale;

/**
 * Local stand-ins for the US Census Geocoder and the NAIP ImageServer, speaking their wire formats, which the
 * integration tests' application uses as its site services ({@code yarda.site.geocoder=census},
 * {@code yarda.site.imagery=naip}). By default the Census matches no address (the application then falls back to a
 * ZIP written in the address, as it does offline) and NAIP has no imagery; a test stubs the addresses it needs.
 */
public final class SiteServices {

    private static final WireMockServer SERVER = start();

    private SiteServices() {}

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress"))
                .atPriority(10)
                .willReturn(okJson("{\"result\": {\"input\": {}, \"addressMatches\": []}}")));
        server.stubFor(get(urlPathEqualTo("/naip/exportImage"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        return server;
    }

    public static String censusBaseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    public static String naipBaseUrl() {
        return censusBaseUrl() + "/naip";
    }

    /** The Census matches {@code address} at this point and ZIP code. */
    public static void censusMatches(String address, String matched, double latitude, double longitude, String zip) {
        SERVER.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress"))
                .withQueryParam("address", equalTo(address))
                .willReturn(okJson(String.format(Locale.ROOT, """
                        {"result": {"input": {"address": {"address": "%s"}},
                          "addressMatches": [{"matchedAddress": "%s",
                            "coordinates": {"x": %.6f, "y": %.6f},
                            "addressComponents": {"zip": "%s"}}]}}
                        """, address, matched, longitude, latitude, zip))));
    }

    /** The Census answers {@code status} for {@code address}. */
    public static void censusFails(String address, int status) {
        SERVER.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress"))
                .withQueryParam("address", equalTo(address))
                .willReturn(aResponse().withStatus(status)));
    }

    /** NAIP has {@code jpeg} for every square asked for. */
    public static void naipServes(byte[] jpeg) {
        SERVER.stubFor(get(urlPathEqualTo("/naip/exportImage"))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
    }
}
