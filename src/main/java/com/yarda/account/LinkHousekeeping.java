package com.yarda.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets password reset links and email changes a day after they expired: a pending change holds an address the user
 * never confirmed. Within that day a late click is still told that its link expired.
 */
@Component
class LinkHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LinkHousekeeping.class);
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final PasswordResetTokens resetTokens;
    private final EmailChangeRequests emailChanges;
    private final Clock clock;

    LinkHousekeeping(PasswordResetTokens resetTokens, EmailChangeRequests emailChanges, Clock clock) {
        this.resetTokens = resetTokens;
        this.emailChanges = emailChanges;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    void clean() {
        try {
            Instant cutoff = clock.instant().minus(KEPT_AFTER_EXPIRY);
            int resets = resetTokens.purgeExpiredBefore(cutoff);
            int changes = emailChanges.purgeExpiredBefore(cutoff);
            log.debug("Link housekeeping removed {} reset links and {} email changes", resets, changes);
        } catch (RuntimeException e) {
            log.warn("Link housekeeping skipped, it runs again later: {}", e.getMessage());
        }
    }
}
