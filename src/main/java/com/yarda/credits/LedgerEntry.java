package com.yarda.credits;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of credits, as {@code GET /api/credits/transactions} shows it.
 *
 * @param kind {@code trial_grant}, {@code consume}, {@code refund}, {@code purchase} or {@code adjustment}
 * @param amount positive for credits added, negative for credits spent
 * @param balanceAfter the balance of {@code creditType} right after this entry
 * @param generationId the generation a {@code consume} or {@code refund} paid for
 * @param purchaseId the purchase a {@code purchase} entry granted
 */
public record LedgerEntry(
        UUID id,
        String kind,
        String creditType,
        int amount,
        int balanceAfter,
        @Nullable UUID generationId,
        @Nullable UUID purchaseId,
        Instant createdAt) {}
