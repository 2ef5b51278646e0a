package com.yarda.generation;

/**
 * Where a user stands against the generation rate limit ({@code GET /api/rate-limits/status}).
 *
 * @param retryAfterSeconds seconds until the oldest counted request leaves the window (0 when none counts)
 */
public record RateLimitStatus(
        boolean canRequest, int remainingRequests, long retryAfterSeconds, long windowSeconds, int maxRequests) {

    /** {@code RateLimit-Policy}, the IETF draft header. */
    String policyHeader() {
        return "\"generations\";q=%d;w=%d".formatted(maxRequests, windowSeconds);
    }

    /** {@code RateLimit}: remaining requests and seconds until a slot frees. */
    String header() {
        return "\"generations\";r=%d;t=%d".formatted(remainingRequests, retryAfterSeconds);
    }
}
