package com.yarda.storage;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code image_deletions} (V17__image_deletions.sql): image files still to be deleted. */
@Repository
class ImageDeletionQueue {

    /** A row claimed for one try; the later write is guarded by {@code attempt}. */
    record Claimed(String key, int attempt) {}

    private final JdbcClient jdbc;

    ImageDeletionQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues {@code keys}, first due at {@code firstTry}; a key queued already stays as it is. In the caller's
     * transaction, when there is one.
     */
    void add(List<String> keys, Instant now, Instant firstTry) {
        jdbc.sql("""
                INSERT INTO image_deletions (image_key, requested_at, next_attempt_at)
                SELECT key, :now, :firstTry FROM unnest(CAST(:keys AS text[])) AS key
                ON CONFLICT (image_key) DO NOTHING
                """)
                .param("keys", keys.toArray(String[]::new))
                .param("now", Timestamps.sql(now))
                .param("firstTry", Timestamps.sql(firstTry))
                .update();
    }

    /** The files are gone: their rows go, whoever holds them (deleting a file twice is harmless). */
    void remove(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM image_deletions WHERE image_key = ANY (:keys)")
                .param("keys", keys.toArray(String[]::new))
                .update();
    }

    /**
     * The try right after the commit failed: counts it and sets the next. Not when a drainer has claimed the row
     * meanwhile (its own outcome will be written).
     */
    boolean failedFirstTry(String key, String error, Instant retryAt) {
        return 1
                == jdbc.sql("""
                UPDATE image_deletions SET attempts = attempts + 1, next_attempt_at = :retryAt, last_error = :error
                 WHERE image_key = :key AND attempts = 0
                """)
                        .param("key", key)
                        .param("retryAt", Timestamps.sql(retryAt))
                        .param("error", error)
                        .update();
    }

    /**
     * Claims up to {@code limit} rows due at {@code now} for one try each, until {@code leaseEnd}: other drainers skip
     * them meanwhile, and take them again if this one stops before it writes the outcome.
     */
    List<Claimed> claimDue(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                UPDATE image_deletions SET attempts = attempts + 1, next_attempt_at = :leaseEnd
                 WHERE image_key IN (SELECT image_key FROM image_deletions
                                      WHERE next_attempt_at <= :now
                                      ORDER BY next_attempt_at
                                      LIMIT :limit
                                        FOR UPDATE SKIP LOCKED)
                RETURNING image_key, attempts
                """)
                .param("now", Timestamps.sql(now))
                .param("leaseEnd", Timestamps.sql(leaseEnd))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(rs.getString("image_key"), rs.getInt("attempts")))
                .list();
    }

    /** The claimed try deleted the file; false when the row had passed to another try (which deletes it too). */
    boolean done(Claimed claimed) {
        return 1
                == jdbc.sql("DELETE FROM image_deletions WHERE image_key = :key AND attempts = :attempt")
                        .param("key", claimed.key())
                        .param("attempt", claimed.attempt())
                        .update();
    }

    /** The claimed try failed: the next is due at {@code retryAt}. */
    boolean failed(Claimed claimed, String error, Instant retryAt) {
        return 1
                == jdbc.sql("""
                UPDATE image_deletions SET next_attempt_at = :retryAt, last_error = :error
                 WHERE image_key = :key AND attempts = :attempt
                """)
                        .param("key", claimed.key())
                        .param("attempt", claimed.attempt())
                        .param("retryAt", Timestamps.sql(retryAt))
                        .param("error", error)
                        .update();
    }

    /** How many files are still to be deleted. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM image_deletions")
                .query(Long.class)
                .single();
    }
}
