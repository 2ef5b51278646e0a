package com.yarda.site;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's Geocoding API ({@code google}): worldwide, {@code ROOFTOP} where Google has it; needs a key, which never
 * appears in a log or a failure. The outcome is the {@code status} in the body, not only the HTTP status.
 */
final class GoogleGeocoder implements Geocoder {

    private static final String SERVICE = "Google's geocoder";

    private final SiteHttp http;
    private final SiteProperties.Google settings;
    private final JsonMapper json;

    GoogleGeocoder(SiteHttp http, SiteProperties.Google settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public Optional<Geocoded> geocode(String address) {
        SiteHttp.Answer answer = http.get(
                SERVICE,
                settings.baseUrl(),
                "/maps/api/geocode/json",
                SiteHttp.query("address", address, "key", String.valueOf(settings.apiKey())));
        JsonNode body = Json.parse(json, answer, SERVICE);
        String status = Json.text(body.path("status"));
        if (answer.status() != 200 || status.isEmpty()) {
            throw new LookupFailed(
                    SERVICE + " answered HTTP " + answer.status() + (status.isEmpty() ? "" : " " + status));
        }
        switch (status) {
            case "OK" -> {}
            case "ZERO_RESULTS" -> {
                return Optional.empty();
            }
            // REQUEST_DENIED (key), OVER_QUERY_LIMIT, OVER_DAILY_LIMIT, INVALID_REQUEST, UNKNOWN_ERROR
            default -> throw new LookupFailed(SERVICE + " answered " + status);
        }
        JsonNode result = body.path("results").path(0);
        JsonNode location = result.path("geometry").path("location");
        if (!location.path("lat").isNumber() || !location.path("lng").isNumber()) {
            throw new LookupFailed(SERVICE + " answered OK without a location");
        }
        return Optional.of(new Geocoded(
                Json.textOrNull(result.path("formatted_address")),
                location.path("lat").asDouble(),
                location.path("lng").asDouble(),
                component(result, "postal_code"),
                component(result, "country"),
                "ROOFTOP".equals(Json.text(result.path("geometry").path("location_type")))));
    }

    /** The short name of the address component of {@code type} ({@code postal_code}, not its suffix). */
    private static @Nullable String component(JsonNode result, String type) {
        for (JsonNode component : result.path("address_components")) {
            for (JsonNode kind : component.path("types")) {
                if (type.equals(Json.text(kind))) {
                    return Json.textOrNull(component.path("short_name"));
                }
            }
        }
        return null;
    }
}
