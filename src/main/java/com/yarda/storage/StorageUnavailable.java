package com.yarda.storage;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The image store cannot be written (a full or read-only disk, an unreachable bucket): 503 {@code unavailable}. The
 * request that needed it changed nothing; the service itself is fine, and {@code GET /health} says which part is not.
 */
public class StorageUnavailable extends ProblemException {

    /** The photo of the request could not be stored. */
    public StorageUnavailable() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "Photos cannot be stored right now; nothing was kept or charged. Try again later.");
    }
}
