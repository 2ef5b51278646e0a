package com.yarda.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test mode: a checkout page of this service that completes a purchase without any payment. Its link carries a
 * random 256-bit token; only the token's SHA-256 is stored with the purchase, so the page can be opened and
 * completed only by whoever received the link from {@code POST /api/purchases}, and needs no login session.
 * Completing goes through {@link Fulfilment}, exactly as a paid Stripe session does.
 */
final class TestCheckoutSessions implements CheckoutSessions {

    private final PurchaseRepository purchases;
    private final Fulfilment fulfilment;
    private final ReturnUrls returnUrls;
    private final SecureRandom random;
    private final TransactionTemplate transaction;

    TestCheckoutSessions(
            PurchaseRepository purchases,
            Fulfilment fulfilment,
            ReturnUrls returnUrls,
            SecureRandom random,
            PlatformTransactionManager transactions) {
        this.purchases = purchases;
        this.fulfilment = fulfilment;
        this.returnUrls = returnUrls;
        this.random = random;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String provider() {
        return PurchaseRow.TEST;
    }

    @Override
    public OpenedCheckout open(PurchaseRow purchase, String productName, String customerEmail) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new OpenedCheckout(returnUrls.testCheckout(purchase.id(), token), null, hash(token));
    }

    /** The test purchase {@code purchaseId}, when {@code token} is the one of its checkout link. */
    Optional<PurchaseRow> find(UUID purchaseId, String token) {
        return purchases.find(purchaseId).filter(purchase -> matches(purchase, token));
    }

    /**
     * Completes the test purchase as paid, once: a purchase that is no longer pending stays as it is.
     *
     * @return false when the token is not the one of this purchase's link
     */
    boolean complete(UUID purchaseId, String token) {
        Boolean done = transaction.execute(status -> {
            Optional<PurchaseRow> purchase = purchases.findForUpdate(purchaseId);
            if (purchase.isEmpty() || !matches(purchase.get(), token)) {
                return false;
            }
            fulfilment.pay(purchaseId, null);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private static boolean matches(PurchaseRow purchase, String token) {
        byte[] stored = purchase.checkoutTokenHash();
        return PurchaseRow.TEST.equals(purchase.provider())
                && stored != null
                && !token.isEmpty()
                && MessageDigest.isEqual(stored, hash(token));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
