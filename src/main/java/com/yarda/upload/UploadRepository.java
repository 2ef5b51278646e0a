package com.yarda.upload;

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

/** SQL for {@code uploads} (V4__generations.sql). */
@Repository
class UploadRepository {

    record Row(Upload upload, UUID userId, String storageKey) {}

    // the designs made from it: its own generations, which keep the reference until they are deleted (V8, V21)
    private static final String COLUMNS = """
            u.id, u.user_id, u.storage_key, u.content_type, u.width, u.height, u.size_bytes, u.created_at,
            ARRAY(SELECT g.id FROM generations g WHERE g.input_upload_id = u.id ORDER BY g.created_at, g.id) AS used_by
            """;

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, Upload upload, String storageKey) {
        jdbc.sql("""
                INSERT INTO uploads (id, user_id, storage_key, content_type, width, height, size_bytes, created_at)
                VALUES (:id, :user, :key, :type, :width, :height, :size, :created)
                """)
                .param("id", upload.id())
                .param("user", userId)
                .param("key", storageKey)
                .param("type", upload.contentType())
                .param("width", upload.width())
                .param("height", upload.height())
                .param("size", upload.sizeBytes())
                .param("created", Timestamps.sql(upload.createdAt()))
                .update();
    }

    /** Locks the upload {@code id} of {@code userId} for sharing until the transaction ends; false when it is gone. */
    boolean lockOwned(UUID userId, UUID id) {
        return jdbc.sql("SELECT id FROM uploads WHERE id = :id AND user_id = :user FOR SHARE")
                .param("id", id)
                .param("user", userId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    Optional<Row> findOwned(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM uploads u WHERE u.id = :id AND u.user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(UploadRepository::read)
                .optional();
    }

    /** One page of the uploads of {@code userId}, newest first (ix_uploads_user). */
    List<Upload> page(UUID userId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM uploads u WHERE u.user_id = :user
                 ORDER BY u.created_at DESC, u.id DESC LIMIT :limit OFFSET :offset
                """)
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs, row).upload())
                .list();
    }

    /**
     * Up to {@code limit} uploads of {@code userId} that come after {@code last} newest first (the newest when it is
     * null): unlike an offset, this misses none when uploads are added or removed between two pages.
     */
    List<Upload> after(UUID userId, @Nullable Upload last, int limit) {
        if (last == null) {
            return page(userId, limit, 0);
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM uploads u
                 WHERE u.user_id = :user AND (u.created_at, u.id) < (:createdAt, :id)
                 ORDER BY u.created_at DESC, u.id DESC LIMIT :limit
                """)
                .param("user", userId)
                .param("createdAt", Timestamps.sql(last.createdAt()))
                .param("id", last.id())
                .param("limit", limit)
                .query((rs, row) -> read(rs, row).upload())
                .list();
    }

    long count(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM uploads WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /**
     * Locks the upload {@code id} of {@code userId} for deleting it, and first the designs made from it, whose
     * reference the deletion clears: in that order, the order in which a refinement of such a design locks them (the
     * design, then the photo), so that the two wait for each other instead of deadlocking.
     *
     * @return its storage key; empty when there is no such upload
     */
    Optional<String> lockForDeletion(UUID userId, UUID id) {
        jdbc.sql("""
                SELECT g.id FROM generations g JOIN uploads u ON u.id = g.input_upload_id
                 WHERE u.id = :id AND u.user_id = :user
                 ORDER BY g.id
                   FOR NO KEY UPDATE OF g
                """).param("id", id).param("user", userId).query(UUID.class).list();
        return jdbc.sql("SELECT storage_key FROM uploads WHERE id = :id AND user_id = :user FOR UPDATE")
                .param("id", id)
                .param("user", userId)
                .query(String.class)
                .optional();
    }

    /**
     * Whether a design (with {@code unfinishedOnly}: one still pending or processing) is made from upload {@code id}
     * (ix_generations_upload). Read after {@link #lockForDeletion}, it stays true until the deletion ends.
     */
    boolean usedByDesign(UUID id, boolean unfinishedOnly) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM generations WHERE input_upload_id = :id"
                        + (unfinishedOnly ? " AND status IN ('pending', 'processing')" : "")
                        + ")")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * Deletes the upload {@code id}, locked by {@link #lockForDeletion}. The designs made from it lose their reference
     * to it ({@code ON DELETE SET NULL}, V21__photo_deletion.sql), which the database allows only for finished ones.
     */
    void delete(UUID id) {
        jdbc.sql("DELETE FROM uploads WHERE id = :id").param("id", id).update();
    }

    /**
     * Deletes up to {@code batch} uploads made at or before {@code cutoff} that no generation uses, oldest first, and
     * returns their storage keys. A photo is in use while a generation row refers to it (the foreign key
     * {@code generations.input_upload_id}; a deleted design has let go of its photo). Rows that a concurrent request is
     * just attaching to a new generation are locked by its foreign-key check and skipped until the next run; should
     * that request commit just before this deletes the row, the database refuses to take the photo of a design still
     * to be drawn ({@code generations_input}) and the batch waits for the next run.
     */
    List<String> deleteUnused(Instant cutoff, int batch) {
        return jdbc.sql("""
                DELETE FROM uploads WHERE id IN (
                    SELECT u.id FROM uploads u
                     WHERE u.created_at <= :cutoff
                       AND NOT EXISTS (SELECT 1 FROM generations g WHERE g.input_upload_id = u.id)
                     ORDER BY u.created_at
                     LIMIT :batch
                       FOR UPDATE SKIP LOCKED)
                RETURNING storage_key
                """)
                .param("cutoff", Timestamps.sql(cutoff))
                .param("batch", batch)
                .query(String.class)
                .list();
    }

    private static Row read(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Row(
                new Upload(
                        id,
                        Uploads.url(id),
                        rs.getString("content_type"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getLong("size_bytes"),
                        Timestamps.read(rs, "created_at"),
                        List.of((UUID[]) rs.getArray("used_by").getArray())),
                rs.getObject("user_id", UUID.class),
                rs.getString("storage_key"));
    }

    /** The storage keys of every upload of {@code userId}. */
    List<String> storageKeys(UUID userId) {
        return jdbc.sql("SELECT storage_key FROM uploads WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list();
    }
}
