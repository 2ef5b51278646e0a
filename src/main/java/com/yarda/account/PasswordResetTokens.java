package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Password reset tokens ({@code password_reset_tokens}, V20), {@link LinkTokens}: handed out once in the
 * email and stored only as their SHA-256. Using one deletes it.
 */
@Repository
class PasswordResetTokens {

    record Stored(UUID userId, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final SecureRandom random;

    PasswordResetTokens(JdbcClient jdbc, SecureRandom random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** Issues a new token for {@code userId}, replacing every earlier one, and returns its plain text. */
    String issue(UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM password_reset_tokens WHERE user_id = :user")
                .param("user", userId)
                .update();
        String token = LinkTokens.fresh(random);
        jdbc.sql("""
                INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :now, :expires)
                """)
                .param("hash", LinkTokens.hash(token))
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .param("expires", Timestamps.sql(expiresAt))
                .update();
        return token;
    }

    /** The stored token, without using it (to show the form it opens, or to refuse early). */
    Optional<Stored> find(String token) {
        return jdbc.sql("SELECT user_id, expires_at FROM password_reset_tokens WHERE token_hash = :hash")
                .param("hash", LinkTokens.hash(token))
                .query((rs, row) -> new Stored(rs.getObject("user_id", UUID.class), Timestamps.read(rs, "expires_at")))
                .optional();
    }

    /**
     * Uses the token: deletes it and every other token of its user, in the caller's transaction. Of two uses at once
     * one finds it, the other waits for that transaction and then finds nothing; if the caller rolls back (an expired
     * token), the token is back as it was.
     */
    Optional<Stored> take(String token) {
        Optional<Stored> taken = jdbc.sql("""
                DELETE FROM password_reset_tokens WHERE token_hash = :hash RETURNING user_id, expires_at
                """)
                .param("hash", LinkTokens.hash(token))
                .query((rs, row) -> new Stored(rs.getObject("user_id", UUID.class), Timestamps.read(rs, "expires_at")))
                .optional();
        taken.ifPresent(stored -> jdbc.sql("DELETE FROM password_reset_tokens WHERE user_id = :user")
                .param("user", stored.userId())
                .update());
        return taken;
    }

    /** Removes what expired before {@code cutoff}: a link followed later is unknown, no longer "expired"; how many. */
    int purgeExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM password_reset_tokens WHERE expires_at <= :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }
}
