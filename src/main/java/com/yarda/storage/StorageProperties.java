package com.yarda.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Image storage and upload limits ({@code yarda.storage.*}).
 *
 * @param directory where images are kept; unset means {@code {yarda.data-dir}/images}
 * @param maxUploadSize the largest upload accepted, in bytes as sent (larger ones answer 413)
 * @param maxPixels the most pixels (width × height) an upload may have (more answer 413)
 * @param maxConcurrentDecodes how many uploads are decoded at once, each on a thread of its own; unset means one
 *     fewer than the cores, at least one ({@link #decodeConcurrency()}): decoding is pure CPU, so more at once only
 *     makes each slower, and a core left over keeps every other request (and an embedded database) answering quickly
 *     during a burst of large images
 * @param decodeWait how long an upload waits for a decode thread and for room in the memory budget before it is
 *     refused with 503 {@code unavailable}; a burst of large images is answered at once instead of queueing
 * @param decodeMemory the memory that the decoded pixels of all uploads being decoded may take together; unset means
 *     a quarter of the JVM's maximum heap ({@link #decodeMemoryBytes()})
 * @param decodeMaxSide the longest side, in pixels, of an image as it is decoded and stored: a larger upload is
 *     decoded subsampled (every n-th pixel of every n-th row), so its pixels never take more memory than an image of
 *     this size; at least 640, the smallest photo a design accepts
 * @param type where images are kept: in {@link #directory()} ({@code filesystem}, the default) or in an S3-compatible
 *     bucket ({@code s3}), which instances on several machines share
 * @param s3 the bucket when {@link #type()} is {@code s3} ({@code yarda.storage.s3.*})
 */
@Validated
@ConfigurationProperties("yarda.storage")
public record StorageProperties(
        @Nullable Path directory,
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Positive @DefaultValue("40000000") long maxPixels,
        @Nullable @Positive Integer maxConcurrentDecodes,
        @NotNull @DefaultValue("2s") Duration decodeWait,
        @Nullable DataSize decodeMemory,
        @Min(640) @DefaultValue("4096") int decodeMaxSide,
        @NotNull @DefaultValue("filesystem") Type type,
        @Valid @NotNull @DefaultValue S3 s3) {

    /** Where images are kept. */
    public enum Type {
        FILESYSTEM,
        S3
    }

    /**
     * An S3-compatible bucket ({@code yarda.storage.s3.*}).
     *
     * @param bucket the bucket's name; it must exist, Yarda does not create it
     * @param endpoint the service's URL for an S3-compatible service (MinIO, Ceph, R2, …); unset means AWS's own
     * @param region the region to sign requests for; unset means the standard AWS chain ({@code AWS_REGION}, the
     *     profile), and {@code us-east-1} when that names none, as most S3-compatible services expect
     * @param pathStyleAccess {@code https://host/bucket/key} rather than {@code https://bucket.host/key}: what most
     *     S3-compatible services behind a single host name need
     * @param accessKey with {@code secretKey}, the credentials; both unset means the standard AWS chain (environment,
     *     profile, container or instance role)
     * @param secretKey never logged
     */
    public record S3(
            @Nullable String bucket,
            @Nullable URI endpoint,
            @Nullable String region,
            @DefaultValue("false") boolean pathStyleAccess,
            @Nullable String accessKey,
            @Nullable String secretKey) {

        public S3 {
            if ((accessKey == null || accessKey.isBlank()) != (secretKey == null || secretKey.isBlank())) {
                throw new IllegalArgumentException(
                        "yarda.storage.s3.access-key and yarda.storage.s3.secret-key must be set together, or neither"
                                + " (then the standard AWS credentials chain is used)");
            }
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
                throw new IllegalArgumentException(
                        "yarda.storage.s3.endpoint must be an absolute URL such as https://s3.example.com, not "
                                + endpoint);
            }
        }

        /** Static credentials were given ({@link #accessKey()} and {@link #secretKey()}). */
        public boolean hasStaticCredentials() {
            return accessKey != null && !accessKey.isBlank();
        }

        @Override
        public String toString() {
            // a record's own toString would print the secret key
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess="
                    + pathStyleAccess + ", accessKey=" + accessKey + ", secretKey="
                    + (secretKey == null ? null : "******") + "]";
        }
    }

    public StorageProperties {
        if (type == Type.S3 && (s3 == null || s3.bucket() == null || s3.bucket().isBlank())) {
            throw new IllegalArgumentException(
                    "yarda.storage.s3.bucket must be set when yarda.storage.type is s3: it names the bucket that"
                            + " keeps the images");
        }
        if (decodeWait != null && decodeWait.isNegative()) {
            throw new IllegalArgumentException("yarda.storage.decode-wait must not be negative");
        }
        if (decodeMemory != null && decodeMemory.toBytes() <= 0) {
            throw new IllegalArgumentException("yarda.storage.decode-memory must be positive");
        }
    }

    /** The image directory: {@link #directory()} when set, otherwise {@code images} under the data directory. */
    public Path imagesDirectory(Path dataDir) {
        return directory != null ? directory : dataDir.resolve("images");
    }

    /**
     * How many uploads are decoded at once: {@link #maxConcurrentDecodes()}, or one fewer than the cores (at least one)
     * when it is unset.
     */
    public int decodeConcurrency() {
        return maxConcurrentDecodes != null
                ? maxConcurrentDecodes
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The decode memory budget in bytes: {@link #decodeMemory()}, or a quarter of the maximum heap when unset. */
    public long decodeMemoryBytes() {
        return decodeMemory != null
                ? decodeMemory.toBytes()
                : Runtime.getRuntime().maxMemory() / 4;
    }
}
