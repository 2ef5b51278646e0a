package com.yarda.account;

import com.yarda.account.AccountProblems.AlreadySuspended;
import com.yarda.account.AccountProblems.NotSuspended;
import com.yarda.platform.NotFound;
import com.yarda.platform.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' suspensions of accounts. A suspended account cannot log in (the right password is answered 403 {@code
 * account_suspended}), and every token and session of it ends at once: the token epoch rises with the suspension.
 * Nothing else changes: its designs already queued are drawn (or fail and are refunded) as usual, and its data stays
 * until it is reactivated or deleted. The operator's side (who, why, the audit log) is the admin feature's.
 */
@Service
public class Suspensions {

    private static final Logger log = LoggerFactory.getLogger(Suspensions.class);

    private final Users users;
    private final Clock clock;

    Suspensions(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** An account's suspension: since when, and the operator's reason. */
    public record Suspension(Instant suspendedAt, String reason) {}

    /** The suspension of user {@code id}; empty while the account is active. */
    public Optional<Suspension> of(UUID id) {
        return users.findById(id)
                .filter(UserRow::suspended)
                .map(row -> new Suspension(row.suspendedAt(), String.valueOf(row.suspensionReason())));
    }

    /**
     * Suspends user {@code id} (in the caller's transaction, if any) and ends their tokens and sessions.
     *
     * @throws NotFound when there is no such user
     * @throws AlreadySuspended when the account is suspended already
     */
    @Transactional
    public Suspension suspend(UUID id, String reason) {
        Instant now = Timestamps.truncate(clock.instant());
        if (!users.suspend(id, reason, now)) {
            users.findById(id).orElseThrow(() -> new NotFound("The user"));
            throw new AlreadySuspended();
        }
        log.info("Suspended user {}: every token and session of theirs ended", id);
        return new Suspension(now, reason);
    }

    /**
     * Lets user {@code id} log in again (in the caller's transaction, if any). Their old tokens stay ended.
     *
     * @throws NotFound when there is no such user
     * @throws NotSuspended when the account is not suspended
     */
    @Transactional
    public void reactivate(UUID id) {
        if (!users.reactivate(id)) {
            users.findById(id).orElseThrow(() -> new NotFound("The user"));
            throw new NotSuspended();
        }
        log.info("Reactivated user {}", id);
    }
}
