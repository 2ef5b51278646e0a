package com.yarda.generation;

import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code generations} (V4__generations.sql, V8__deletion.sql) as designs: accepting, reading back, history
 * and deletion. The same table is the work queue, whose statements are in {@link GenerationQueue}.
 */
@Repository
class GenerationRepository {

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

    /** Inserts a pending generation; {@code position} is its place in its comparison, if it is in one. */
    void insert(GenerationRow row, @Nullable Integer position) {
        jdbc.sql("""
                INSERT INTO generations (id, user_id, status, input_type, input_address, input_upload_id, style,
                                         custom_prompt, credit_type, created_at, parent_id, family_id, feedback,
                                         comparison_id, comparison_position)
                VALUES (:id, :user, 'pending', :inputType, :address, :upload, :style, :prompt, :creditType, :created,
                        :parent, :family, :feedback, :comparison, :position)
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
                .param("parent", row.parentId())
                .param("family", row.familyId())
                .param("feedback", row.feedback())
                .param("comparison", row.comparisonId())
                .param("position", position)
                .update();
    }

    /**
     * The completed, undeleted generation {@code id} of {@code userId}, locked for sharing until the transaction
     * ends, so that it cannot be deleted while a refinement of it is being accepted.
     */
    Optional<GenerationRow> lockForRefinement(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS + """
                 FROM generations
                 WHERE id = :id AND user_id = :user AND deleted_at IS NULL AND status = 'completed'
                   FOR SHARE
                """)
                .param("id", id)
                .param("user", userId)
                .query(GenerationRow::read)
                .optional();
    }

    /** Any generation by id, deleted or not; for the worker, which needs a refined design's image. */
    Optional<GenerationRow> find(UUID id) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS + " FROM generations WHERE id = :id")
                .param("id", id)
                .query(GenerationRow::read)
                .optional();
    }

    /** Every generation of a lineage of {@code userId}, deleted ones included, oldest first (ix_generations_family). */
    List<GenerationRow> family(UUID userId, UUID familyId) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS + """
                 FROM generations WHERE family_id = :family AND user_id = :user
                 ORDER BY created_at, id
                """)
                .param("family", familyId)
                .param("user", userId)
                .query(GenerationRow::read)
                .list();
    }

    /** The generations of comparison {@code comparisonId}, in the order its styles were given. */
    List<GenerationRow> comparison(UUID comparisonId) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS + """
                 FROM generations WHERE comparison_id = :comparison
                 ORDER BY comparison_position
                """)
                .param("comparison", comparisonId)
                .query(GenerationRow::read)
                .list();
    }

    /** How many refinements of {@code id} are still pending or processing: they need its image. */
    long unfinishedRefinements(UUID id) {
        return jdbc.sql("""
                SELECT count(*) FROM generations WHERE parent_id = :id AND status IN ('pending', 'processing')
                """).param("id", id).query(Long.class).single();
    }

    Optional<GenerationRow> findOwned(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS
                        + " FROM generations WHERE id = :id AND user_id = :user AND deleted_at IS NULL")
                .param("id", id)
                .param("user", userId)
                .query(GenerationRow::read)
                .optional();
    }

    /**
     * Up to {@code limit} designs of {@code userId}'s history, newest first, optionally only those with {@code status}:
     * from {@code offset} on, or (when {@code before} is given) those after it in the history, whatever was added or
     * deleted meanwhile. Deleted ones are skipped. Either way an index walk (ix_generations_user_history /
     * _status_history), but an offset walks and discards every earlier entry, a cursor starts where it points.
     */
    List<GenerationRow> history(
            UUID userId, @Nullable GenerationStatus status, @Nullable HistoryCursor before, int limit, long offset) {
        return jdbc.sql(historySql(status != null, before != null))
                .param("user", userId)
                .param("status", status == null ? null : status.value())
                .param("createdAt", before == null ? null : Timestamps.sql(before.createdAt()))
                .param("id", before == null ? null : before.id())
                .param("limit", limit)
                .param("offset", offset)
                .query(GenerationRow::read)
                .list();
    }

    static String historySql(boolean byStatus, boolean keyset) {
        return "SELECT " + GenerationRow.COLUMNS + " FROM generations WHERE user_id = :user AND deleted_at IS NULL"
                + (byStatus ? " AND status = :status" : "")
                + (keyset ? " AND (created_at, id) < (:createdAt, :id)" : "")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit" + (keyset ? "" : " OFFSET :offset");
    }

    /**
     * How many designs a user's history holds, and how many of them come before the page after a cursor (its own
     * design included): the page's offset.
     */
    record Extent(long total, long newer) {}

    /**
     * The {@link Extent} of {@code userId}'s history, optionally only with {@code status}. The whole history's total is
     * the number the database keeps (history_totals, V29__history_totals.sql); one of a status is counted in the index
     * of that status's history, reading no table row where the visibility map says the page is all-visible, and the
     * designs before a cursor in the history's index, up to the cursor.
     */
    Extent extent(UUID userId, @Nullable GenerationStatus status, @Nullable HistoryCursor before) {
        return jdbc.sql(extentSql(status != null, before != null))
                .param("user", userId)
                .param("status", status == null ? null : status.value())
                .param("createdAt", before == null ? null : Timestamps.sql(before.createdAt()))
                .param("id", before == null ? null : before.id())
                .query((rs, row) -> new Extent(rs.getLong("total"), rs.getLong("newer")))
                .single();
    }

    static String extentSql(boolean byStatus, boolean keyset) {
        if (byStatus) {
            return "SELECT count(*) AS total, "
                    + (keyset ? "count(*) FILTER (WHERE (created_at, id) >= (:createdAt, :id))" : "0")
                    + " AS newer FROM generations WHERE user_id = :user AND deleted_at IS NULL AND status = :status";
        }
        return "SELECT coalesce((SELECT designs FROM history_totals WHERE user_id = :user), 0) AS total, "
                + (keyset
                        ? "(SELECT count(*) FROM generations WHERE user_id = :user AND deleted_at IS NULL"
                                + " AND (created_at, id) >= (:createdAt, :id))"
                        : "0")
                + " AS newer";
    }

    /** What a deleted generation leaves to remove from storage. */
    record Deleted(@Nullable UUID inputUploadId, List<String> imageKeys) {}

    /**
     * Deletes a finished generation of {@code userId}: the row stays for its ledger entries, everything personal
     * in it is cleared (V8__deletion.sql, V12__site_and_plants.sql). Empty when there is no such generation, it is already deleted, or it is
     * not finished.
     */
    Optional<Deleted> delete(UUID userId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE generations g
                   SET deleted_at = :now, input_address = NULL, input_upload_id = NULL, custom_prompt = NULL,
                       prompt = NULL, output_image_key = NULL, output_content_type = NULL, site = NULL,
                       street_image_key = NULL, overhead_image_key = NULL, feedback = NULL
                  FROM (SELECT id, input_upload_id, output_image_key, street_image_key, overhead_image_key
                          FROM generations
                         WHERE id = :id AND user_id = :user AND deleted_at IS NULL
                           AND status IN ('completed', 'failed')
                           FOR UPDATE) old
                 WHERE g.id = old.id
                RETURNING old.input_upload_id, old.output_image_key, old.street_image_key, old.overhead_image_key
                """)
                .param("id", id)
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .query((rs, row) -> new Deleted(
                        rs.getObject("input_upload_id", UUID.class),
                        Stream.of(
                                        rs.getString("output_image_key"),
                                        rs.getString("street_image_key"),
                                        rs.getString("overhead_image_key"))
                                .filter(Objects::nonNull)
                                .toList()))
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

    /** The keys of every image the generations of {@code userId} keep: designs and pictures of their sites. */
    List<String> imageKeys(UUID userId) {
        return jdbc.sql("""
                        SELECT key FROM generations,
                               unnest(ARRAY[output_image_key, street_image_key, overhead_image_key]) AS key
                         WHERE user_id = :user AND key IS NOT NULL
                        """).param("user", userId).query(String.class).list();
    }

    /** Failed generations of every user, most recently finished first (ix_generations_failed, V7__admin.sql). */
    List<GenerationRow> failed(int limit, long offset) {
        return jdbc.sql("SELECT " + GenerationRow.COLUMNS + """
                 FROM generations WHERE status = 'failed'
                 ORDER BY completed_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("limit", limit)
                .param("offset", offset)
                .query(GenerationRow::read)
                .list();
    }

    long countFailed() {
        return jdbc.sql("SELECT count(*) FROM generations WHERE status = 'failed'")
                .query(Long.class)
                .single();
    }

    record Finished(long finished, long failed) {}

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
}
