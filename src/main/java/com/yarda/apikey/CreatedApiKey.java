package com.yarda.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A key just made: the only answer that ever carries the key. */
public record CreatedApiKey(
        UUID id,
        String name,

        @Schema(
                description = "The key: yk_ and the base64url of 32 random bytes. Shown only in this answer (only a"
                        + " hash of it is kept): send it as Authorization: Bearer yk_…",
                example = "yk_EL1iloRtrvuG1ehHBAaO-fhZnVGYnoAf0fdduBYRSsw")
        String key,

        Instant createdAt) {}
