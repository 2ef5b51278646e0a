package com.yarda.storage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retrying the image files that could not be deleted at once ({@code yarda.storage.deletion.*}, {@link
 * ImageDeletions}).
 *
 * @param pollInterval how often each instance looks for queued files that are due for another try
 * @param maxBackoff the longest wait between two tries of one file
 */
@Validated
@ConfigurationProperties("yarda.storage.deletion")
record ImageDeletionProperties(
        @NotNull @DefaultValue("1m") Duration pollInterval,
        @NotNull @DefaultValue("1h") Duration maxBackoff) {

    ImageDeletionProperties {
        if (maxBackoff != null && maxBackoff.compareTo(ImageDeletions.FIRST_RETRY) < 0) {
            throw new IllegalArgumentException(
                    "yarda.storage.deletion.max-backoff must be at least " + ImageDeletions.FIRST_RETRY);
        }
    }
}
