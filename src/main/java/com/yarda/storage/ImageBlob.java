package com.yarda.storage;

/**
 * The bytes of a stored image, as {@link ImageStore#read} returns them. Like every record holding an array, two
 * blobs are equal only when they share the same array.
 *
 * @param key the key the image is kept under
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param bytes the encoded image
 */
public record ImageBlob(String key, String contentType, byte[] bytes) {

    public long sizeBytes() {
        return bytes.length;
    }
}
