package com.yarda.storage;

import com.yarda.platform.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code storage} in {@code GET /health}: up when the image store can keep a new image and delete it again, which is
 * what uploads and finished designs need (a read-only or full disk, or a bucket that refuses writes, is down). The
 * probe is a real write, so its result is kept for {@link #CACHED_FOR}: however often a load balancer asks, the store
 * sees at most one probe in that time.
 */
@Component
class StorageHealth implements HealthCheck {

    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);
    static final Duration CACHED_FOR = Duration.ofSeconds(5);
    // a few bytes under an image type the store accepts; nothing ever reads them
    private static final byte[] PROBE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private record Probe(Instant at, boolean up) {}

    private final ImageStore store;
    private final ImageDeletions deletions;
    private final Clock clock;
    private @Nullable Probe last; // guarded by this

    StorageHealth(ImageStore store, ImageDeletions deletions, Clock clock) {
        this.store = store;
        this.deletions = deletions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public synchronized boolean up() {
        Instant now = clock.instant();
        Probe previous = last;
        if (previous != null
                && !now.isBefore(previous.at())
                && now.isBefore(previous.at().plus(CACHED_FOR))) {
            return previous.up();
        }
        Optional<String> failure = probe();
        boolean up = failure.isEmpty();
        if (!up && (previous == null || previous.up())) {
            log.warn("The image store cannot be written: {}; uploads answer 503 until it can", failure.get());
        } else if (up && previous != null && !previous.up()) {
            log.info("The image store can be written again");
        }
        last = new Probe(now, up);
        return up;
    }

    /** Stores a probe image and deletes it again; what failed, if anything. */
    private Optional<String> probe() {
        StoredImage stored;
        try {
            stored = store.store(PROBE, ImageFormat.PNG.contentType());
        } catch (RuntimeException e) {
            return Optional.of(ImageDeletions.describe(e));
        }
        try {
            store.delete(stored.key());
            return Optional.empty();
        } catch (RuntimeException e) {
            // the probe file must not stay: the deletion queue retries it
            deletions.afterCommit(List.of(stored.key()));
            return Optional.of("a stored image cannot be deleted: " + ImageDeletions.describe(e));
        }
    }
}
