package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Email verification tokens ({@code email_verification_tokens}), {@link LinkTokens}: only their hash is stored. */
@Repository
class VerificationTokens {

    record Stored(UUID userId, Instant expiresAt, @Nullable Instant usedAt) {}

    private final JdbcClient jdbc;
    private final SecureRandom random;

    VerificationTokens(JdbcClient jdbc, SecureRandom random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** Issues a new token for {@code userId}, replacing any unused earlier one, and returns its plain text. */
    String issue(UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM email_verification_tokens WHERE user_id = :user AND used_at IS NULL")
                .param("user", userId)
                .update();
        String token = LinkTokens.fresh(random);
        jdbc.sql("""
                INSERT INTO email_verification_tokens (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :now, :expires)
                """)
                .param("hash", LinkTokens.hash(token))
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .param("expires", Timestamps.sql(expiresAt))
                .update();
        return token;
    }

    /** The stored token, locked until the end of the transaction so that it is used at most once. */
    Optional<Stored> findForUpdate(String token) {
        return jdbc.sql("""
                SELECT user_id, expires_at, used_at FROM email_verification_tokens
                 WHERE token_hash = :hash FOR UPDATE
                """)
                .param("hash", LinkTokens.hash(token))
                .query((rs, row) -> new Stored(
                        rs.getObject("user_id", UUID.class),
                        Timestamps.read(rs, "expires_at"),
                        Timestamps.read(rs, "used_at")))
                .optional();
    }

    void markUsed(String token, Instant now) {
        jdbc.sql("UPDATE email_verification_tokens SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamps.sql(now))
                .param("hash", LinkTokens.hash(token))
                .update();
    }

    /**
     * Forgets the tokens that expired at or before {@code cutoff}, used or not. Until then an old link is answered
     * "expired" rather than "invalid", which tells its owner to ask for a new one.
     */
    int purgeExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM email_verification_tokens WHERE expires_at <= :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }
}
