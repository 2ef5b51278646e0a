package com.yarda.generation;

import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An exact sliding window per user, kept in {@code rate_limit_attempts} so that every instance of the service
 * sees the same count: an attempt counts for exactly {@code yarda.rate-limit.window} after it was made.
 */
@Repository
class RateLimiter {

    private final JdbcClient jdbc;
    private final RateLimitProperties properties;

    RateLimiter(JdbcClient jdbc, RateLimitProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Records an attempt of {@code userId} at {@code now}, or refuses it when the window is full. Holds a
     * per-user lock until the caller's transaction ends, so concurrent requests of one user are counted one
     * after the other (on every instance) while other users are not affected. A refused attempt is not recorded;
     * an attempt whose transaction rolls back (e.g. no credits) does not count either.
     *
     * @return the status after this attempt
     * @throws LimitReached when {@code maxRequests} attempts already fall within the window
     */
    @Transactional(propagation = Propagation.MANDATORY)
    RateLimitStatus attempt(UUID userId, Instant now) {
        lockUser(userId);
        Window counted = counted(userId, now);
        if (counted.attempts() >= properties.maxRequests()) {
            throw new LimitReached(status(counted, now));
        }
        jdbc.sql("INSERT INTO rate_limit_attempts (user_id, attempted_at) VALUES (:user, :now)")
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .update();
        return status(counted.plus(now), now);
    }

    /**
     * Takes the per-user lock that every accept of {@code userId} holds until its transaction ends, so that whoever
     * holds it next sees the outcome of all accepts before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockUser(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "rate-limit:" + userId)
                .query((rs, row) -> 1)
                .single();
    }

    /** The status of {@code userId} at {@code now}, without recording anything. */
    RateLimitStatus status(UUID userId, Instant now) {
        return status(counted(userId, now), now);
    }

    /** Forgets attempts that no longer count; they only cost space. */
    int purge(Instant now) {
        return jdbc.sql("DELETE FROM rate_limit_attempts WHERE attempted_at <= :cutoff")
                .param("cutoff", Timestamps.sql(now.minus(properties.window())))
                .update();
    }

    /**
     * The attempts of {@code userId} that count at {@code now}: how many, and the oldest (when the first of them stops
     * counting). One row, however many attempts there are (a limit raised for a benchmark allows thousands).
     */
    private Window counted(UUID userId, Instant now) {
        return jdbc.sql("""
                SELECT count(*) AS attempts, min(attempted_at) AS oldest FROM rate_limit_attempts
                 WHERE user_id = :user AND attempted_at > :start
                """)
                .param("user", userId)
                .param("start", Timestamps.sql(now.minus(properties.window())))
                .query((rs, row) -> new Window(rs.getInt("attempts"), Timestamps.read(rs, "oldest")))
                .single();
    }

    /** Attempts in the window: how many, and the oldest of them (null when none). */
    private record Window(int attempts, @Nullable Instant oldest) {

        Window plus(Instant attempt) {
            return new Window(attempts + 1, oldest == null || attempt.isBefore(oldest) ? attempt : oldest);
        }
    }

    private RateLimitStatus status(Window counted, Instant now) {
        int max = properties.maxRequests();
        int remaining = Math.max(0, max - counted.attempts());
        long retryAfter = counted.oldest() == null
                ? 0
                : RateLimited.secondsRoundedUp(
                        Duration.between(now, counted.oldest().plus(properties.window())));
        return new RateLimitStatus(
                remaining > 0, remaining, retryAfter, properties.window().toSeconds(), max);
    }

    /** 429 with the rate-limit fields of API.md and the IETF draft headers. */
    static final class LimitReached extends RateLimited {

        private final RateLimitStatus status;

        LimitReached(RateLimitStatus status) {
            super(
                    "You can start %d designs per %d seconds. Try again in %d seconds."
                            .formatted(status.maxRequests(), status.windowSeconds(), status.retryAfterSeconds()),
                    Duration.ofSeconds(status.retryAfterSeconds()),
                    status.maxRequests(),
                    0);
            this.status = status;
        }

        @Override
        protected HttpHeaders headers() {
            HttpHeaders headers = super.headers();
            headers.set("RateLimit-Policy", status.policyHeader());
            headers.set("RateLimit", status.header());
            return headers;
        }
    }
}
