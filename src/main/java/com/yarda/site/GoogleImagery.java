package com.yarda.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's imagery ({@code google}): a Street View picture aimed at the house (the free metadata call first, so
 * that a place without a panorama costs nothing) and a Maps Static satellite picture. Each view on its own: one
 * that fails does not lose the other. The key never appears in a log or a failure.
 */
final class GoogleImagery implements Imagery {

    private static final Logger log = LoggerFactory.getLogger(GoogleImagery.class);
    private static final String STREET_VIEW = "Google Street View";
    private static final String STATIC_MAPS = "Google Maps Static";

    private final SiteHttp http;
    private final SiteProperties.Google settings;
    private final JsonMapper json;

    GoogleImagery(SiteHttp http, SiteProperties.Google settings, JsonMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public List<SiteImage> fetch(Geocoded place) {
        if (!place.located()) {
            return List.of();
        }
        List<SiteImage> images = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            street(place).ifPresent(images::add);
        } catch (LookupFailed e) {
            failures.add(e.getMessage());
        }
        try {
            satellite(place).ifPresent(images::add);
        } catch (LookupFailed e) {
            failures.add(e.getMessage());
        }
        if (images.isEmpty() && failures.size() == 2) {
            throw new LookupFailed(String.join("; ", failures));
        }
        failures.forEach(failure -> log.warn("Site imagery incomplete: {}", failure));
        return images;
    }

    private Optional<SiteImage> street(Geocoded place) {
        String at = coordinates(place.latitude(), place.longitude());
        SiteHttp.Answer metadata = http.get(
                STREET_VIEW,
                settings.baseUrl(),
                "/maps/api/streetview/metadata",
                SiteHttp.query("location", at, "radius", "50", "source", "outdoor", "key", key()));
        JsonNode body = Json.parse(json, metadata, STREET_VIEW);
        String status = Json.text(body.path("status"));
        switch (status) {
            case "OK" -> {}
            case "ZERO_RESULTS", "NOT_FOUND" -> {
                return Optional.empty();
            }
            default ->
                throw new LookupFailed(STREET_VIEW + " metadata answered HTTP " + metadata.status()
                        + (status.isEmpty() ? "" : " " + status));
        }
        String pano = Json.text(body.path("pano_id"));
        JsonNode camera = body.path("location");
        SiteHttp.Answer image;
        if (place.rooftop()
                && !pano.isEmpty()
                && camera.path("lat").isNumber()
                && camera.path("lng").isNumber()) {
            // aim from where the camera stood at the house
            double heading = heading(
                    camera.path("lat").asDouble(), camera.path("lng").asDouble(), place.latitude(), place.longitude());
            image = streetImage("pano", pano, String.format(Locale.ROOT, "%.1f", heading));
        } else {
            // an interpolated point (the Census) lies somewhere along the street: let Google aim at it
            image = streetImage("location", at, null);
        }
        if (image.status() == 404) {
            return Optional.empty();
        }
        if (!image.isImage()) {
            throw new LookupFailed(STREET_VIEW + " answered HTTP " + image.status() + " instead of an image");
        }
        String date = Json.text(body.path("date"));
        String credit = "Street View © Google" + (date.isEmpty() ? "" : ", " + date);
        return Pictures.usable(image.body())
                .map(type -> new SiteImage(SiteImage.View.STREET, image.body(), type, credit));
    }

    private SiteHttp.Answer streetImage(String by, String value, @Nullable String heading) {
        var query = SiteHttp.query(by, value, "size", "640x480", "pitch", "5", "fov", "80", "source", "outdoor");
        if (heading != null) {
            query.put("heading", heading);
        }
        query.put("return_error_code", "true");
        query.put("key", key());
        return http.get(STREET_VIEW, settings.baseUrl(), "/maps/api/streetview", query);
    }

    private Optional<SiteImage> satellite(Geocoded place) {
        SiteHttp.Answer image = http.get(
                STATIC_MAPS,
                settings.baseUrl(),
                "/maps/api/staticmap",
                SiteHttp.query(
                        "center", coordinates(place.latitude(), place.longitude()),
                        "zoom", "20",
                        "size", "640x640",
                        "maptype", "satellite",
                        "format", "png",
                        "key", key()));
        if (!image.isImage()) {
            throw new LookupFailed(STATIC_MAPS + " answered HTTP " + image.status() + " instead of an image");
        }
        return Pictures.usable(image.body())
                .map(type -> new SiteImage(SiteImage.View.SATELLITE, image.body(), type, "Satellite imagery © Google"));
    }

    /** The initial bearing from the camera to the house, degrees clockwise from north. */
    static double heading(double fromLat, double fromLng, double toLat, double toLng) {
        double f1 = Math.toRadians(fromLat);
        double f2 = Math.toRadians(toLat);
        double dl = Math.toRadians(toLng - fromLng);
        double y = Math.sin(dl) * Math.cos(f2);
        double x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    private static String coordinates(double latitude, double longitude) {
        return String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude);
    }

    private String key() {
        return String.valueOf(settings.apiKey());
    }
}
