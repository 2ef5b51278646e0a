package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users} (V1__accounts.sql). */
@Repository
class Users {

    private static final String COLUMNS = "id, email, password_hash, email_verified_at, created_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new user; throws {@code DuplicateKeyException} when the email is taken (uq_users_email). */
    void insert(UserRow user, Instant verificationSentAt) {
        jdbc.sql("""
                INSERT INTO users (id, email, password_hash, verification_sent_at, created_at)
                VALUES (:id, :email, :hash, :sent, :created)
                """)
                .param("id", user.id())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("sent", Timestamps.sql(verificationSentAt))
                .param("created", Timestamps.sql(user.createdAt()))
                .update();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(Users::row)
                .optional();
    }

    /** The user, locked until the transaction ends: new generations and purchases of theirs wait for it. */
    Optional<UserRow> findByIdForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Users::row)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Deletes the user and, by ON DELETE CASCADE, every row of theirs in every table. */
    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() == 1;
    }

    /**
     * Up to {@code limit} users still unverified who registered at or before {@code cutoff}, oldest first, after
     * {@code after} (a page's last row) when given (ix_users_unverified, V18).
     */
    List<UserRow> unverifiedRegisteredBefore(Instant cutoff, @Nullable UserRow after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM users
                 WHERE email_verified_at IS NULL AND created_at <= :cutoff
                   AND (created_at, id) > (:afterCreated, :afterId)
                 ORDER BY created_at, id LIMIT :limit
                """)
                .param("cutoff", Timestamps.sql(cutoff))
                .param("afterCreated", Timestamps.sql(after == null ? Instant.EPOCH : after.createdAt()))
                .param("afterId", after == null ? new UUID(0, 0) : after.id())
                .param("limit", limit)
                .query(Users::row)
                .list();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(Users::row)
                .optional();
    }

    /**
     * One page of the users whose email contains {@code fragment} (any user when it is empty), newest first. The
     * fragment is matched literally: {@code %} and {@code _} in it are not wildcards.
     */
    List<UserRow> search(String fragment, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM users WHERE email LIKE :pattern ESCAPE '\\'
                 ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("pattern", containing(fragment))
                .param("limit", limit)
                .param("offset", offset)
                .query(Users::row)
                .list();
    }

    long countMatching(String fragment) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email LIKE :pattern ESCAPE '\\'")
                .param("pattern", containing(fragment))
                .query(Long.class)
                .single();
    }

    private static String containing(String fragment) {
        String literal = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }

    /** Marks the email verified; false when it already was. */
    boolean markVerified(UUID id, Instant now) {
        return 1
                == jdbc.sql("UPDATE users SET email_verified_at = :now WHERE id = :id AND email_verified_at IS NULL")
                        .param("now", Timestamps.sql(now))
                        .param("id", id)
                        .update();
    }

    /**
     * Takes the right to send a new verification email to {@code email}: only for an unverified user whose last
     * email was queued at or before {@code sentNoLaterThan}. One statement, so concurrent resends cannot both win.
     */
    Optional<UUID> claimVerificationResend(String email, Instant now, Instant sentNoLaterThan) {
        return jdbc.sql("""
                UPDATE users SET verification_sent_at = :now
                 WHERE email = :email
                   AND email_verified_at IS NULL
                   AND (verification_sent_at IS NULL OR verification_sent_at <= :cutoff)
                RETURNING id
                """)
                .param("now", Timestamps.sql(now))
                .param("email", email)
                .param("cutoff", Timestamps.sql(sentNoLaterThan))
                .query(UUID.class)
                .optional();
    }

    private static UserRow row(ResultSet rs, int rowNum) throws SQLException {
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                Timestamps.read(rs, "email_verified_at"),
                Timestamps.read(rs, "created_at"));
    }
}
