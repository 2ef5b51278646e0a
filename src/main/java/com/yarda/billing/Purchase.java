package com.yarda.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase of a token pack, as {@code GET /api/purchases} shows it.
 *
 * @param packId the pack bought; {@code tokens}, {@code amountCents} and {@code currency} are as it was sold
 * @param completedAt when it stopped being pending
 */
public record Purchase(
        UUID id,
        String packId,
        int tokens,
        int amountCents,
        String currency,
        PurchaseStatus status,
        Instant createdAt,
        @Nullable Instant completedAt) {}
