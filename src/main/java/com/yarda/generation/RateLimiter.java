package com.yarda.generation;

import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
        List<Instant> counted = counted(userId, now);
        if (counted.size() >= properties.maxRequests()) {
            throw new LimitReached(status(counted, now));
        }
        jdbc.sql("INSERT INTO rate_limit_attempts (user_id, attempted_at) VALUES (:user, :now)")
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .update();
        return status(Stream.concat(counted.stream(), Stream.of(now)).toList(), now);
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

    private List<Instant> counted(UUID userId, Instant now) {
        return jdbc.sql("""
                SELECT attempted_at FROM rate_limit_attempts
                 WHERE user_id = :user AND attempted_at > :start
                 ORDER BY attempted_at
                """)
                .param("user", userId)
                .param("start", Timestamps.sql(now.minus(properties.window())))
                .query((rs, row) -> Timestamps.read(rs, "attempted_at"))
                .list();
    }

    private RateLimitStatus status(List<Instant> counted, Instant now) {
        int max = properties.maxRequests();
        int remaining = Math.max(0, max - counted.size());
        long retryAfter = counted.isEmpty()
                ? 0
                : RateLimited.secondsRoundedUp(
                        Duration.between(now, counted.getFirst().plus(properties.window())));
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
