package com.yarda.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code purchases} (V6__billing.sql). */
record PurchaseRow(
        UUID id,
        UUID userId,
        String packId,
        int tokens,
        int amountCents,
        String currency,
        PurchaseStatus status,
        String provider,
        @Nullable String stripeSessionId,
        @Nullable String checkoutUrl,
        byte @Nullable [] checkoutTokenHash,
        Instant createdAt,
        @Nullable Instant completedAt) {

    static final String STRIPE = "stripe";
    static final String TEST = "test";

    Purchase toPurchase() {
        return new Purchase(id, packId, tokens, amountCents, currency, status, createdAt, completedAt);
    }
}
