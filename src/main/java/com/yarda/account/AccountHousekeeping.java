package com.yarda.account;

import com.yarda.platform.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what accounts leave behind once it has served its purpose: registrations per client address and failed
 * logins once they no longer count, verification links {@code yarda.account.unverified-retention} after they
 * expired, and accounts still unverified that long after registration, with everything of them ({@link
 * AccountRemoval}). Every instance runs it; two runs at once delete each account once, under its row lock.
 */
@Component
class AccountHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);
    // accounts read per query: keeps each read short however many have piled up
    private static final int BATCH = 100;

    private final AddressRegistrations registrations;
    private final LoginAttempts attempts;
    private final VerificationTokens tokens;
    private final Users users;
    private final AccountRemoval removal;
    private final AccountProperties properties;
    private final Clock clock;

    AccountHousekeeping(
            AddressRegistrations registrations,
            LoginAttempts attempts,
            VerificationTokens tokens,
            Users users,
            AccountRemoval removal,
            AccountProperties properties,
            Clock clock) {
        this.registrations = registrations;
        this.attempts = attempts;
        this.tokens = tokens;
        this.users = users;
        this.removal = removal;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    void clean() {
        try {
            Instant now = clock.instant();
            int addresses = registrations.purge(now);
            int logins = attempts.purge(now, properties.failedLoginWindow());
            int links = tokens.purgeExpiredBefore(now.minus(properties.unverifiedRetention()));
            int accounts = removeUnverified(now);
            log.debug(
                    "Account housekeeping removed {} registration records, {} failed logins, {} verification links"
                            + " and {} unverified accounts",
                    addresses,
                    logins,
                    links,
                    accounts);
        } catch (RuntimeException e) {
            log.warn("Account housekeeping skipped, it runs again later: {}", e.getMessage());
        }
    }

    /**
     * Deletes the accounts still unverified {@code yarda.account.unverified-retention} after registration, except those
     * whose credits an operator changed ({@link AccountRemoval#removeUnverified}).
     *
     * @return how many were deleted
     */
    int removeUnverified(Instant now) {
        Instant cutoff = now.minus(properties.unverifiedRetention());
        int removed = 0;
        @Nullable UserRow last = null;
        List<UserRow> page;
        do {
            page = users.unverifiedRegisteredBefore(cutoff, last, BATCH);
            for (UserRow user : page) {
                if (remove(user, cutoff)) {
                    removed++;
                }
            }
            last = page.isEmpty() ? null : page.getLast();
        } while (page.size() == BATCH);
        if (removed > 0) {
            log.info(
                    "Deleted {} accounts whose email was not verified within {}",
                    removed,
                    properties.unverifiedRetention());
        }
        return removed;
    }

    private boolean remove(UserRow user, Instant cutoff) {
        try {
            if (removal.removeUnverified(user.id(), cutoff)) {
                log.info("Deleted account {}, registered {} and never verified", user.id(), user.createdAt());
                return true;
            }
            log.debug("Kept unverified account {}: verified meanwhile, or an operator changed its credits", user.id());
        } catch (ProblemException refused) {
            log.info("Unverified account {} not deleted, tried again later: {}", user.id(), refused.getMessage());
        }
        return false;
    }
}
