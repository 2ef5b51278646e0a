package com.yarda.storage;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload over the size limit, in bytes or in pixels: 413 {@code payload_too_large}. */
public class ImageTooLarge extends ProblemException {

    private static final long MIB = 1024 * 1024;

    /** The upload is larger than the limit; {@code detail} tells the user what is accepted. */
    public ImageTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "Payload too large", detail);
    }

    static ImageTooLarge bytes(long maxBytes) {
        String limit = maxBytes % MIB == 0 ? (maxBytes / MIB) + " MiB" : maxBytes + " bytes";
        return new ImageTooLarge("The file is larger than " + limit + ". Upload a photo of at most " + limit + ".");
    }

    static ImageTooLarge pixels(int width, int height, long maxPixels) {
        return new ImageTooLarge("The image is " + width + " × " + height + " pixels. Upload one of at most "
                + megapixels(maxPixels) + " megapixels.");
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000) : String.format("%.1f", pixels / 1e6);
    }
}
