package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemImageStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void readsBackWhatItStored() {
        FilesystemImageStore store = new FilesystemImageStore(dataDir.resolve("images"));
        byte[] bytes = TestImages.quadrantJpeg(16, 16);

        StoredImage stored = store.store(bytes, "image/jpeg");

        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.sizeBytes()).isEqualTo(bytes.length);
        assertThat(stored.key()).matches("[0-9a-f-]{36}\\.jpg");
        ImageBlob blob = store.read(stored.key()).orElseThrow();
        assertThat(blob.bytes()).isEqualTo(bytes);
        assertThat(blob.contentType()).isEqualTo("image/jpeg");
        assertThat(blob.key()).isEqualTo(stored.key());
        assertThat(blob.sizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void keepsTheContentTypeOfEachFormat() {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);

        for (String contentType : List.of("image/jpeg", "image/png", "image/webp")) {
            StoredImage stored = store.store(new byte[] {1, 2, 3}, contentType);
            assertThat(store.read(stored.key()).orElseThrow().contentType()).isEqualTo(contentType);
        }
    }

    @Test
    void refusesContentTypesThatAreNotImagesItKeeps() {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);

        assertThatThrownBy(() -> store.store(new byte[] {1}, "text/html")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesIntoShardDirectoriesOnlyTheOwnerCanRead() throws IOException {
        Path root = dataDir.resolve("images");
        FilesystemImageStore store = new FilesystemImageStore(root);

        StoredImage stored = store.store("png bytes".getBytes(StandardCharsets.US_ASCII), "image/png");

        String key = stored.key();
        Path file =
                root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertThat(file).exists().hasBinaryContent("png bytes".getBytes(StandardCharsets.US_ASCII));
        assumeThat(root.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root)))
                .isEqualTo("rwx------");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);
        for (int i = 0; i < 20; i++) {
            store.store(new byte[] {(byte) i}, "image/png");
        }

        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .hasSize(20)
                    .allMatch(name -> name.matches("[0-9a-f-]{36}\\.png"));
        }
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
                "0123ABCD-0000-4000-8000-000000000000.png",
                "0123abcd-0000-4000-8000-000000000000.exe",
                "0123abcd-0000-4000-8000-000000000000.png\0",
                " 0123abcd-0000-4000-8000-000000000000.png"
            })
    void findsNothingUnderAKeyItDidNotGenerate(String key) throws IOException {
        Path root = dataDir.resolve("images");
        FilesystemImageStore store = new FilesystemImageStore(root);
        Path secret = Files.writeString(dataDir.resolve("secret.png"), "not an image of the store");

        assertThat(store.read(key)).isEmpty();
        assertThat(store.delete(key)).isFalse();
        assertThat(secret).exists();
    }

    @Test
    void deletesAnImageOnce() {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);
        StoredImage stored = store.store(new byte[] {9, 9, 9}, "image/webp");

        assertThat(store.delete(stored.key())).isTrue();

        assertThat(store.read(stored.key())).isEmpty();
        assertThat(store.delete(stored.key())).isFalse();
    }

    @Test
    void findsNothingUnderAWellFormedKeyThatWasNeverStored() {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);

        assertThat(store.read("0123abcd-0000-4000-8000-000000000000.png")).isEmpty();
    }

    @Test
    void concurrentStoresEachKeepTheirOwnImage() throws Exception {
        FilesystemImageStore store = new FilesystemImageStore(dataDir);
        int threads = 8;
        int perThread = 50;
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
                    StoredImage image = store.store(bytes, "image/png");
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
            assertThat(store.read(key).orElseThrow().bytes()).isEqualTo(written.get(key));
        }
    }
}
