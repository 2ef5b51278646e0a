package com.yarda.site;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The US Census Geocoder ({@code census}): no key, public domain, US only. Its point lies on the street's address
 * range, not on the roof; its ZIP comes from the matched range and may differ from the one typed.
 */
final class CensusGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(CensusGeocoder.class);
    /** The longest one-line address the Census accepts. */
    static final int MAX_ADDRESS = 100;

    private final SiteHttp http;
    private final SiteProperties.Census settings;
    private final JsonMapper json;

    CensusGeocoder(SiteHttp http, SiteProperties.Census settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String name() {
        return "census";
    }

    @Override
    public Optional<Geocoded> geocode(String address) {
        if (address.length() > MAX_ADDRESS) {
            log.debug("Address of {} characters is longer than the Census accepts; not asked", address.length());
            return Optional.empty();
        }
        SiteHttp.Answer answer = http.get(
                "The Census geocoder",
                settings.baseUrl(),
                "/geocoder/locations/onelineaddress",
                SiteHttp.query("address", address, "benchmark", settings.benchmark(), "format", "json"));
        JsonNode body = parse(answer);
        if (answer.status() != 200) {
            throw new LookupFailed("The Census geocoder answered HTTP " + answer.status()
                    + (body.path("errors").isArray()
                            ? ": " + Json.text(body.path("errors").path(0))
                            : ""));
        }
        JsonNode matches = body.path("result").path("addressMatches");
        if (!matches.isArray()) {
            throw new LookupFailed("The Census geocoder answered without addressMatches");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        JsonNode match = matches.path(0);
        JsonNode coordinates = match.path("coordinates");
        if (!coordinates.path("x").isNumber() || !coordinates.path("y").isNumber()) {
            throw new LookupFailed("The Census geocoder answered a match without coordinates");
        }
        String zip = Json.text(match.path("addressComponents").path("zip"));
        return Optional.of(new Geocoded(
                Json.textOrNull(match.path("matchedAddress")),
                coordinates.path("y").asDouble(), // y is the latitude, x the longitude
                coordinates.path("x").asDouble(),
                zip.matches("\\d{5}") ? zip : null,
                "US",
                false));
    }

    private JsonNode parse(SiteHttp.Answer answer) {
        return Json.parse(json, answer, "The Census geocoder");
    }
}
