package com.yarda.account;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the client addresses of registrations once they no longer count against the per-address limit. */
@Component
class AccountHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);

    private final AddressRegistrations registrations;
    private final Clock clock;

    AccountHousekeeping(AddressRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    void clean() {
        try {
            int removed = registrations.purge(clock.instant());
            log.debug("Account housekeeping removed {} registration records", removed);
        } catch (RuntimeException e) {
            log.warn("Account housekeeping skipped, it runs again later: {}", e.getMessage());
        }
    }
}
