package com.yarda.storage;

import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * No image could be decoded for this upload in time: every decode thread is busy, or the pixels being decoded already
 * fill the memory budget. 503 {@code unavailable} with {@code Retry-After}; nothing was stored or counted.
 */
public class DecodingBusy extends ProblemException {

    private final long retryAfterSeconds;

    DecodingBusy(Duration retryAfter) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "Too many photos are being processed right now; nothing was stored. Send it again in a few seconds.");
        this.retryAfterSeconds = RateLimited.secondsRoundedUp(retryAfter);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("retry_after", retryAfterSeconds);
    }

    @Override
    protected HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
