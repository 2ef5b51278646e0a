package com.yarda.admin;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A suspension or reactivation made by an admin: the account's state after it, and its audit record.
 *
 * @param suspendedAt since when the account is suspended; null once it is reactivated
 */
public record SuspensionChange(
        UUID userId, boolean suspended, @Nullable Instant suspendedAt, AuditEntry audit) {}
