package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changes of email address waiting for the link sent to the new address ({@code email_changes}, V20). The token is 256
 * random bits, stored only as its SHA-256; following the link deletes the row.
 */
@Repository
class EmailChangeRequests {

    /**
     * A requested change.
     *
     * @param tokenEpoch the user's token epoch when it was asked for; it holds only while the user is still there
     */
    record Pending(UUID userId, String newEmail, long tokenEpoch, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final SecureRandom random;

    EmailChangeRequests(JdbcClient jdbc, SecureRandom random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** Records a change of {@code userId} to {@code newEmail}, replacing any earlier one; the token's plain text. */
    String request(UUID userId, String newEmail, long tokenEpoch, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM email_changes WHERE user_id = :user")
                .param("user", userId)
                .update();
        String token = LinkTokens.fresh(random);
        jdbc.sql("""
                INSERT INTO email_changes (token_hash, user_id, new_email, token_epoch, created_at, expires_at)
                VALUES (:hash, :user, :email, :epoch, :now, :expires)
                """)
                .param("hash", LinkTokens.hash(token))
                .param("user", userId)
                .param("email", newEmail)
                .param("epoch", tokenEpoch)
                .param("now", Timestamps.sql(now))
                .param("expires", Timestamps.sql(expiresAt))
                .update();
        return token;
    }

    /** The change the token asks for, without making it (to show what the link would do). */
    Optional<Pending> find(String token) {
        return jdbc.sql(
                        "SELECT user_id, new_email, token_epoch, expires_at FROM email_changes WHERE token_hash = :hash")
                .param("hash", LinkTokens.hash(token))
                .query(EmailChangeRequests::pending)
                .optional();
    }

    /**
     * Takes the change out, in the caller's transaction: a second use at once waits for it and then finds nothing; if
     * the caller rolls back, the change is still waiting.
     */
    Optional<Pending> take(String token) {
        return jdbc.sql("""
                DELETE FROM email_changes WHERE token_hash = :hash
                RETURNING user_id, new_email, token_epoch, expires_at
                """)
                .param("hash", LinkTokens.hash(token))
                .query(EmailChangeRequests::pending)
                .optional();
    }

    /** Removes what expired before {@code cutoff}: a link followed later is unknown, no longer "expired"; how many. */
    int purgeExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM email_changes WHERE expires_at <= :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(
                rs.getObject("user_id", UUID.class),
                rs.getString("new_email"),
                rs.getLong("token_epoch"),
                Timestamps.read(rs, "expires_at"));
    }
}
