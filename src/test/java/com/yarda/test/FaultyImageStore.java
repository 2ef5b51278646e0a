package com.yarda.test;

import com.yarda.storage.ImageBlob;
import com.yarda.storage.ImageStore;
import com.yarda.storage.StoredImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps the application's image store so that a test can make the deletion of one image fail a given number of
 * times, as a store does whose disk or bucket refuses writes for a while. Every other call, and every other image,
 * goes to the real store. (Tests run as root, whom file permissions do not stop.)
 */
public final class FaultyImageStore implements ImageStore {

    private final ImageStore real;
    private final Map<String, Integer> failingDeletes = new ConcurrentHashMap<>();

    public FaultyImageStore(ImageStore real) {
        this.real = real;
    }

    /** The next {@code times} deletions of {@code key} fail as the real store fails, with an UncheckedIOException. */
    public void failDeletes(String key, int times) {
        failingDeletes.put(key, times);
    }

    @Override
    public StoredImage store(byte[] bytes, String contentType) {
        return real.store(bytes, contentType);
    }

    @Override
    public Optional<ImageBlob> read(String key) {
        return real.read(key);
    }

    @Override
    public boolean delete(String key) {
        boolean[] fails = {false};
        failingDeletes.computeIfPresent(key, (k, times) -> {
            fails[0] = true;
            return times > 1 ? times - 1 : null;
        });
        if (fails[0]) {
            throw new UncheckedIOException(new IOException("Read-only file system (injected for " + key + ")"));
        }
        return real.delete(key);
    }
}
