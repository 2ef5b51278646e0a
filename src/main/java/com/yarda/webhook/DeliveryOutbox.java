package com.yarda.webhook;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code webhook_deliveries} (V24__webhooks.sql), the outbox. A claim is one statement that gives an
 * instance the row and a lease ({@code locked_by}, {@code locked_until}) and counts the attempt; a failed attempt's
 * write is guarded by that attempt number, and its row count is the outcome: 1 done, 0 the lease was lost to a newer
 * attempt (say so and stop), more is a bug. A success is final whichever attempt had it: it is written while the
 * row is still pending.
 */
@Repository
class DeliveryOutbox {

    /** A delivery claimed for one attempt, with what the attempt needs: where, the sealed secret, the body. */
    record Claimed(UUID id, UUID endpointId, String url, byte[] secretSealed, String body, int attempt) {}

    private final JdbcClient jdbc;

    DeliveryOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the caller's transaction (the one that ended the generation), one pending delivery of {@code event} per
     * endpoint, due at once; an endpoint that has this generation's event already keeps it.
     */
    int enqueue(List<UUID> endpointIds, UUID generationId, WebhookEvent event, String body, Instant now) {
        int written = 0;
        for (UUID endpointId : endpointIds) {
            written += jdbc.sql("""
                    INSERT INTO webhook_deliveries
                           (id, endpoint_id, generation_id, event_type, body, status, next_attempt_at, created_at)
                    VALUES (:id, :endpoint, :generation, :event, :body, 'pending', :now, :now)
                    ON CONFLICT ON CONSTRAINT uq_webhook_deliveries_event DO NOTHING
                    """)
                    .param("id", UUID.randomUUID())
                    .param("endpoint", endpointId)
                    .param("generation", generationId)
                    .param("event", event.value())
                    .param("body", body)
                    .param("now", Timestamps.sql(now))
                    .update();
        }
        return written;
    }

    /**
     * Claims up to {@code limit} pending deliveries that are due and not leased to a live attempt. One statement;
     * concurrent instances skip each other's rows.
     */
    List<Claimed> claimDue(String worker, Instant now, Instant lockedUntil, int limit) {
        return jdbc.sql("""
                UPDATE webhook_deliveries d
                   SET attempts = d.attempts + 1, locked_by = :worker, locked_until = :lockedUntil
                  FROM webhook_endpoints e
                 WHERE e.id = d.endpoint_id
                   AND d.id IN (SELECT id FROM webhook_deliveries
                                 WHERE status = 'pending' AND next_attempt_at <= :now
                                   AND (locked_until IS NULL OR locked_until <= :now)
                                 ORDER BY next_attempt_at
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.endpoint_id, e.url, e.secret_sealed, d.body, d.attempts
                """)
                .param("worker", worker)
                .param("now", Timestamps.sql(now))
                .param("lockedUntil", Timestamps.sql(lockedUntil))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("endpoint_id", UUID.class),
                        rs.getString("url"),
                        rs.getBytes("secret_sealed"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    /** The receiver answered 2xx: settled, whichever attempt it was, unless it was settled already. */
    boolean delivered(Claimed claim, int statusCode, String worker, Instant now) {
        return guarded(jdbc.sql("""
                UPDATE webhook_deliveries
                   SET status = 'delivered', delivered_at = :now, delivered_by = :worker, last_status_code = :code,
                       last_error = NULL, body = NULL, locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND status = 'pending'
                """)
                .param("now", Timestamps.sql(now))
                .param("worker", worker)
                .param("code", statusCode)
                .param("id", claim.id())
                .update());
    }

    /** The attempt failed; tried again at {@code retryAt}. */
    boolean retry(Claimed claim, @Nullable Integer statusCode, String error, Instant retryAt) {
        return guarded(jdbc.sql("""
                UPDATE webhook_deliveries
                   SET next_attempt_at = :retryAt, last_status_code = :code, last_error = left(:error, 500),
                       locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND attempts = :attempt AND status = 'pending'
                """)
                .param("retryAt", Timestamps.sql(retryAt))
                .param("code", statusCode)
                .param("error", error)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update());
    }

    /** The last attempt failed: given up. */
    boolean giveUp(Claimed claim, @Nullable Integer statusCode, String error) {
        return guarded(jdbc.sql("""
                UPDATE webhook_deliveries
                   SET status = 'failed', last_status_code = :code, last_error = left(:error, 500), body = NULL,
                       locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND attempts = :attempt AND status = 'pending'
                """)
                .param("code", statusCode)
                .param("error", error)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update());
    }

    /**
     * Hands the deliveries a stopping instance still holds back at once, rather than when their lease runs out;
     * their attempt stays counted.
     */
    int release(String worker) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET locked_by = NULL, locked_until = NULL
                 WHERE locked_by = :worker AND status = 'pending'
                """).param("worker", worker).update();
    }

    /** The delivery log of one endpoint, newest first (ix_webhook_deliveries_endpoint). */
    List<Delivery> log(UUID endpointId, int limit) {
        return jdbc.sql("""
                SELECT id, event_type, generation_id, status, attempts, last_status_code, last_error,
                       next_attempt_at, delivered_at, created_at
                  FROM webhook_deliveries
                 WHERE endpoint_id = :endpoint
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit
                """)
                .param("endpoint", endpointId)
                .param("limit", limit)
                .query(DeliveryOutbox::delivery)
                .list();
    }

    /** Every delivery of a design, pending or settled: the design is deleted, and its body names its address. */
    int deleteAll(UUID generationId) {
        return jdbc.sql("DELETE FROM webhook_deliveries WHERE generation_id = :generation")
                .param("generation", generationId)
                .update();
    }

    /** Removes deliveries settled (delivered or given up) before {@code cutoff}; how many. */
    int purgeSettledBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }

    /** The webhook-id of delivery {@code id}: the same on every attempt. */
    static String messageId(UUID id) {
        return "msg_" + id.toString().replace("-", "");
    }

    private static Delivery delivery(ResultSet rs, int rowNum) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        DeliveryStatus status = DeliveryStatus.of(rs.getString("status"));
        int answered = rs.getInt("last_status_code");
        Integer code = rs.wasNull() ? null : answered;
        return new Delivery(
                id,
                messageId(id),
                WebhookEvent.of(rs.getString("event_type")),
                rs.getObject("generation_id", UUID.class),
                status,
                rs.getInt("attempts"),
                code,
                rs.getString("last_error"),
                status == DeliveryStatus.PENDING ? Timestamps.read(rs, "next_attempt_at") : null,
                Timestamps.read(rs, "delivered_at"),
                Objects.requireNonNull(Timestamps.read(rs, "created_at")));
    }

    private static boolean guarded(int rows) {
        if (rows > 1) {
            throw new IllegalStateException("a guarded update changed " + rows + " rows");
        }
        return rows == 1;
    }
}
