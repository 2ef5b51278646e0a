package com.yarda.site;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline geocoder ({@code none}): only a US ZIP code written in the address (the last one, 5 digits or
 * ZIP+4), which is enough for the hardiness zone. No coordinates, so no imagery.
 */
final class ZipGeocoder implements Geocoder {

    // not part of a longer number: "12345 Main St" has no ZIP, "…, MN 55401-1234" has 55401
    private static final Pattern ZIP = Pattern.compile("(?<![\\d-])(\\d{5})(?:-\\d{4})?(?![\\d-])");

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Optional<Geocoded> geocode(String address) {
        return zipIn(address).map(zip -> new Geocoded(null, null, null, zip, null, false));
    }

    /** The last ZIP code written in {@code address}, if any; a house number first in the address is not one. */
    static Optional<String> zipIn(String address) {
        Matcher matcher = ZIP.matcher(address);
        String last = null;
        while (matcher.find()) {
            // a number that opens the address is its house number
            if (matcher.start() > 0 && !address.substring(0, matcher.start()).isBlank()) {
                last = matcher.group(1);
            }
        }
        return Optional.ofNullable(last);
    }
}
