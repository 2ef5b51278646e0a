package com.yarda.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each image in its own file, {@code {root}/ab/cd/abcd….ext}, named after a random UUID. Two levels of 256
 * shard directories keep every directory small even with millions of images.
 *
 * <p>A file appears under its final name only once it is complete and flushed to disk: it is written to a temporary
 * name in the same directory, forced, and then renamed atomically. Readers therefore never see a partial image, and
 * a crash leaves at most a stray {@code .*.tmp} file, never a truncated image.
 */
final class FilesystemImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemImageStore.class);

    /**
     * The only keys this store hands out: a lower-case UUID and a known extension. Matching the whole key against it
     * is what keeps a caller-supplied key from naming any file outside the store ({@code ..}, separators, absolute
     * paths and encodings all fail it).
     */
    private static final Pattern KEY = Pattern.compile(
            "(?<shard1>[0-9a-f]{2})(?<shard2>[0-9a-f]{2})[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "\\.(?<extension>jpg|png|webp)");

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path root;
    private final FileAttribute<?>[] fileAttributes;
    private final FileAttribute<?>[] directoryAttributes;

    FilesystemImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        // Photos show people's homes: only the service's own user may read them.
        boolean posix = this.root.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.fileAttributes = permissions(posix, "rw-------");
        this.directoryAttributes = permissions(posix, "rwx------");
        try {
            // at startup rather than on the first upload, so that an unwritable directory stops the service at once
            Files.createDirectories(this.root, directoryAttributes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the image directory " + this.root, e);
        }
        log.info("Images are kept in {}", this.root);
    }

    @Override
    public StoredImage store(byte[] bytes, String contentType) {
        ImageFormat format = ImageFormat.ofContentType(contentType)
                .orElseThrow(() -> new IllegalArgumentException("Cannot store images of type " + contentType));
        String key = UUID.randomUUID() + "." + format.extension();
        Path target = fileOf(KEY.matcher(key)).orElseThrow();
        Path directory = target.getParent();
        Path temporary = directory.resolve("." + key + ".tmp");
        try {
            createShardDirectories(directory);
            try {
                write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            // the rename itself is durable only once the directory is
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an image in " + directory, e);
        }
        log.debug("Stored {} ({} bytes)", key, bytes.length);
        return new StoredImage(key, format.contentType(), bytes.length);
    }

    @Override
    public Optional<ImageBlob> read(String key) {
        Matcher matcher = KEY.matcher(key);
        Optional<Path> file = fileOf(matcher);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String contentType = ImageFormat.ofExtension(matcher.group("extension"))
                .orElseThrow()
                .contentType();
        try {
            return Optional.of(new ImageBlob(key, contentType, Files.readAllBytes(file.get())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image " + file.get(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        Optional<Path> file = fileOf(KEY.matcher(key));
        if (file.isEmpty()) {
            return false;
        }
        try {
            // Empty shard directories stay: removing one could race with a store writing into it.
            boolean deleted = Files.deleteIfExists(file.get());
            if (deleted) {
                forceDirectory(file.get().getParent());
                log.debug("Deleted {}", key);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the image " + file.get(), e);
        }
    }

    /** The file for a key that matched {@link #KEY}; empty for anything else. */
    private Optional<Path> fileOf(Matcher key) {
        if (!key.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                root.resolve(key.group("shard1")).resolve(key.group("shard2")).resolve(key.group()));
    }

    private static FileAttribute<?>[] permissions(boolean posix, String permissions) {
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    private void createShardDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory, directoryAttributes);
        // A new directory's own entry must reach the disk too, or a crash could lose every image in it.
        forceDirectory(directory.getParent());
        forceDirectory(root);
    }

    private void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW, fileAttributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the file itself was forced, which is what matters most.
            log.debug("Could not sync directory {}: {}", directory, e.toString());
        }
    }
}
