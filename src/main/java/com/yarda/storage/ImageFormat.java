package com.yarda.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats Yarda accepts, keeps and serves: the one table of their content types, file extensions and
 * signatures, for uploads, designs from any designer, and the names images are downloaded under.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "jpeg", "JPEG"),
    PNG("image/png", "png", "png", "PNG"),
    WEBP("image/webp", "webp", "webp", "WebP");

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_FOURCC = {'W', 'E', 'B', 'P'};

    private final String contentType;
    private final String extension;
    private final String imageIoName;
    private final String displayName;

    ImageFormat(String contentType, String extension, String imageIoName, String displayName) {
        this.contentType = contentType;
        this.extension = extension;
        this.imageIoName = imageIoName;
        this.displayName = displayName;
    }

    /**
     * The format the bytes themselves announce. File names and client content types are never consulted: both are
     * chosen by the sender.
     */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        // RIFF, a 4-byte little-endian length, then the form type
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_FOURCC)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    public static Optional<ImageFormat> ofContentType(String contentType) {
        return Arrays.stream(values())
                .filter(format -> format.contentType.equals(contentType))
                .findFirst();
    }

    static Optional<ImageFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(extension))
                .findFirst();
    }

    /** The media type, e.g. {@code image/jpeg}. */
    public String contentType() {
        return contentType;
    }

    /** The usual file extension without the dot, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    /** The name ImageIO registers its readers and writers for this format under. */
    String imageIoName() {
        return imageIoName;
    }

    String displayName() {
        return displayName;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
