package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.designer.Style;
import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code generations} (V4__generations.sql), which is also the work queue. Every update after a claim
 * is guarded by the claim's attempt number: 0 rows means the lease was lost to a newer attempt.
 */
@Repository
class GenerationRepository {

    private static final String COLUMNS = """
            id, user_id, status, input_type, input_address, input_upload_id, style, custom_prompt, credit_type,
            credit_refunded, output_image_key, output_content_type, error_message, attempts, created_at,
            started_at, completed_at, processing_time_ms""";

    /** A generation claimed by a worker for one attempt. */
    record Claim(GenerationRow generation, int attempt) {}

    private final JdbcClient jdbc;

    GenerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM generations WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Makes lock waits in the current transaction fail after {@code wait} instead of waiting for ever. */
    void waitForLocksAtMost(Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', :millis, true)")
                .param("millis", Long.toString(Math.max(1, wait.toMillis())))
                .query(String.class)
                .single();
    }

    void insert(GenerationRow row) {
        jdbc.sql("""
                INSERT INTO generations (id, user_id, status, input_type, input_address, input_upload_id, style,
                                         custom_prompt, credit_type, created_at)
                VALUES (:id, :user, 'pending', :inputType, :address, :upload, :style, :prompt, :creditType, :created)
                """)
                .param("id", row.id())
                .param("user", row.userId())
                .param("inputType", row.inputType().value())
                .param("address", row.inputAddress())
                .param("upload", row.inputUploadId())
                .param("style", row.style().id())
                .param("prompt", row.customPrompt())
                .param("creditType", row.creditType().value())
                .param("created", Timestamps.sql(row.createdAt()))
                .update();
    }

    Optional<GenerationRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM generations WHERE id = :id")
                .param("id", id)
                .query(GenerationRepository::row)
                .optional();
    }

    Optional<GenerationRow> findOwned(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM generations WHERE id = :id AND user_id = :user AND deleted_at IS NULL")
                .param("id", id)
                .param("user", userId)
                .query(GenerationRepository::row)
                .optional();
    }

    /** One page of a user's history, newest first (ix_generations_user_history / _status_history). */
    List<GenerationRow> history(UUID userId, @Nullable GenerationStatus status, int limit, long offset) {
        return jdbc.sql(historySql(status != null))
                .param("user", userId)
                .param("status", status == null ? null : status.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(GenerationRepository::row)
                .list();
    }

    static String historySql(boolean byStatus) {
        return "SELECT " + COLUMNS + " FROM generations WHERE user_id = :user AND deleted_at IS NULL"
                + (byStatus ? " AND status = :status" : "")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    }

    long count(UUID userId, @Nullable GenerationStatus status) {
        return jdbc.sql("SELECT count(*) FROM generations WHERE user_id = :user AND deleted_at IS NULL"
                        + (status == null ? "" : " AND status = :status"))
                .param("user", userId)
                .param("status", status == null ? null : status.value())
                .query(Long.class)
                .single();
    }

    /** What a deleted generation leaves to remove from storage. */
    record Deleted(@Nullable UUID inputUploadId, @Nullable String outputImageKey) {}

    /**
     * Deletes a finished generation of {@code userId}: the row stays for its ledger entries, everything personal
     * in it is cleared (V8__deletion.sql). Empty when there is no such generation, it is already deleted, or it is
     * not finished.
     */
    Optional<Deleted> delete(UUID userId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE generations g
                   SET deleted_at = :now, input_address = NULL, input_upload_id = NULL, custom_prompt = NULL,
                       prompt = NULL, output_image_key = NULL, output_content_type = NULL
                  FROM (SELECT id, input_upload_id, output_image_key FROM generations
                         WHERE id = :id AND user_id = :user AND deleted_at IS NULL
                           AND status IN ('completed', 'failed')
                           FOR UPDATE) old
                 WHERE g.id = old.id
                RETURNING old.input_upload_id, old.output_image_key
                """)
                .param("id", id)
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .query((rs, row) ->
                        new Deleted(rs.getObject("input_upload_id", UUID.class), rs.getString("output_image_key")))
                .optional();
    }

    Set<UUID> deletedAmong(UUID userId, Collection<UUID> ids) {
        return Set.copyOf(jdbc.sql("""
                        SELECT id FROM generations
                         WHERE user_id = :user AND id = ANY (:ids) AND deleted_at IS NOT NULL
                        """)
                .param("user", userId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** How many generations of {@code userId} are pending or processing. */
    long unfinished(UUID userId) {
        return jdbc.sql("""
                SELECT count(*) FROM generations WHERE user_id = :user AND status IN ('pending', 'processing')
                """).param("user", userId).query(Long.class).single();
    }

    /** The keys of every design image of {@code userId}. */
    List<String> imageKeys(UUID userId) {
        return jdbc.sql(
                        "SELECT output_image_key FROM generations WHERE user_id = :user AND output_image_key IS NOT NULL")
                .param("user", userId)
                .query(String.class)
                .list();
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
                """.formatted(COLUMNS))
                .param("worker", worker)
                .param("lockedUntil", Timestamps.sql(lockedUntil))
                .param("now", Timestamps.sql(now))
                .param("maxAttempts", maxAttempts)
                .param("limit", limit)
                .query(GenerationRepository::claim)
                .list();
    }

    /** Generations whose last lease ran out after their last allowed attempt; locked until the transaction ends. */
    List<Claim> exhausted(Instant now, int maxAttempts, int limit) {
        return jdbc.sql("""
                SELECT %s FROM generations
                 WHERE status = 'processing' AND locked_until <= :now AND attempts >= :maxAttempts
                 ORDER BY created_at
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """.formatted(COLUMNS))
                .param("now", Timestamps.sql(now))
                .param("maxAttempts", maxAttempts)
                .param("limit", limit)
                .query(GenerationRepository::claim)
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

    boolean complete(Claim claim, String imageKey, String contentType, String prompt, String designer, Instant now) {
        GenerationRow g = claim.generation();
        return guarded(jdbc.sql("""
                UPDATE generations
                   SET status = 'completed', output_image_key = :key, output_content_type = :contentType,
                       prompt = :prompt, designer = :designer, completed_at = :now, processed_by = locked_by,
                       processing_time_ms = (EXTRACT(EPOCH FROM (:now - started_at)) * 1000)::bigint,
                       locked_by = NULL, locked_until = NULL
                 WHERE id = :id AND attempts = :attempt AND status = 'processing'
                """)
                .param("key", imageKey)
                .param("contentType", contentType)
                .param("prompt", prompt)
                .param("designer", designer)
                .param("now", Timestamps.sql(now))
                .param("id", g.id())
                .param("attempt", claim.attempt())
                .update());
    }

    /** Ends the claim failed and marks its credit refunded; the caller refunds in the same transaction. */
    boolean fail(Claim claim, String message, Instant now) {
        GenerationRow g = claim.generation();
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
                .param("id", g.id())
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

    /** Failed generations of every user, most recently finished first (ix_generations_failed, V7__admin.sql). */
    List<GenerationRow> failed(int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM generations WHERE status = 'failed'
                 ORDER BY completed_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("limit", limit)
                .param("offset", offset)
                .query(GenerationRepository::row)
                .list();
    }

    long countFailed() {
        return jdbc.sql("SELECT count(*) FROM generations WHERE status = 'failed'")
                .query(Long.class)
                .single();
    }

    record Unfinished(long pending, long processing) {}

    record Finished(long finished, long failed) {}

    /** How many generations are waiting, and how many a worker holds. */
    Unfinished unfinished() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'processing') AS processing
                  FROM generations WHERE status IN ('pending', 'processing')
                """)
                .query((rs, row) -> new Unfinished(rs.getLong("pending"), rs.getLong("processing")))
                .single();
    }

    /** How many generations finished at or after {@code since}, and how many of them failed (ix_generations_finished). */
    Finished finishedSince(Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS finished, count(*) FILTER (WHERE status = 'failed') AS failed
                  FROM generations WHERE status IN ('completed', 'failed') AND completed_at >= :since
                """)
                .param("since", Timestamps.sql(since))
                .query((rs, row) -> new Finished(rs.getLong("finished"), rs.getLong("failed")))
                .single();
    }

    long queueDepth() {
        return jdbc.sql("SELECT count(*) FROM generations WHERE status IN ('pending', 'processing')")
                .query(Long.class)
                .single();
    }

    private static boolean guarded(int rows) {
        if (rows > 1) {
            throw new IllegalStateException("a guarded update changed " + rows + " rows");
        }
        return rows == 1;
    }

    private static Claim claim(ResultSet rs, int rowNum) throws SQLException {
        GenerationRow row = row(rs, rowNum);
        return new Claim(row, row.attempts());
    }

    static GenerationRow row(ResultSet rs, int rowNum) throws SQLException {
        return new GenerationRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                GenerationStatus.of(rs.getString("status")),
                InputType.of(rs.getString("input_type")),
                rs.getString("input_address"),
                rs.getObject("input_upload_id", UUID.class),
                Style.valueOf(rs.getString("style").toUpperCase()),
                rs.getString("custom_prompt"),
                CreditType.valueOf(rs.getString("credit_type").toUpperCase()),
                rs.getBoolean("credit_refunded"),
                rs.getString("output_image_key"),
                rs.getString("output_content_type"),
                rs.getString("error_message"),
                rs.getInt("attempts"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "completed_at"),
                rs.getObject("processing_time_ms", Long.class));
    }
}
