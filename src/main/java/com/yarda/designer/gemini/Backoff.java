package com.yarda.designer.gemini;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * How long the Gemini designer waits before trying the image again: exponential backoff with jitter, a server's
 * {@code Retry-After} (seconds or an HTTP date) honoured up to {@code max}.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final Clock clock;

    /**
     * @param first the wait before the first retry; it doubles for each further one
     * @param max the longest wait, also the cap on a server's {@code Retry-After}
     */
    Backoff(Duration first, Duration max, Clock clock) {
        this.first = first;
        this.max = max;
        this.clock = clock;
    }

    /** The wait before try {@code attempt + 1}, at least what the server asked for (up to the cap). */
    Duration after(int attempt, @Nullable Duration retryAfter) {
        long base = first.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, max.toMillis());
        // jitter between half and all of the delay keeps many workers from retrying in step
        long wait = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(wait);
    }

    /** A {@code Retry-After} header as a wait from now; null when there is none or it cannot be read. */
    @Nullable
    Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
