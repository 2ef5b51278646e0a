package com.yarda.mail;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code mail_outbox} (V3__mail_outbox.sql). */
@Repository
class MailOutbox {

    /** A message claimed for one delivery attempt; later updates are guarded by {@code attempt}. */
    record Claimed(UUID id, String recipient, String subject, String body, int attempt) {}

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, Email email, Instant now) {
        jdbc.sql("""
                INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at)
                VALUES (:id, :recipient, :subject, :body, :now, :now)
                """)
                .param("id", id)
                .param("recipient", email.to())
                .param("subject", email.subject())
                .param("body", email.body())
                .param("now", Timestamps.sql(now))
                .update();
    }

    /**
     * Holds, until the caller's transaction ends, the right to write to {@code recipient}, so that two requests at
     * once cannot both pass its hourly count; then counts what was queued to it since {@code since}.
     */
    int lockAndCountSince(String recipient, Instant since) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('mail:' || lower(:recipient), 0))")
                .param("recipient", recipient)
                .query()
                .singleRow();
        return jdbc.sql(
                        "SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(:recipient) AND created_at > :since")
                .param("recipient", recipient)
                .param("since", Timestamps.sql(since))
                .query(Integer.class)
                .single();
    }

    /** Claims up to {@code limit} due messages until {@code lockedUntil}; other dispatchers skip them. */
    List<Claimed> claimDue(Instant now, Instant lockedUntil, int limit) {
        return jdbc.sql("""
                UPDATE mail_outbox
                   SET attempts = attempts + 1, locked_until = :lockedUntil
                 WHERE id IN (SELECT id FROM mail_outbox
                               WHERE delivered_at IS NULL
                                 AND next_attempt_at <= :now
                                 AND (locked_until IS NULL OR locked_until <= :now)
                               ORDER BY next_attempt_at
                               LIMIT :limit
                                 FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, body, attempts
                """)
                .param("now", Timestamps.sql(now))
                .param("lockedUntil", Timestamps.sql(lockedUntil))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Records the delivery. A message sent over SMTP keeps only its envelope: its body may hold a verification
     * link, which must not outlive its purpose in the database. Messages delivered to the log keep their body,
     * since the outbox is then where a developer finds them.
     */
    boolean delivered(Claimed message, String via, Instant now) {
        return 1
                == jdbc.sql("""
                UPDATE mail_outbox
                   SET delivered_at = :now, delivered_via = :via, locked_until = NULL, last_error = NULL,
                       body = CASE WHEN :via = 'smtp' THEN '' ELSE body END
                 WHERE id = :id AND attempts = :attempt AND delivered_at IS NULL
                """)
                        .param("now", Timestamps.sql(now))
                        .param("via", via)
                        .param("id", message.id())
                        .param("attempt", message.attempt())
                        .update();
    }

    boolean failed(Claimed message, String error, Instant retryAt) {
        return 1
                == jdbc.sql("""
                UPDATE mail_outbox
                   SET next_attempt_at = :retryAt, locked_until = NULL, last_error = :error
                 WHERE id = :id AND attempts = :attempt AND delivered_at IS NULL
                """)
                        .param("retryAt", Timestamps.sql(retryAt))
                        .param("error", Objects.requireNonNullElse(error, "unknown error"))
                        .param("id", message.id())
                        .param("attempt", message.attempt())
                        .update();
    }

    /** Removes the messages delivered before {@code cutoff}; how many. */
    int purgeDeliveredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE delivered_at < :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }

    /** Removes every message to {@code recipient}, delivered or not; how many. */
    int forget(String recipient) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", recipient)
                .update();
    }
}
