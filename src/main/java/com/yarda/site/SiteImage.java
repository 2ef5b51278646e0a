package com.yarda.site;

import com.yarda.platform.ApiValue;

/**
 * A picture of the site fetched from an imagery service.
 *
 * @param view where it was taken from
 * @param bytes the encoded image as the service sent it (JPEG or PNG, checked by its bytes)
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param credit the attribution the imagery's terms ask for, e.g. {@code Imagery: USDA NAIP via USGS The National Map}
 */
public record SiteImage(View view, byte[] bytes, String contentType, String credit) {

    /** Where a picture of the site was taken from. */
    public enum View implements ApiValue {
        /** From above: aerial or satellite imagery. */
        SATELLITE,
        /** From the street, aimed at the house. */
        STREET
    }
}
