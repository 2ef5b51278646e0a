package com.yarda.account;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never a password hash or a token. */
public record User(
        UUID id,
        String email,
        boolean emailVerified,
        int trialCredits,
        int tokenBalance,
        int totalAvailable,
        Instant createdAt) {}
