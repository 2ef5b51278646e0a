package com.yarda.export;

import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports started per user in a sliding hour, at most {@code yarda.exports.max-per-hour}, recorded in
 * {@code account_exports} (V22__account_exports.sql) so that every instance sees the same count.
 */
@Repository
class ExportLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final ExportProperties properties;

    ExportLimit(JdbcClient jdbc, ExportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Records an export of {@code userId} at {@code now}, or refuses it when the window is full. Holds a per-user lock
     * until the caller's transaction ends, so concurrent exports of one user (on any instance) are counted one after
     * the other. The user's records that no longer count are removed on the way: each user keeps at most the limit.
     *
     * @throws RateLimited when {@code maxPerHour} exports already fall within the last hour
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(UUID userId, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "exports:" + userId)
                .query((rs, row) -> 1)
                .single();
        jdbc.sql("DELETE FROM account_exports WHERE user_id = :user AND started_at <= :start")
                .param("user", userId)
                .param("start", Timestamps.sql(now.minus(WINDOW)))
                .update();
        List<Instant> counted = jdbc.sql(
                        "SELECT started_at FROM account_exports WHERE user_id = :user ORDER BY started_at")
                .param("user", userId)
                .query((rs, row) -> Timestamps.read(rs, "started_at"))
                .list();
        int max = properties.maxPerHour();
        if (counted.size() >= max) {
            Duration wait =
                    Duration.between(now, counted.get(counted.size() - max).plus(WINDOW));
            long minutes = Math.max(1, (RateLimited.secondsRoundedUp(wait) + 59) / 60);
            throw new RateLimited(
                    "You can download your data %d times per hour. Try again in %d %s."
                            .formatted(max, minutes, minutes == 1 ? "minute" : "minutes"),
                    wait,
                    max,
                    0);
        }
        jdbc.sql("INSERT INTO account_exports (user_id, started_at) VALUES (:user, :now)")
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .update();
    }
}
