package com.yarda.platform;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Too many attempts in a window: 429 with {@code retry_after} (whole seconds, rounded up), limit and remaining. */
public class RateLimited extends ProblemException {

    private final long retryAfterSeconds;
    // long: a limit may be a number of bytes
    private final long limit;
    private final long remaining;

    public long limit() {
        return limit;
    }

    public RateLimited(String detail, Duration retryAfter, long limit, long remaining) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests", detail);
        this.retryAfterSeconds = secondsRoundedUp(retryAfter);
        this.limit = limit;
        this.remaining = remaining;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole seconds, rounded up, and at least 1 so that a client never retries immediately. */
    public static long secondsRoundedUp(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("retry_after", retryAfterSeconds, "limit", limit, "remaining", remaining);
    }

    @Override
    protected HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
