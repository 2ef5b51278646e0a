package com.yarda.billing;

import com.yarda.credits.Balance;
import com.yarda.credits.Credits;
import com.yarda.platform.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a purchase leaves {@code pending}, for Stripe's webhooks and the test checkout alike. Each call runs
 * in its caller's transaction, locks the purchase row, and changes a purchase only while it is pending; a paid
 * purchase's tokens are granted in that same transaction. So a purchase is granted at most once, however often
 * and however concurrently it is reported paid (and the ledger's uq_purchase_grant would refuse a second grant).
 */
@Component
class Fulfilment {

    private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

    private final PurchaseRepository purchases;
    private final Credits credits;
    private final Clock clock;

    Fulfilment(PurchaseRepository purchases, Credits credits, Clock clock) {
        this.purchases = purchases;
        this.credits = credits;
        this.clock = clock;
    }

    /**
     * Marks the purchase paid and grants its tokens.
     *
     * @param stripeSessionId the Checkout Session that was paid; null for the test checkout
     * @return false when nothing changed: unknown purchase, another session's, or no longer pending
     */
    boolean pay(UUID purchaseId, @Nullable String stripeSessionId) {
        PurchaseRow purchase = lockPending(purchaseId, stripeSessionId);
        if (purchase == null) {
            return false;
        }
        if (!purchases.finish(purchaseId, PurchaseStatus.PAID, stripeSessionId, now())) {
            throw new IllegalStateException("purchase " + purchaseId + " changed under its row lock");
        }
        Balance balance = credits.grantPurchase(purchase.userId(), purchaseId, purchase.tokens());
        log.info(
                "Purchase {} of user {} is paid: {} tokens granted, token balance now {}",
                purchaseId,
                purchase.userId(),
                purchase.tokens(),
                balance.tokenBalance());
        return true;
    }

    /**
     * Ends the purchase {@code failed} or {@code expired}, granting nothing.
     *
     * @return false when nothing changed: unknown purchase, another session's, or no longer pending
     */
    boolean close(UUID purchaseId, PurchaseStatus status, @Nullable String stripeSessionId) {
        if (status != PurchaseStatus.FAILED && status != PurchaseStatus.EXPIRED) {
            throw new IllegalArgumentException("a purchase closes failed or expired, not " + status);
        }
        PurchaseRow purchase = lockPending(purchaseId, stripeSessionId);
        if (purchase == null) {
            return false;
        }
        purchases.finish(purchaseId, status, stripeSessionId, now());
        log.info("Purchase {} of user {} ended {}", purchaseId, purchase.userId(), status.value());
        return true;
    }

    private @Nullable PurchaseRow lockPending(UUID purchaseId, @Nullable String stripeSessionId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("fulfilment runs inside its caller's transaction");
        }
        PurchaseRow purchase = purchases.findForUpdate(purchaseId).orElse(null);
        if (purchase == null) {
            log.warn("A payment update names purchase {}, which does not exist; ignored", purchaseId);
            return null;
        }
        if (stripeSessionId != null
                && purchase.stripeSessionId() != null
                && !Objects.equals(stripeSessionId, purchase.stripeSessionId())) {
            log.warn(
                    "Checkout Session {} names purchase {}, which belongs to session {}; ignored",
                    stripeSessionId,
                    purchaseId,
                    purchase.stripeSessionId());
            return null;
        }
        if (purchase.status() != PurchaseStatus.PENDING) {
            log.debug(
                    "Purchase {} is already {}; nothing to do",
                    purchaseId,
                    purchase.status().value());
            return null;
        }
        return purchase;
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
