package com.yarda.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code users}. */
record UserRow(
        UUID id,
        String email,
        String passwordHash,
        @Nullable Instant emailVerifiedAt,
        Instant createdAt) {

    boolean verified() {
        return emailVerifiedAt != null;
    }
}
