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

    /** A file name for this image: {@code stem} with the extension of its format, e.g. {@code yarda-1.jpg}. */
    public String fileName(String stem) {
        return ImageFormat.ofContentType(contentType)
                .map(format -> stem + "." + format.extension())
                .orElseThrow(() -> new IllegalStateException("image " + key + " is kept as " + contentType
                        + ", which is not one of the formats Yarda keeps"));
    }
}
