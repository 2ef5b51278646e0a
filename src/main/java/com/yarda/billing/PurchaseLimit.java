package com.yarda.billing;

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
 * Purchases started per user in a sliding hour, at most {@code yarda.billing.purchases-per-hour}: each one opens a
 * Checkout Session at Stripe, so a script must not open them by the hundred. The purchases themselves are the record
 * (every started purchase is a row, whatever became of it), so every instance sees the same count.
 */
@Repository
class PurchaseLimit {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final BillingProperties properties;

    PurchaseLimit(JdbcClient jdbc, BillingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Refuses a new purchase of {@code userId} at {@code now} when the window is full. Holds a per-user lock until the
     * caller's transaction ends, so concurrent purchases of one user (on any instance) are counted one after the other:
     * the caller inserts its purchase in that transaction.
     *
     * @throws RateLimited when {@code purchasesPerHour} purchases already fall within the last hour
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void requireRoom(UUID userId, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "purchases:" + userId)
                .query((rs, row) -> 1)
                .single();
        // ix_purchases_user
        List<Instant> counted = jdbc.sql("""
                SELECT created_at FROM purchases
                 WHERE user_id = :user AND created_at > :start
                 ORDER BY created_at
                """)
                .param("user", userId)
                .param("start", Timestamps.sql(now.minus(WINDOW)))
                .query((rs, row) -> Timestamps.read(rs, "created_at"))
                .list();
        int max = properties.purchasesPerHour();
        if (counted.size() >= max) {
            Duration wait =
                    Duration.between(now, counted.get(counted.size() - max).plus(WINDOW));
            long minutes = Math.max(1, (RateLimited.secondsRoundedUp(wait) + 59) / 60);
            throw new RateLimited(
                    "You can start %d purchases per hour. Finish or cancel the ones you started, or try again in %d %s."
                            .formatted(max, minutes, minutes == 1 ? "minute" : "minutes"),
                    wait,
                    max,
                    0);
        }
    }
}
