package com.yarda.billing;

import com.yarda.billing.BillingProblems.CheckoutUnavailable;
import org.jspecify.annotations.Nullable;

/** Where a buyer pays: Stripe Checkout, or the built-in test checkout when no Stripe key is configured. */
interface CheckoutSessions {

    /** {@code stripe} or {@code test}: recorded with each purchase. */
    String provider();

    /**
     * Opens the payment page of a purchase that is recorded pending. Runs outside any transaction: it may wait for
     * Stripe.
     *
     * @throws CheckoutUnavailable when the payment provider refused or did not answer
     */
    OpenedCheckout open(PurchaseRow purchase, String productName, String customerEmail);

    /**
     * Where the buyer pays for one purchase.
     *
     * @param stripeSessionId the Checkout Session, with Stripe
     * @param checkoutTokenHash SHA-256 of the secret in the test checkout link, in test mode
     */
    record OpenedCheckout(String url, @Nullable String stripeSessionId, byte @Nullable [] checkoutTokenHash) {}
}
