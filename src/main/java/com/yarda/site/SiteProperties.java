package com.yarda.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the site comes from ({@code yarda.site.*}). The default is offline: only a ZIP code written in the
 * address, no imagery.
 *
 * @param geocoder {@code none}, {@code census} or {@code google}
 * @param imagery {@code none}, {@code naip} or {@code google}
 * @param connectTimeout the longest wait for a connection to any of these services
 * @param timeout the longest one call to any of these services may take (the Census is slow at times)
 */
@Validated
@ConfigurationProperties("yarda.site")
record SiteProperties(
        @NotNull @DefaultValue("none") GeocoderType geocoder,
        @NotNull @DefaultValue("none") ImageryType imagery,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("15s") Duration timeout,
        @Valid @NotNull @DefaultValue Census census,
        @Valid @NotNull @DefaultValue Naip naip,
        @Valid @NotNull @DefaultValue Google google) {

    enum GeocoderType {
        NONE,
        CENSUS,
        GOOGLE
    }

    enum ImageryType {
        NONE,
        NAIP,
        GOOGLE
    }

    /** The US Census Geocoder: no key, public domain, US only. */
    record Census(
            @NotNull @DefaultValue("https://geocoding.geo.census.gov")
            URI baseUrl,

            @NotNull @DefaultValue("Public_AR_Current") String benchmark) {}

    /**
     * USGS NAIP aerial imagery through The National Map's ImageServer: no key, public domain, lower 48.
     *
     * @param baseUrl the ImageServer, without {@code /exportImage}
     * @param metres the side of the square on the ground around the point
     */
    record Naip(
            @NotNull @DefaultValue("https://imagery.nationalmap.gov/arcgis/rest/services/USGSNAIPImagery/ImageServer")
            URI baseUrl,

            @DefaultValue("60") double metres,
            @DefaultValue("512") int pixels) {}

    /** Google Maps Platform: Geocoding, Street View Static and Maps Static; billed, needs a key. */
    record Google(
            @NotNull @DefaultValue("https://maps.googleapis.com")
            URI baseUrl,

            @Nullable String apiKey) {

        /** Renders without the key, so the settings can be logged. */
        @Override
        public String toString() {
            return "Google[baseUrl=%s, apiKey=%s]"
                    .formatted(baseUrl, apiKey == null || apiKey.isBlank() ? "(none)" : "(set)");
        }
    }
}
