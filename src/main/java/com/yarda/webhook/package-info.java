/**
 * Webhooks (Standard Webhooks): a user's endpoints, and signed deliveries of their generations' ends from a durable
 * outbox in PostgreSQL, written in the transaction that ends the generation and delivered by any instance.
 */
@ApplicationModule(allowedDependencies = {"generation", "platform"})
@NullMarked
package com.yarda.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
