package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SQL for {@code trial_claims} (V11): the mailboxes that have had their free trial, as hashes. */
@Repository
class TrialClaims {

    private final JdbcClient jdbc;

    TrialClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the trial of the mailbox of {@code email}; false when it was claimed before. A concurrent claim of the
     * same mailbox waits for this transaction and then finds the claim (the primary key decides), so a trial is
     * granted at most once however registrations race; if this transaction rolls back, the claim goes with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean claim(String email, Instant now) {
        return jdbc.sql("""
                        INSERT INTO trial_claims (mailbox_hash, claimed_at) VALUES (:hash, :now)
                        ON CONFLICT (mailbox_hash) DO NOTHING
                        """)
                        .param("hash", Mailboxes.claimHash(email))
                        .param("now", Timestamps.sql(now))
                        .update()
                == 1;
    }

    /**
     * Gives the trial of the mailbox of {@code email} back: for an account that claimed it and is removed without
     * ever having been verified, so that it never could have used it (someone registering another person's address
     * must not use up that person's free trial).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(String email) {
        jdbc.sql("DELETE FROM trial_claims WHERE mailbox_hash = :hash")
                .param("hash", Mailboxes.claimHash(email))
                .update();
    }
}
