package com.yarda.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint just added: the only answer that carries its signing secret. */
public record AddedWebhook(
        UUID id,
        String url,
        List<WebhookEvent> events,

        @Schema(
                description = "The signing secret, whsec_ and the base64 of 32 random bytes. Shown only in this answer:"
                        + " keep it to verify the webhook-signature header.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=")
        String secret,

        Instant createdAt) {}
