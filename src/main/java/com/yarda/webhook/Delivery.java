package com.yarda.webhook;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint, as its delivery log shows it.
 *
 * @param messageId its {@code webhook-id} header, the same on every attempt: {@code msg_} and the 32 hex digits of
 *     {@code id}
 * @param attempts attempts made so far
 * @param lastStatusCode what the receiver answered last; null before the first answer, or when the last attempt got
 *     none (refused, timed out, address not allowed: see {@code last_error})
 * @param lastError why the last attempt failed, when it did
 * @param nextAttemptAt when it will be tried (again); null once delivered or given up
 */
public record Delivery(
        UUID id,
        String messageId,
        WebhookEvent eventType,
        UUID generationId,
        DeliveryStatus status,
        int attempts,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        Instant createdAt) {}
