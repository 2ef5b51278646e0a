package com.yarda.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * USDA NAIP aerial imagery through The National Map's ArcGIS ImageServer ({@code naip}): no key, public domain,
 * lower 48, 0.3–1 m per pixel, leaf-on summer flights. One square of {@code metres} around the point, in Web
 * Mercator (EPSG:3857) so that the pixels are square on the ground.
 */
final class NaipImagery implements Imagery {

    static final String CREDIT = "Imagery: USDA NAIP via USGS The National Map";
    private static final double EARTH_RADIUS = 6378137.0;

    private final SiteHttp http;
    private final SiteProperties.Naip settings;

    NaipImagery(SiteHttp http, SiteProperties.Naip settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "naip";
    }

    @Override
    public List<SiteImage> fetch(Geocoded place) {
        if (!place.located()) {
            return List.of();
        }
        String size = settings.pixels() + "," + settings.pixels();
        SiteHttp.Answer answer = http.get(
                "The NAIP imagery service",
                settings.baseUrl(),
                "/exportImage",
                SiteHttp.query(
                        "bbox", bbox(place.latitude(), place.longitude(), settings.metres()),
                        "bboxSR", "3857",
                        "imageSR", "3857",
                        "size", size,
                        "format", "jpgpng",
                        "f", "image"));
        // ArcGIS reports failures in a JSON body, often with HTTP 200: only an image is an answer
        if (!answer.isImage()) {
            throw new LookupFailed("The NAIP imagery service answered HTTP " + answer.status() + " "
                    + (answer.contentType().isEmpty() ? "without a content type" : answer.contentType())
                    + " instead of an image");
        }
        Optional<String> contentType = Pictures.usable(answer.body());
        return contentType
                .map(type -> List.of(new SiteImage(SiteImage.View.SATELLITE, answer.body(), type, CREDIT)))
                .orElse(List.of());
    }

    /** A square of {@code metres} on the ground around the point, in EPSG:3857 ({@code xmin,ymin,xmax,ymax}). */
    static String bbox(double latitude, double longitude, double metres) {
        double x = EARTH_RADIUS * Math.toRadians(longitude);
        double y = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2));
        // one Web Mercator metre is 1/cos(latitude) ground metres
        double half = metres / 2 / Math.cos(Math.toRadians(latitude));
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", x - half, y - half, x + half, y + half);
    }
}
