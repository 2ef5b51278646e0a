package com.yarda.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint as the API lists it: never its secret. */
public record WebhookEndpoint(UUID id, String url, List<WebhookEvent> events, Instant createdAt) {}
