package com.yarda.credits;

import com.yarda.platform.NotFound;
import com.yarda.platform.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The credits of every user: opening an account, reading balances. */
@Service
public class Credits {

    private final CreditLedger ledger;
    private final CreditsProperties properties;
    private final Clock clock;

    Credits(CreditLedger ledger, CreditsProperties properties, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the credit account of a new user with the configured trial credits and records the grant in the
     * ledger. Runs inside the caller's transaction, so a user never exists without their credits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance openAccount(UUID userId) {
        Instant now = Timestamps.truncate(clock.instant());
        int trial = properties.trialCredits();
        ledger.openAccount(userId, trial, now);
        if (trial > 0) {
            ledger.append(userId, "trial_grant", CreditType.TRIAL, trial, trial, null, now);
        }
        return Balance.of(trial, 0);
    }

    /** The current balances of {@code userId}. */
    @Transactional(readOnly = true)
    public Balance balance(UUID userId) {
        return ledger.balance(userId).orElseThrow(() -> new NotFound("The credit account"));
    }
}
