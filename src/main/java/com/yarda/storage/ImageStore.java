package com.yarda.storage;

import java.util.Optional;

/**
 * Keeps image bytes under keys it generates itself. Callers record the key (for example with an upload or a
 * generation) and never build one: a key the store did not hand out, including anything that looks like a path, is
 * simply not found.
 */
public interface ImageStore {

    /**
     * Keeps {@code bytes} under a new key. When this returns, the bytes are durable and readable by every instance
     * that shares the store.
     *
     * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
     * @throws IllegalArgumentException for any other content type
     * @throws java.io.UncheckedIOException when the storage cannot be written
     */
    StoredImage store(byte[] bytes, String contentType);

    /**
     * The image kept under {@code key}, or empty when there is none (never stored, deleted, or not a key of this
     * store).
     *
     * @throws java.io.UncheckedIOException when the storage cannot be read
     */
    Optional<ImageBlob> read(String key);

    /**
     * Removes the image kept under {@code key}; deleting an image that is not there is not an error.
     *
     * @return whether there was an image to delete
     * @throws java.io.UncheckedIOException when the storage cannot be written
     */
    boolean delete(String key);
}
