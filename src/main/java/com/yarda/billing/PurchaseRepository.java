package com.yarda.billing;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code purchases} and {@code stripe_events} (V6__billing.sql). A purchase leaves {@code pending} once,
 * through an update guarded by {@code status = 'pending'}; its row count says whether this caller made the change.
 */
@Repository
class PurchaseRepository {

    private static final String COLUMNS = """
            id, user_id, pack_id, tokens, amount_cents, currency, status, provider, stripe_session_id, checkout_url,
            checkout_token_hash, created_at, completed_at""";

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PurchaseRow row) {
        jdbc.sql("""
                INSERT INTO purchases (id, user_id, pack_id, tokens, amount_cents, currency, status, provider,
                                       created_at)
                VALUES (:id, :user, :pack, :tokens, :amount, :currency, 'pending', :provider, :created)
                """)
                .param("id", row.id())
                .param("user", row.userId())
                .param("pack", row.packId())
                .param("tokens", row.tokens())
                .param("amount", row.amountCents())
                .param("currency", row.currency())
                .param("provider", row.provider())
                .param("created", Timestamps.sql(row.createdAt()))
                .update();
    }

    /**
     * Records where the buyer pays. A Stripe session id may already be there when the webhook was faster than
     * this; it is then the same id (one purchase per session: the unique {@code stripe_session_id}).
     */
    void recordCheckout(UUID id, String url, @Nullable String stripeSessionId, byte @Nullable [] tokenHash) {
        jdbc.sql("""
                UPDATE purchases
                   SET checkout_url = :url,
                       stripe_session_id = COALESCE(stripe_session_id, :session),
                       checkout_token_hash = :tokenHash
                 WHERE id = :id
                """)
                .param("url", url)
                .param("session", stripeSessionId, Types.VARCHAR)
                .param("tokenHash", tokenHash, Types.BINARY)
                .param("id", id)
                .update();
    }

    Optional<PurchaseRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id")
                .param("id", id)
                .query(PurchaseRepository::row)
                .optional();
    }

    /** The purchase, with its row locked until the transaction ends: its fulfilment is serialised on it. */
    Optional<PurchaseRow> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PurchaseRepository::row)
                .optional();
    }

    Optional<PurchaseRow> findByStripeSession(String sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE stripe_session_id = :session")
                .param("session", sessionId)
                .query(PurchaseRepository::row)
                .optional();
    }

    Optional<PurchaseRow> findOwned(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(PurchaseRepository::row)
                .optional();
    }

    /** One page of a user's purchases, newest first (ix_purchases_user). */
    List<PurchaseRow> history(UUID userId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM purchases WHERE user_id = :user
                 ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(PurchaseRepository::row)
                .list();
    }

    long count(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /**
     * Moves a pending purchase to {@code status}, naming its Stripe session when it had none yet.
     *
     * @return false when it was no longer pending: someone else finished it first
     */
    boolean finish(UUID id, PurchaseStatus status, @Nullable String stripeSessionId, Instant now) {
        if (status == PurchaseStatus.PENDING) {
            throw new IllegalArgumentException("a purchase finishes paid, failed or expired");
        }
        int rows = jdbc.sql("""
                UPDATE purchases
                   SET status = :status, completed_at = :now,
                       stripe_session_id = COALESCE(stripe_session_id, :session)
                 WHERE id = :id AND status = 'pending'
                """)
                .param("status", status.value())
                .param("now", Timestamps.sql(now))
                .param("session", stripeSessionId, Types.VARCHAR)
                .param("id", id)
                .update();
        if (rows > 1) {
            throw new IllegalStateException("a guarded update changed " + rows + " rows");
        }
        return rows == 1;
    }

    /**
     * Records a Stripe event as processed. Concurrent deliveries of one event wait here for each other (primary
     * key); the first one's transaction decides, the others see it recorded.
     *
     * @return false when the event was already processed
     */
    boolean recordEvent(String eventId, String type, Instant now) {
        return jdbc.sql("""
                        INSERT INTO stripe_events (id, type, received_at) VALUES (:id, :type, :now)
                        ON CONFLICT (id) DO NOTHING
                        """)
                        .param("id", eventId)
                        .param("type", type)
                        .param("now", Timestamps.sql(now))
                        .update()
                == 1;
    }

    private static PurchaseRow row(ResultSet rs, int rowNum) throws SQLException {
        return new PurchaseRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("pack_id"),
                rs.getInt("tokens"),
                rs.getInt("amount_cents"),
                rs.getString("currency"),
                PurchaseStatus.of(rs.getString("status")),
                rs.getString("provider"),
                rs.getString("stripe_session_id"),
                rs.getString("checkout_url"),
                rs.getBytes("checkout_token_hash"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "completed_at"));
    }
}
