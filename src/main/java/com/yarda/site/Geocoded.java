package com.yarda.site;

import org.jspecify.annotations.Nullable;

/**
 * Where a geocoder placed an address.
 *
 * @param rooftop whether the point is the building itself (Google's {@code ROOFTOP}) rather than a point
 *     interpolated along the street, which is all the Census gives
 */
record Geocoded(
        @Nullable String formattedAddress,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String postalCode,
        @Nullable String country,
        boolean rooftop) {

    boolean located() {
        return latitude != null && longitude != null;
    }
}
