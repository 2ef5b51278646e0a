package com.yarda.billing;

import com.yarda.platform.ApiValue;

/**
 * {@code pending → paid | failed | expired}. Only a pending purchase changes, and a paid one has granted its
 * tokens exactly once.
 */
public enum PurchaseStatus implements ApiValue {
    /** Waiting for the buyer to pay (or for an asynchronous payment to settle). */
    PENDING,
    /** Paid; its tokens are in the buyer's balance. */
    PAID,
    /** The payment failed, or the checkout could not be opened. */
    FAILED,
    /** The checkout was abandoned and closed by Stripe. */
    EXPIRED;

    static PurchaseStatus of(String value) {
        return ApiValue.of(PurchaseStatus.class, value);
    }
}
