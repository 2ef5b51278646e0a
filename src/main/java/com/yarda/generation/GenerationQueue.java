package com.yarda.generation;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work queue, which is the {@code generations} table itself (V4__generations.sql): claims, leases and the
 * guarded end of each attempt. A claim is one statement that gives a worker the row and a lease
 * ({@code locked_by}, {@code locked_until}) and counts the attempt; every later write is guarded by that attempt
 * number and {@code status = 'processing'}, and its row count is the outcome: 1 done, 0 the lease was lost to a
 * newer attempt (say so and stop), more is a bug.
 */
@Repository
class GenerationQueue {

    /** A generation claimed by a worker for one attempt. */
    record Claim(GenerationRow generation, int attempt) {}

    /** How many generations wait for a worker, and how many a worker holds. */
    record Depth(long pending, long processing) {
        long total() {
            return pending + processing;
        }
    }

    private final JdbcClient jdbc;

    GenerationQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} generations for {@code worker}: pending ones, and processing ones whose lease
     * ran out with attempts left. One statement; concurrent workers skip each other's rows.
     */
    List<Claim> claim(String worker, Instant now, Instant lockedUntil, int limit, int maxAttempts) {
        return jdbc.sql("""
                UPDATE generations
                   SET status = 'processing', attempts = attempts + 1, locked_by = :worker,
                       locked_until = :lockedUntil, started_at = COALESCE(started_at, :now)
                 WHERE id IN (SELECT id FROM generations
                               WHERE status = 'pending'
                                  OR (status = 'processing' AND locked_until <= :now AND attempts < :maxAttempts)
                               ORDER BY created_at
                               LIMIT :limit
                                 FOR UPDATE SKIP LOCKED)
                RETURNING %s
                """.formatted(GenerationRow.COLUMNS))
                .param("worker", worker)
                .param("lockedUntil", Timestamps.sql(lockedUntil))
                .param("now", Timestamps.sql(now))
                .param("maxAttempts", maxAttempts)
                .param("limit", limit)
                .query(GenerationQueue::claim)
                .list();
    }

    /**
     * Generations whose last allowed attempt's lease ran out (their worker died); locked until the caller's
     * transaction ends, in which it fails them.
     */
    List<Claim> exhausted(Instant now, int maxAttempts, int limit) {
        return jdbc.sql("""
                SELECT %s FROM generations
                 WHERE status = 'processing' AND locked_until <= :now AND attempts >= :maxAttempts
                 ORDER BY created_at
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """.formatted(GenerationRow.COLUMNS))
                .param("now", Timestamps.sql(now))
                .param("maxAttempts", maxAttempts)
                .param("limit", limit)
                .query(GenerationQueue::claim)
                .list();
    }

    /** Renews the lease of a claim that is still being worked on. */
    boolean extendLease(Claim claim, Instant lockedUntil) {
        return guarded(jdbc.sql("""
                UPDATE generations SET locked_until = :lockedUntil
                 WHERE id = :id AND attempts = :attempt AND status = 'processing'
                """)
                .param("lockedUntil", Timestamps.sql(lockedUntil))
                .param("id", claim.generation().id())
                .param("attempt", claim.attempt())
                .update());
    }

    /**
     * What a finished design leaves: its image, the prompt and designer that made it, its site and the pictures of
     * it, and what it is made of (the JSON of API.md).
     */
    record Outcome(
            String imageKey,
            String contentType,
            String prompt,
            String designer,
            @Nullable String siteJson,
            @Nullable String streetImageKey,
            @Nullable String overheadImageKey,
            String plantsJson,
            String materialsJson,
            String notesJson) {}

    boolean complete(Claim claim, Outcome outcome, Instant now) {
        return guarded(jdbc.sql("""
                UPDATE generations
                   SET status = 'completed', output_image_key = :key, output_content_type = :contentType,
                       prompt = :prompt, designer = :designer, site = CAST(:site AS jsonb),
                       street_image_key = :street, overhead_image_key = :overhead,
                       plants = CAST(:plants AS jsonb), materials = CAST(:materials AS jsonb),
                       notes = CAST(:notes AS jsonb),
                       completed_at = :now, processed_by = locked_by,
                       processing_time_ms = (EXTRACT(EPOCH FROM (:now - started_at)) * 1000)::bigint,
                       locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND attempts = :attempt AND status = 'processing'
                """)
                .param("key", outcome.imageKey())
                .param("contentType", outcome.contentType())
                .param("prompt", outcome.prompt())
                .param("designer", outcome.designer())
                .param("site", outcome.siteJson())
                .param("street", outcome.streetImageKey())
                .param("overhead", outcome.overheadImageKey())
                .param("plants", outcome.plantsJson())
                .param("materials", outcome.materialsJson())
                .param("notes", outcome.notesJson())
                .param("now", Timestamps.sql(now))
                .param("id", claim.generation().id())
                .param("attempt", claim.attempt())
                .update());
    }

    /** Ends the claim failed and marks its credit refunded; the caller refunds in the same transaction. */
    boolean fail(Claim claim, String message, Instant now) {
        return guarded(jdbc.sql("""
                UPDATE generations
                   SET status = 'failed', error_message = :message, credit_refunded = true, completed_at = :now,
                       processed_by = locked_by,
                       processing_time_ms = (EXTRACT(EPOCH FROM (:now - started_at)) * 1000)::bigint,
                       locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND attempts = :attempt AND status = 'processing'
                """)
                .param("message", message)
                .param("now", Timestamps.sql(now))
                .param("id", claim.generation().id())
                .param("attempt", claim.attempt())
                .update());
    }

    /**
     * Returns the claims of a stopping worker to the queue. Their attempt stays counted; a result the stopped
     * attempt still produces is refused, since the row is no longer {@code processing} under that attempt.
     */
    int release(String worker) {
        return jdbc.sql("""
                UPDATE generations SET status = 'pending', locked_by = NULL, locked_until = NULL
                 WHERE locked_by = :worker AND status = 'processing'
                """).param("worker", worker).update();
    }

    Depth depth() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'processing') AS processing
                  FROM generations WHERE status IN ('pending', 'processing')
                """)
                .query((rs, row) -> new Depth(rs.getLong("pending"), rs.getLong("processing")))
                .single();
    }

    private static boolean guarded(int rows) {
        if (rows > 1) {
            throw new IllegalStateException("a guarded update changed " + rows + " rows");
        }
        return rows == 1;
    }

    private static Claim claim(ResultSet rs, int rowNum) throws SQLException {
        GenerationRow row = GenerationRow.read(rs, rowNum);
        return new Claim(row, row.attempts());
    }
}
