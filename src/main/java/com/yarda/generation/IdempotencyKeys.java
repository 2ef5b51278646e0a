package com.yarda.generation;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code idempotency_keys}: the first answer to each (user, Idempotency-Key). */
@Repository
class IdempotencyKeys {

    /**
     * The first answer to a key.
     *
     * @param generationId the (first) generation the request created
     * @param comparisonId the comparison it created, when it was one
     */
    record Stored(
            byte[] requestHash, UUID generationId, @Nullable UUID comparisonId, String responseBody) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID userId, String key) {
        return jdbc.sql("""
                SELECT request_hash, generation_id, comparison_id, response_body FROM idempotency_keys
                 WHERE user_id = :user AND idempotency_key = :key
                """)
                .param("user", userId)
                .param("key", key)
                .query((rs, row) -> new Stored(
                        rs.getBytes("request_hash"),
                        rs.getObject("generation_id", UUID.class),
                        rs.getObject("comparison_id", UUID.class),
                        rs.getString("response_body")))
                .optional();
    }

    /**
     * Takes the key for the rest of the transaction, without waiting: false when another request with the same key
     * holds it (it is still being processed).
     */
    boolean tryLock(UUID userId, String key) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", "idempotency:" + userId + ":" + key)
                .query(Boolean.class)
                .single());
    }

    void save(
            UUID userId,
            String key,
            byte[] requestHash,
            UUID generationId,
            @Nullable UUID comparisonId,
            String responseBody,
            Instant now) {
        jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, generation_id, comparison_id,
                                              response_body, created_at)
                VALUES (:user, :key, :hash, :generation, :comparison, :body, :now)
                """)
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("generation", generationId)
                .param("comparison", comparisonId)
                .param("body", responseBody)
                .param("now", Timestamps.sql(now))
                .update();
    }

    int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .param("cutoff", Timestamps.sql(cutoff))
                .update();
    }

    /** Forgets the answers recorded for {@code generationId}: they hold what a deleted generation was. */
    void forget(UUID generationId) {
        // a comparison's answer holds every generation of it
        jdbc.sql("""
                DELETE FROM idempotency_keys
                 WHERE generation_id = :id
                    OR comparison_id = (SELECT comparison_id FROM generations WHERE id = :id)
                """).param("id", generationId).update();
    }
}
