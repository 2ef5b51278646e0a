package com.yarda.storage;

/**
 * Why a photo cannot become a design ({@link PhotoQuality}). Each message follows the name of the request field that
 * carried the photo, as every field message of the API does, and says what to do instead.
 */
public enum PhotoFlaw {
    TOO_SMALL("is too small: send one of at least " + PhotoQuality.MIN_LONG_SIDE + "×" + PhotoQuality.MIN_SHORT_SIDE
            + " pixels"),
    TOO_DARK("is too dark: take it in daylight"),
    OVEREXPOSED("is overexposed: avoid pointing at the sun"),
    ALMOST_UNIFORM("shows almost nothing: point the camera at the yard"),
    BLURRED("is blurred: hold the phone still and tap to focus");

    private final String message;

    PhotoFlaw(String message) {
        this.message = message;
    }

    /** What is wrong and what to do, e.g. {@code is too dark: take it in daylight}. */
    public String message() {
        return message;
    }
}
