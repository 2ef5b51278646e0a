package com.yarda.upload;

import com.yarda.storage.ImageDeletions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes photos that no design uses once {@code yarda.uploads.unused-retention} has passed (a photo uploaded and
 * never used, or left behind by a design request that was refused), and quota records that no longer count. Every
 * instance runs it; two runs at once delete each photo once, since a deletion locks its rows.
 */
@Component
class UploadHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(UploadHousekeeping.class);
    // photos per transaction: keeps each transaction short however many have piled up
    private static final int BATCH = 100;

    private final UploadRepository uploads;
    private final UploadQuota quota;
    private final ImageDeletions deletions;
    private final UploadProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    UploadHousekeeping(
            UploadRepository uploads,
            UploadQuota quota,
            ImageDeletions deletions,
            UploadProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.uploads = uploads;
        this.quota = quota;
        this.deletions = deletions;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    void clean() {
        try {
            int photos = removeUnused();
            int usage = quota.purge(clock.instant());
            log.debug("Upload housekeeping removed {} unused photos and {} old quota records", photos, usage);
        } catch (RuntimeException e) {
            log.warn("Upload housekeeping skipped, it runs again later: {}", e.getMessage());
        }
    }

    /**
     * Deletes every upload older than the retention that no generation uses, with its image once that is committed.
     *
     * @return how many were deleted
     */
    int removeUnused() {
        int removed = 0;
        List<String> keys;
        do {
            keys = transaction.execute(status -> {
                List<String> deleted = uploads.deleteUnused(clock.instant().minus(properties.unusedRetention()), BATCH);
                deletions.afterCommit(deleted);
                return deleted;
            });
            removed += keys.size();
        } while (keys.size() == BATCH);
        if (removed > 0) {
            log.info("Removed {} photos that no design used within {}", removed, properties.unusedRetention());
        }
        return removed;
    }
}
