package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Email verification tokens: 256 random bits from a CSPRNG, handed out once in the email and stored only as
 * their SHA-256 hash ({@code email_verification_tokens}).
 */
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
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO email_verification_tokens (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :now, :expires)
                """)
                .param("hash", hash(token))
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
                .param("hash", hash(token))
                .query((rs, row) -> new Stored(
                        rs.getObject("user_id", UUID.class),
                        Timestamps.read(rs, "expires_at"),
                        Timestamps.read(rs, "used_at")))
                .optional();
    }

    void markUsed(String token, Instant now) {
        jdbc.sql("UPDATE email_verification_tokens SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamps.sql(now))
                .param("hash", hash(token))
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

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
