package com.yarda.upload;

import com.yarda.platform.Timestamps;
import com.yarda.storage.ImageTooLarge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily upload quotas of every user, counted in {@code upload_usage} (V10__upload_quotas.sql) so that every
 * instance sees the same numbers: an upload counts for exactly {@link UploadProperties#WINDOW} after it was made, in
 * photos and in stored bytes. Rows are never removed while they count, whatever happens to their uploads.
 */
@Repository
class UploadQuota {

    private record Usage(long sizeBytes, Instant uploadedAt) {}

    private final JdbcClient jdbc;
    private final UploadProperties properties;

    UploadQuota(JdbcClient jdbc, UploadProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Refuses when {@code userId} has no room left at all today, without locking or recording anything: a cheap
     * refusal before an upload is decoded. {@link #record} decides.
     *
     * @throws UploadQuotaExceeded when no further photo fits
     */
    void requireRoom(UUID userId, Instant now) {
        refuseUnlessFits(usage(userId, now), 0, now);
    }

    /**
     * Records an upload of {@code sizeBytes} by {@code userId} at {@code now}, or refuses it when it would pass a
     * quota. Holds a per-user lock until the caller's transaction ends, so concurrent uploads of one user (on any
     * instance) are counted one after the other; a refused or rolled back upload does not count.
     *
     * @throws UploadQuotaExceeded when the photos or the bytes of the window would pass their limit
     * @throws ImageTooLarge when this one photo is larger than a whole day's bytes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(UUID userId, long sizeBytes, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "upload-quota:" + userId)
                .query((rs, row) -> 1)
                .single();
        refuseUnlessFits(usage(userId, now), sizeBytes, now);
        jdbc.sql("INSERT INTO upload_usage (user_id, size_bytes, uploaded_at) VALUES (:user, :size, :now)")
                .param("user", userId)
                .param("size", sizeBytes)
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** Forgets uploads that no longer count; they only cost space. */
    int purge(Instant now) {
        return jdbc.sql("DELETE FROM upload_usage WHERE uploaded_at <= :cutoff")
                .param("cutoff", Timestamps.sql(now.minus(UploadProperties.WINDOW)))
                .update();
    }

    /** What {@code userId} uploaded within the window, oldest first. */
    private List<Usage> usage(UUID userId, Instant now) {
        return jdbc.sql("""
                SELECT size_bytes, uploaded_at FROM upload_usage
                 WHERE user_id = :user AND uploaded_at > :start
                 ORDER BY uploaded_at
                """)
                .param("user", userId)
                .param("start", Timestamps.sql(now.minus(UploadProperties.WINDOW)))
                .query((rs, row) -> new Usage(rs.getLong("size_bytes"), Timestamps.read(rs, "uploaded_at")))
                .list();
    }

    /** @param sizeBytes the size of the upload to add, or 0 to ask whether any upload fits at all */
    private void refuseUnlessFits(List<Usage> counted, long sizeBytes, Instant now) {
        int maxPhotos = properties.maxPerDay();
        if (counted.size() >= maxPhotos) {
            // the photo count drops below the limit when this one leaves the window
            Usage frees = counted.get(counted.size() - maxPhotos);
            throw UploadQuotaExceeded.photos(maxPhotos, until(frees, now));
        }
        long maxBytes = properties.maxBytesPerDay().toBytes();
        if (sizeBytes > maxBytes) {
            throw new ImageTooLarge("This photo takes " + UploadQuotaExceeded.mebibytes(sizeBytes)
                    + " once stored, more than the " + UploadQuotaExceeded.mebibytes(maxBytes)
                    + " that can be uploaded per day. Upload a smaller photo.");
        }
        long used = counted.stream().mapToLong(Usage::sizeBytes).sum();
        // an upload has at least one byte
        long excess = used + Math.max(1, sizeBytes) - maxBytes;
        if (excess > 0) {
            long freed = 0;
            for (Usage usage : counted) {
                freed += usage.sizeBytes();
                if (freed >= excess) {
                    throw UploadQuotaExceeded.bytes(
                            maxBytes, Math.max(0, maxBytes - used), sizeBytes, until(usage, now));
                }
            }
            throw new IllegalStateException("the window's uploads cannot hold more bytes than they add up to");
        }
    }

    private static Duration until(Usage leavesTheWindow, Instant now) {
        return Duration.between(now, leavesTheWindow.uploadedAt().plus(UploadProperties.WINDOW));
    }
}
