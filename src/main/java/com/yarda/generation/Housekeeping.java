package com.yarda.generation;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes rate-limit attempts that no longer count and idempotency records past their retention. */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /** API.md promises at least 24 h; a little more absorbs clock differences between instances. */
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(48);

    private final RateLimiter rateLimiter;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    Housekeeping(RateLimiter rateLimiter, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    void clean() {
        try {
            int attempts = rateLimiter.purge(clock.instant());
            int keys = idempotencyKeys.purgeOlderThan(clock.instant().minus(IDEMPOTENCY_RETENTION));
            log.debug("Housekeeping removed {} rate-limit attempts and {} idempotency keys", attempts, keys);
        } catch (RuntimeException e) {
            log.warn("Housekeeping skipped: {}", e.getMessage());
        }
    }
}
