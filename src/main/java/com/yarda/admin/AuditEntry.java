package com.yarda.admin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change an admin made: who, what, to whom, why and when.
 *
 * @param action what was done, such as {@code credit_adjustment}
 * @param details the facts of the change, such as the credit type, amount and resulting balance
 */
public record AuditEntry(
        UUID id,
        UUID adminId,
        String adminEmail,
        String action,
        @Nullable UUID targetUserId,
        String reason,
        Map<String, Object> details,
        Instant createdAt) {}
