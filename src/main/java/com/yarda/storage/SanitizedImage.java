package com.yarda.storage;

/**
 * An upload after {@link ImageUploads#sanitize}: decoded, turned upright and encoded again with no metadata at all.
 * Like every record holding an array, two of them are equal only when they share the same array.
 *
 * @param bytes the re-encoded image, ready for {@link ImageStore#store}
 * @param contentType {@code image/jpeg} for JPEG uploads, {@code image/png} for PNG and WebP uploads
 * @param width the width in pixels, as the image is displayed
 * @param height the height in pixels, as the image is displayed
 */
public record SanitizedImage(byte[] bytes, String contentType, int width, int height) {

    public long sizeBytes() {
        return bytes.length;
    }
}
