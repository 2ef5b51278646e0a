package com.yarda.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the service learned about the place behind an address (API.md, "The site"); any field is null when
 * unknown.
 *
 * @param formattedAddress the address as the geocoder resolved it
 * @param postalCode the 5-digit US ZIP code
 * @param country ISO 3166-1 alpha-2, e.g. {@code US}
 * @param hardinessZone the USDA 2023 zone of the ZIP code, e.g. {@code 8b}
 * @param imagery what was fetched: {@code satellite}, {@code street} (empty when nothing)
 */
public record Site(
        @Nullable String formattedAddress,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String postalCode,
        @Nullable String country,
        @Nullable HardinessZone hardinessZone,
        List<String> imagery) {

    /** The credit the zone data asks for wherever a zone is shown. */
    public static final String ZONE_ATTRIBUTION = ZoneTable.ATTRIBUTION;

    public Site {
        imagery = List.copyOf(imagery);
    }

    /** A site of which nothing is known. */
    public static Site unknown() {
        return new Site(null, null, null, null, null, null, List.of());
    }
}
