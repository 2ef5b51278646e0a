package com.yarda.account;

import com.yarda.credits.Credits;
import com.yarda.credits.LedgerEntry;
import com.yarda.mail.Mailer;
import com.yarda.platform.NotFound;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an account and everything of it in one transaction: the user row and, by {@code ON DELETE CASCADE}, every
 * row of theirs; the emails to the address; and, through {@link AccountDeleting}, what other features keep (their
 * image files are queued for deletion in the same transaction). Its owner asks for it ({@link Accounts#delete}), or
 * the housekeeping does for an account that was never verified ({@link AccountHousekeeping}).
 */
@Component
class AccountRemoval {

    private final Users users;
    private final TrialClaims trialClaims;
    private final Credits credits;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    AccountRemoval(
            Users users,
            TrialClaims trialClaims,
            Credits credits,
            Mailer mailer,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.trialClaims = trialClaims;
        this.credits = credits;
        this.mailer = mailer;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Deletes the account {@code id}.
     *
     * @throws NotFound when there is no such account (any more)
     * @throws com.yarda.platform.ProblemException when a feature refuses (409 while a design of it is being drawn)
     */
    void remove(UUID id) {
        transaction.executeWithoutResult(status -> {
            UserRow user = users.findByIdForUpdate(id).orElseThrow(() -> new NotFound("The user"));
            delete(user);
        });
    }

    /**
     * Deletes the account {@code id} if it is still unverified, was registered at or before {@code registeredBefore},
     * and its credits never moved but for its trial grant (whose mailbox gets its trial back: the account never could
     * use it): credits an operator granted or took are not thrown away
     * with it (an unverified account cannot design, upload or buy, so nothing else can have moved them). Decided
     * under the lock of the user row, which verifying the email also takes.
     *
     * @return whether it was deleted
     * @throws com.yarda.platform.ProblemException when a feature refuses
     */
    boolean removeUnverified(UUID id, Instant registeredBefore) {
        Boolean removed = transaction.execute(status -> {
            Optional<UserRow> user = users.findByIdForUpdate(id)
                    .filter(row -> !row.verified() && !row.createdAt().isAfter(registeredBefore))
                    .filter(row -> onlyTrialGranted(row.id()));
            user.ifPresent(row -> {
                if (claimedTheTrial(row.id())) {
                    trialClaims.release(row.email());
                }
                delete(row);
            });
            return user.isPresent();
        });
        return Boolean.TRUE.equals(removed);
    }

    /** Whether the account got the trial of its mailbox (a second account of one mailbox is granted 0 credits). */
    private boolean claimedTheTrial(UUID userId) {
        return credits.transactions(userId, 1, 0).items().stream()
                .anyMatch(entry -> entry.kind().equals("trial_grant") && entry.amount() > 0);
    }

    private boolean onlyTrialGranted(UUID userId) {
        // at most one trial grant per user (uq_trial_grant_user): two entries are already one too many
        return credits.transactions(userId, 2, 0).items().stream()
                .map(LedgerEntry::kind)
                .allMatch("trial_grant"::equals);
    }

    private void delete(UserRow user) {
        events.publishEvent(new AccountDeleting(user.id()));
        mailer.forget(user.email());
        users.delete(user.id());
    }
}
