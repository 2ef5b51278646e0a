package com.yarda.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code users}.
 *
 * @param tokenEpoch the number every bearer token and browser session of the user carries; raising it ends them all
 *     ({@code V19__token_epochs_and_suspensions.sql})
 * @param suspendedAt when an operator suspended the account; null while it is active
 */
record UserRow(
        UUID id,
        String email,
        String passwordHash,
        @Nullable Instant emailVerifiedAt,
        Instant createdAt,
        long tokenEpoch,
        @Nullable Instant suspendedAt,
        @Nullable String suspensionReason) {

    /** A new, active, unverified user at the first token epoch. */
    UserRow(UUID id, String email, String passwordHash, Instant createdAt) {
        this(id, email, passwordHash, null, createdAt, 0, null, null);
    }

    boolean verified() {
        return emailVerifiedAt != null;
    }

    boolean suspended() {
        return suspendedAt != null;
    }
}
