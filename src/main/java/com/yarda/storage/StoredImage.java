package com.yarda.storage;

/**
 * An image that {@link ImageStore} keeps.
 *
 * @param key the store's name for it, to be recorded by the caller and passed to {@link ImageStore#read}
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param sizeBytes the length of the stored bytes
 */
public record StoredImage(String key, String contentType, long sizeBytes) {}
