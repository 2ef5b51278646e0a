package com.yarda.storage;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes images whose records are being deleted, once that deletion is committed: never before (a rolled back
 * deletion must not lose an image that is still shown), and never failing the deletion itself (an image that
 * cannot be removed is logged with its key for an operator).
 */
@Component
public class ImageDeletions {

    private static final Logger log = LoggerFactory.getLogger(ImageDeletions.class);

    private final ImageStore store;

    ImageDeletions(ImageStore store) {
        this.store = store;
    }

    /** Deletes the images kept under {@code keys} after the current transaction commits, or now without one. */
    public void afterCommit(Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        if (copy.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteNow(copy);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteNow(copy);
            }
        });
    }

    private void deleteNow(List<String> keys) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (UncheckedIOException e) {
                log.warn("Could not delete image {}; its record is gone, remove it by hand: {}", key, e.getMessage());
            }
        }
    }
}
