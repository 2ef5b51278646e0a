package com.yarda.upload;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload limits ({@code yarda.uploads.*}): what one user may store per day, and how long a photo that no design uses
 * is kept.
 *
 * @param maxPerDay photos one user may upload in any 24 hours (also those sent with a design request)
 * @param maxBytesPerDay bytes one user may store in any 24 hours, counted as stored (after re-encoding)
 * @param unusedRetention a photo that no design uses is removed this long after it was uploaded
 */
@Validated
@ConfigurationProperties("yarda.uploads")
record UploadProperties(
        @Positive @DefaultValue("100") int maxPerDay,
        @NotNull @DefaultValue("200MB") DataSize maxBytesPerDay,
        @NotNull @DefaultValue("24h") Duration unusedRetention) {

    /** The quotas count what was uploaded in any window of this length. */
    static final Duration WINDOW = Duration.ofDays(1);

    UploadProperties {
        if (maxBytesPerDay != null && maxBytesPerDay.toBytes() <= 0) {
            throw new IllegalArgumentException("yarda.uploads.max-bytes-per-day must be positive");
        }
        if (unusedRetention != null && (unusedRetention.isNegative() || unusedRetention.isZero())) {
            throw new IllegalArgumentException("yarda.uploads.unused-retention must be positive");
        }
    }
}
