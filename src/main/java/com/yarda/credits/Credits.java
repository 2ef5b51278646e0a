package com.yarda.credits;

import com.yarda.credits.CreditLedger.Charge;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The credits of every user: opening an account, paying for generations, refunds and balances. */
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
        return open(userId, properties.trialCredits());
    }

    /**
     * Opens the credit account of a new user who gets no trial credits (their mailbox had them with another
     * account): both balances 0, and nothing in the ledger. Runs inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance openAccountWithoutTrial(UUID userId) {
        return open(userId, 0);
    }

    private Balance open(UUID userId, int trial) {
        Instant now = Timestamps.truncate(clock.instant());
        ledger.openAccount(userId, trial, now);
        if (trial > 0) {
            ledger.append(userId, "trial_grant", CreditType.TRIAL, trial, trial, null, now);
        }
        return Balance.of(trial, 0);
    }

    /**
     * Takes one credit from {@code userId} to pay for {@code generationId}: a trial credit while there is one,
     * otherwise a token. Runs inside the caller's transaction and holds the account's row lock until it ends,
     * so concurrent requests are served one after the other and a balance never goes below zero.
     *
     * @return the type of credit that paid
     * @throws InsufficientCredits when both balances are zero
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CreditType consumeFor(UUID userId, UUID generationId) {
        Instant now = Timestamps.truncate(clock.instant());
        for (CreditType type : CreditType.values()) { // TRIAL before TOKEN
            Optional<Integer> after = ledger.takeOne(userId, type, now);
            if (after.isPresent()) {
                ledger.append(userId, "consume", type, -1, after.get(), generationId, now);
                return type;
            }
        }
        throw new InsufficientCredits();
    }

    /**
     * Gives the credit that paid for {@code generationId} back to its owner, once. Runs inside the caller's
     * transaction; a second refund for one generation is refused by the database (uq_refund_generation).
     *
     * @return false when the generation was already refunded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean refund(UUID generationId) {
        Charge charge = ledger.chargeFor(generationId)
                .orElseThrow(() -> new IllegalStateException("generation " + generationId + " was never charged"));
        if (ledger.refunded(generationId)) {
            return false;
        }
        Instant now = Timestamps.truncate(clock.instant());
        int after = ledger.add(charge.userId(), charge.type(), 1, now).orElseThrow();
        ledger.append(charge.userId(), "refund", charge.type(), 1, after, generationId, now);
        return true;
    }

    /**
     * Adds the {@code tokens} of a paid purchase to {@code userId}'s token balance, recorded as a {@code purchase}
     * entry that names {@code purchaseId}. Runs inside the caller's transaction, which also records the purchase as
     * paid; the database refuses a second grant for one purchase (uq_purchase_grant), so a bug that tried to grant
     * twice would fail the caller's transaction instead.
     *
     * @return the balances after the grant
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance grantPurchase(UUID userId, UUID purchaseId, int tokens) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("a purchase grants at least one token, not " + tokens);
        }
        Instant now = Timestamps.truncate(clock.instant());
        int after =
                ledger.add(userId, CreditType.TOKEN, tokens, now).orElseThrow(() -> new NotFound("The credit account"));
        ledger.append(userId, "purchase", CreditType.TOKEN, tokens, after, null, purchaseId, now);
        return balance(userId);
    }

    /**
     * Adds (or, with a negative {@code amount}, deducts) credits of one type, recorded as an {@code adjustment}.
     * For operators and benchmarks. Joins the caller's transaction when there is one, so that an operator's audit
     * record and the adjustment commit together.
     *
     * @throws ValidationFailed when a deduction would take the balance below zero; nothing changes
     * @throws NotFound when {@code userId} has no credit account
     */
    @Transactional
    public Balance adjust(UUID userId, CreditType type, int amount) {
        if (amount == 0) {
            throw new IllegalArgumentException("an adjustment changes the balance");
        }
        Instant now = Timestamps.truncate(clock.instant());
        Optional<Integer> after = ledger.addUnlessNegative(userId, type, amount, now);
        if (after.isEmpty()) {
            Balance current = balance(userId);
            int available = type == CreditType.TRIAL ? current.trialCredits() : current.tokenBalance();
            throw new ValidationFailed(
                    "amount",
                    "deducting %d would take the %s balance below zero: it is %d"
                            .formatted(-amount, type.value(), available));
        }
        ledger.append(userId, "adjustment", type, amount, after.get(), null, now);
        return balance(userId);
    }

    /** The ledger of {@code userId}, newest first. */
    @Transactional(readOnly = true)
    public Page<LedgerEntry> transactions(UUID userId, int limit, long offset) {
        return new Page<>(ledger.entries(userId, limit, offset), ledger.count(userId), limit, offset);
    }

    /** The current balances of {@code userId}. */
    @Transactional(readOnly = true)
    public Balance balance(UUID userId) {
        return ledger.balance(userId).orElseThrow(() -> new NotFound("The credit account"));
    }
}
