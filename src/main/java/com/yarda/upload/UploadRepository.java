package com.yarda.upload;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code uploads} (V4__generations.sql). */
@Repository
class UploadRepository {

    record Row(Upload upload, UUID userId, String storageKey) {}

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
        return jdbc.sql("""
                SELECT id, user_id, storage_key, content_type, width, height, size_bytes, created_at
                  FROM uploads WHERE id = :id AND user_id = :user
                """)
                .param("id", id)
                .param("user", userId)
                .query((rs, row) -> {
                    UUID uploadId = rs.getObject("id", UUID.class);
                    return new Row(
                            new Upload(
                                    uploadId,
                                    Uploads.url(uploadId),
                                    rs.getString("content_type"),
                                    rs.getInt("width"),
                                    rs.getInt("height"),
                                    rs.getLong("size_bytes"),
                                    Timestamps.read(rs, "created_at")),
                            rs.getObject("user_id", UUID.class),
                            rs.getString("storage_key"));
                })
                .optional();
    }

    /**
     * Deletes the upload {@code id} of {@code userId} and returns its storage key; empty when there is no such
     * upload.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException while a generation still uses it
     */
    Optional<String> delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM uploads WHERE id = :id AND user_id = :user RETURNING storage_key")
                .param("id", id)
                .param("user", userId)
                .query(String.class)
                .optional();
    }

    /**
     * Deletes up to {@code batch} uploads made at or before {@code cutoff} that no generation uses, oldest first, and
     * returns their storage keys. A photo is in use while a generation row refers to it (the foreign key
     * {@code generations.input_upload_id}; a deleted design has let go of its photo). Rows that a concurrent request is
     * just attaching to a new generation are locked by its foreign-key check and skipped until the next run.
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

    /** The storage keys of every upload of {@code userId}. */
    List<String> storageKeys(UUID userId) {
        return jdbc.sql("SELECT storage_key FROM uploads WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list();
    }
}
