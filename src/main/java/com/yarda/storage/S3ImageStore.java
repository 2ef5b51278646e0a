package com.yarda.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Keeps each image as an object of an S3-compatible bucket, named after a random UUID as {@link FilesystemImageStore}
 * names its files ({@code abcd….jpg}). Every instance of the service that points at the bucket reads what any of them
 * stored: a PUT is durable and readable by all once S3 has answered it.
 *
 * <p>A key that the store did not hand out is not found without asking the bucket, so that no caller can name any
 * other object in it. The object's {@code Content-Type} is the image's type; on reading, the type comes from the key's
 * extension, which the store chose from that same type, so an object whose metadata was changed by hand is still
 * served as what it is. The {@link S3Client} is thread-safe, and so is this store.
 */
final class S3ImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);

    /** The only keys this store hands out: a lower-case UUID and a known extension. */
    private static final Pattern KEY = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(?<extension>jpg|png|webp)");

    private final S3Client s3;
    private final String bucket;

    S3ImageStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        log.info("Images are kept in the S3 bucket {}", bucket);
    }

    @Override
    public StoredImage store(byte[] bytes, String contentType) {
        ImageFormat format = ImageFormat.ofContentType(contentType)
                .orElseThrow(() -> new IllegalArgumentException("Cannot store images of type " + contentType));
        String key = UUID.randomUUID() + "." + format.extension();
        try {
            s3.putObject(
                    put -> put.bucket(bucket).key(key).contentType(format.contentType()), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("Cannot store an image in the S3 bucket " + bucket, e);
        }
        log.debug("Stored {} ({} bytes)", key, bytes.length);
        return new StoredImage(key, format.contentType(), bytes.length);
    }

    @Override
    public Optional<ImageBlob> read(String key) {
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String contentType = ImageFormat.ofExtension(matcher.group("extension"))
                .orElseThrow()
                .contentType();
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
            return Optional.of(new ImageBlob(key, contentType, object.asByteArrayUnsafe()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("Cannot read the image " + key + " from the S3 bucket " + bucket, e);
        }
    }

    @Override
    public boolean delete(String key) {
        if (!KEY.matcher(key).matches()) {
            return false;
        }
        try {
            // S3 answers a DELETE alike whether or not there was an object; the HEAD says whether there was one
            s3.headObject(head -> head.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw failure("Cannot delete the image " + key + " from the S3 bucket " + bucket, e);
        }
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("Cannot delete the image " + key + " from the S3 bucket " + bucket, e);
        }
        log.debug("Deleted {}", key);
        return true;
    }

    /**
     * What {@link ImageStore} promises for a storage failure: an unreachable service, refused credentials, a missing
     * bucket and every other error S3 answers.
     */
    private static UncheckedIOException failure(String message, SdkException e) {
        return new UncheckedIOException(message, new IOException(e.getMessage(), e));
    }
}
