package com.yarda.storage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
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
 * @param maxConcurrentDecodes how many uploads are decoded at once; a 40-megapixel photo needs about 300 MB of heap
 *     while it is decoded and re-encoded, so the rest wait instead of exhausting the heap
 */
@Validated
@ConfigurationProperties("yarda.storage")
public record StorageProperties(
        @Nullable Path directory,
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Positive @DefaultValue("40000000") long maxPixels,
        @Positive @DefaultValue("2") int maxConcurrentDecodes) {

    /** The image directory: {@link #directory()} when set, otherwise {@code images} under the data directory. */
    public Path imagesDirectory(Path dataDir) {
        return directory != null ? directory : dataDir.resolve("images");
    }
}
