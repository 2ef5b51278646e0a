package com.yarda.storage;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An upload that is not a JPEG, PNG or WebP image, judged by its bytes: 415 {@code unsupported_media_type}. Also a
 * file that starts like one of them but cannot be decoded, such as a truncated photo.
 */
public class UnsupportedImage extends ProblemException {

    static final String ACCEPTED = "Upload a JPEG, PNG or WebP photo.";

    /** The bytes are not an image of an accepted format. */
    public UnsupportedImage() {
        this("The file is not an image Yarda can read. " + ACCEPTED);
    }

    UnsupportedImage(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Unsupported media type", detail);
    }

    /** The bytes announce {@code format} but do not decode as one. */
    static UnsupportedImage unreadable(ImageFormat format) {
        return new UnsupportedImage("The file starts like a " + format.displayName()
                + " image but cannot be read; it may be damaged or incomplete. " + ACCEPTED);
    }
}
