package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImageStoreContract} for files, and what only files need: shard directories, permissions, atomic writes. */
class FilesystemImageStoreTest extends ImageStoreContract {

    @TempDir
    Path dataDir;

    private Path root;
    private FilesystemImageStore store;

    @BeforeEach
    void newStore() {
        root = dataDir.resolve("images");
        store = new FilesystemImageStore(root);
    }

    @Override
    ImageStore store() {
        return store;
    }

    /**
     * The image directory swapped for a regular file: nothing can be read, written or created under it, whoever the
     * tests run as (file permissions do not stop root).
     */
    @Override
    void makeStorageUnreachable() throws IOException {
        Files.move(root, root.resolveSibling("images-away"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(root, "not a directory");
    }

    @Test
    void writesIntoShardDirectoriesOnlyTheOwnerCanRead() throws IOException {
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
        for (int i = 0; i < 20; i++) {
            store.store(new byte[] {(byte) i}, "image/png");
        }

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .hasSize(20)
                    .allMatch(name -> name.matches("[0-9a-f-]{36}\\.png"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../secret.png",
                "../../secret.png",
                "ab/cd/../../../secret.png",
                "0123abcd-0000-4000-8000-000000000000.png/../../../secret.png"
            })
    void neverReadsNorDeletesAFileOutsideTheStore(String key) throws IOException {
        Path secret = Files.writeString(dataDir.resolve("secret.png"), "not an image of the store");

        assertThat(store.read(key)).isEmpty();
        assertThat(store.delete(key)).isFalse();
        assertThat(secret).exists();
    }
}
