package com.yarda.storage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
        @Min(640) @DefaultValue("4096") int decodeMaxSide) {

    public StorageProperties {
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
