package com.yarda.apikey;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code api_keys} (V28__api_keys.sql). */
@Repository
class ApiKeyRepository {

    /** A key as stored: its hash, never the key. */
    record KeyRow(
            UUID id,
            UUID userId,
            String name,
            byte[] keyHash,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {

        ApiKey toApiKey() {
            return new ApiKey(id, name, createdAt, lastUsedAt);
        }
    }

    private static final String COLUMNS = "id, user_id, name, key_hash, created_at, last_used_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds, until the caller's transaction ends, the right to add keys for {@code userId}, so that requests at once
     * cannot together pass the limit; then counts the user's keys.
     */
    int lockAndCount(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('api-keys:' || :user, 0))")
                .param("user", userId.toString())
                .query()
                .singleRow();
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    void insert(KeyRow row) {
        jdbc.sql("""
                INSERT INTO api_keys (id, user_id, name, key_hash, created_at)
                VALUES (:id, :user, :name, :hash, :created)
                """)
                .param("id", row.id())
                .param("user", row.userId())
                .param("name", row.name())
                .param("hash", row.keyHash())
                .param("created", Timestamps.sql(row.createdAt()))
                .update();
    }

    /** The keys of {@code userId}, oldest first (ix_api_keys_user). */
    List<KeyRow> list(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :user ORDER BY created_at, id")
                .param("user", userId)
                .query(ApiKeyRepository::read)
                .list();
    }

    /** The key whose hash is {@code keyHash}: one read of the unique index uq_api_keys_hash. */
    Optional<KeyRow> findByHash(byte[] keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .param("hash", keyHash)
                .query(ApiKeyRepository::read)
                .optional();
    }

    /**
     * Records a use of key {@code id} at {@code now} unless one at or after {@code notBefore} is recorded already: of
     * requests at once, on any instance, one writes. Whether this one did.
     */
    boolean touch(UUID id, Instant now, Instant notBefore) {
        return jdbc.sql("""
                        UPDATE api_keys SET last_used_at = :now
                         WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)
                        """)
                        .param("id", id)
                        .param("now", Timestamps.sql(now))
                        .param("notBefore", Timestamps.sql(notBefore))
                        .update()
                == 1;
    }

    /** Deletes a key of {@code userId}; whether there was one. */
    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM api_keys WHERE id = :id AND user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    private static KeyRow read(ResultSet rs, int rowNum) throws SQLException {
        return new KeyRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getBytes("key_hash"),
                Objects.requireNonNull(Timestamps.read(rs, "created_at")),
                Timestamps.read(rs, "last_used_at"));
    }
}
