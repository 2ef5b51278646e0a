package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ImageStore} promises, whatever keeps the bytes: each store's test extends this, so that the
 * filesystem and S3 are held to the same behaviour.
 */
abstract class ImageStoreContract {

    /** A well-formed key of a store that never handed it out. */
    static final String NEVER_STORED = "0123abcd-0000-4000-8000-000000000000.png";

    /** The store under test, empty, for this test alone. */
    abstract ImageStore store();

    /** Makes {@link #store()}'s storage unreachable (a full or read-only disk, a bucket that cannot be reached). */
    abstract void makeStorageUnreachable() throws Exception;

    @Test
    void readsBackWhatItStored() {
        byte[] bytes = TestImages.quadrantJpeg(16, 16);

        StoredImage stored = store().store(bytes, "image/jpeg");

        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.sizeBytes()).isEqualTo(bytes.length);
        assertThat(stored.key()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.jpg");
        ImageBlob blob = store().read(stored.key()).orElseThrow();
        assertThat(blob.bytes()).isEqualTo(bytes);
        assertThat(blob.contentType()).isEqualTo("image/jpeg");
        assertThat(blob.key()).isEqualTo(stored.key());
        assertThat(blob.sizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void keepsTheContentTypeOfEachFormat() {
        for (String contentType : List.of("image/jpeg", "image/png", "image/webp")) {
            StoredImage stored = store().store(new byte[] {1, 2, 3}, contentType);

            assertThat(stored.contentType()).isEqualTo(contentType);
            assertThat(store().read(stored.key()).orElseThrow().contentType()).isEqualTo(contentType);
        }
    }

    @Test
    void keepsAnEmptyImageAsEmpty() {
        StoredImage stored = store().store(new byte[0], "image/png");

        assertThat(store().read(stored.key()).orElseThrow().bytes()).isEmpty();
    }

    @Test
    void refusesContentTypesThatAreNotImagesItKeeps() {
        assertThatThrownBy(() -> store().store(new byte[] {1}, "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().store(new byte[] {1}, "image/gif"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsNothingUnderAWellFormedKeyThatWasNeverStored() {
        assertThat(store().read(NEVER_STORED)).isEmpty();
        assertThat(store().delete(NEVER_STORED)).isFalse();
    }

    @Test
    void deletesAnImageOnce() {
        StoredImage stored = store().store(new byte[] {9, 9, 9}, "image/webp");
        StoredImage other = store().store(new byte[] {8, 8, 8}, "image/webp");

        assertThat(store().delete(stored.key())).isTrue();

        assertThat(store().read(stored.key())).isEmpty();
        assertThat(store().delete(stored.key())).isFalse();
        assertThat(store().read(other.key()).orElseThrow().bytes()).containsExactly(8, 8, 8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "/etc/passwd",
                "..",
                "",
                "secret.png",
                "../secret.png",
                "ab/cd/../../../secret.png",
                "..%2F..%2Fsecret.png",
                "0123abcd-0000-4000-8000-000000000000.png/../../../secret.png",
                "images/0123abcd-0000-4000-8000-000000000000.png",
                "0123ABCD-0000-4000-8000-000000000000.png",
                "0123abcd-0000-4000-8000-000000000000.exe",
                "0123abcd-0000-4000-8000-000000000000",
                "0123abcd-0000-4000-8000-000000000000.png\0",
                "0123abcd-0000-4000-8000-000000000000.png?versionId=1",
                " 0123abcd-0000-4000-8000-000000000000.png"
            })
    void findsNothingUnderAKeyItDidNotGenerateWithoutAskingTheStorage(String key) throws Exception {
        StoredImage stored = store().store(new byte[] {7}, "image/png");
        String storedButAltered = stored.key() + "/";
        makeStorageUnreachable();

        // not found rather than failed: the storage was not even asked
        assertThat(store().read(key)).isEmpty();
        assertThat(store().delete(key)).isFalse();
        assertThat(store().read(storedButAltered)).isEmpty();
        assertThat(store().delete(storedButAltered)).isFalse();
    }

    @Test
    void failsWithAnUncheckedIOExceptionWhileTheStorageCannotBeReached() throws Exception {
        StoredImage stored = store().store(new byte[] {5, 5}, "image/jpeg");

        makeStorageUnreachable();

        assertThatThrownBy(() -> store().store(new byte[] {1}, "image/png")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> store().read(stored.key())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> store().delete(stored.key())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void concurrentStoresEachKeepTheirOwnImage() throws Exception {
        int threads = 8;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<StoredImage>>> writers = new ArrayList<>();
        ConcurrentHashMap<String, byte[]> written = new ConcurrentHashMap<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(() -> {
                start.await();
                List<StoredImage> stored = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    byte[] bytes = ("image " + thread + "/" + i).getBytes(StandardCharsets.US_ASCII);
                    StoredImage image = store().store(bytes, "image/png");
                    written.put(image.key(), bytes);
                    stored.add(image);
                }
                return stored;
            });
        }

        Set<String> keys = new HashSet<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<List<StoredImage>>> results = new ArrayList<>();
            for (Callable<List<StoredImage>> writer : writers) {
                results.add(executor.submit(writer));
            }
            start.countDown();
            for (Future<List<StoredImage>> result : results) {
                result.get().forEach(image -> keys.add(image.key()));
            }
        }

        assertThat(keys).hasSize(threads * perThread);
        for (String key : keys) {
            assertThat(store().read(key).orElseThrow().bytes()).isEqualTo(written.get(key));
        }
    }
}
