package com.yarda.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the image files of deleted records through a durable queue ({@code image_deletions}, V17): the keys are
 * queued in the transaction that deletes the records, so a committed deletion always leaves its files queued and a
 * rolled back one queues nothing (and loses no image that is still shown). Right after the commit the files are
 * deleted and their rows removed; a file that cannot be deleted then (storage down, a permission, a full S3 quota)
 * stays queued and every instance's drainer tries it again, with growing delays, until it is gone. A file that is
 * already gone counts as deleted. Nothing here fails the deletion that asked for it.
 */
@Component
public class ImageDeletions {

    private static final Logger log = LoggerFactory.getLogger(ImageDeletions.class);
    /** The wait before the first retry; each later one waits twice as long, up to the configured maximum. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    // a drainer that stops mid-try leaves its rows to others after this
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final ImageDeletionQueue queue;
    private final ImageStore store;
    private final ImageDeletionProperties properties;
    // the rows of the try after a commit: the committed transaction's connection is still bound, in no transaction
    private final TransactionTemplate separateTransaction;
    private final Clock clock;

    ImageDeletions(
            ImageDeletionQueue queue,
            ImageStore store,
            ImageDeletionProperties properties,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        this.queue = queue;
        this.store = store;
        this.properties = properties;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        Gauge.builder("yarda.images.deletions.pending", queue, ImageDeletionQueue::pending)
                .description("image files of deleted records that are not deleted yet")
                .register(meters);
    }

    /**
     * Deletes the images kept under {@code keys} after the current transaction commits, or now without one. In a
     * transaction they are queued in it: if it rolls back, nothing is deleted. Without one (a file nothing refers to
     * any more) they are queued on their own, so that a file the store cannot delete now is retried too.
     *
     * @throws DataAccessException only in a transaction, when the queue cannot be written: the deletion must not
     *     commit without its files queued
     */
    public void afterCommit(Collection<String> keys) {
        List<String> copy = List.copyOf(new LinkedHashSet<>(keys));
        if (copy.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            queue.add(copy, now, now.plus(FIRST_RETRY));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQueued(copy, true);
                }
            });
            return;
        }
        boolean queued;
        try {
            queue.add(copy, now, now.plus(FIRST_RETRY));
            queued = true;
        } catch (DataAccessException e) {
            log.warn(
                    "Could not queue the deletion of {} images; deleting them at once: {}",
                    copy.size(),
                    e.getMessage());
            queued = false;
        }
        deleteQueued(copy, queued);
    }

    /**
     * The try right after the commit: the rows of the files it deletes go, the others wait for the drainer. Their rows
     * are written in one transaction of their own (after a commit, the committed one's connection is still bound).
     */
    private void deleteQueued(List<String> keys, boolean queued) {
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                store.delete(key);
                deleted.add(key);
            } catch (RuntimeException e) {
                failed.put(key, describe(e));
            }
        }
        Instant retryAt = clock.instant().plus(backoff(1));
        failed.forEach((key, error) -> {
            if (queued) {
                log.warn("Could not delete image {}: {}; it stays queued, next try at {}", key, error, retryAt);
            } else {
                log.warn("Could not delete image {}, nor queue it; remove it by hand: {}", key, error);
            }
        });
        if (!queued) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> {
                queue.remove(deleted);
                failed.forEach((key, error) -> queue.failedFirstTry(key, error, retryAt));
            });
        } catch (DataAccessException e) {
            // the rows stay due: a drainer tries the files again, and a file already gone counts as deleted
            log.warn("The deletion queue could not be updated for {}; a drainer will: {}", keys, e.getMessage());
        }
    }

    @Scheduled(
            fixedDelayString = "${yarda.storage.deletion.poll-interval:1m}",
            initialDelayString = "${yarda.storage.deletion.poll-interval:1m}")
    void poll() {
        drain();
    }

    /**
     * Tries every queued file that is due, on any instance: the rows are claimed ({@code FOR UPDATE SKIP LOCKED}) so
     * that two drainers never try one file at once.
     *
     * @return how many files were deleted (or found gone already)
     */
    int drain() {
        int deleted = 0;
        try {
            List<ImageDeletionQueue.Claimed> batch;
            do {
                Instant now = clock.instant();
                batch = queue.claimDue(now, now.plus(LEASE), BATCH);
                for (ImageDeletionQueue.Claimed claimed : batch) {
                    if (retry(claimed)) {
                        deleted++;
                    }
                }
            } while (batch.size() == BATCH);
        } catch (DataAccessException e) {
            log.warn(
                    "The image deletion queue could not be read; it is tried again at the next poll: {}",
                    e.getMessage());
        }
        if (deleted > 0) {
            log.info("Deleted {} queued image files", deleted);
        }
        return deleted;
    }

    private boolean retry(ImageDeletionQueue.Claimed claimed) {
        try {
            store.delete(claimed.key());
        } catch (RuntimeException e) {
            Instant retryAt = clock.instant().plus(backoff(claimed.attempt()));
            String error = describe(e);
            log.warn(
                    "Could not delete image {} (attempt {}): {}; next try at {}",
                    claimed.key(),
                    claimed.attempt(),
                    error,
                    retryAt);
            if (!queue.failed(claimed, error, retryAt)) {
                log.warn("Image {}: the try outlived its lease and another took the row over", claimed.key());
            }
            return false;
        }
        if (!queue.done(claimed)) {
            log.debug("Image {} deleted; its row had already been taken over or removed", claimed.key());
        }
        return true;
    }

    /** 30 s after the first failed try, then twice as long each time, up to {@code yarda.storage.deletion.max-backoff}. */
    Duration backoff(int attempt) {
        long base = FIRST_RETRY.toMillis() << Math.clamp(attempt - 1, 0, 20);
        return Duration.ofMillis(Math.min(base, properties.maxBackoff().toMillis()));
    }

    /** What a store's failure says, with its cause (a store names the file, the cause says why). */
    static String describe(RuntimeException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        Throwable cause = e.getCause();
        return cause == null || message.contains(cause.toString()) ? message : message + " (" + cause + ")";
    }
}
