/**
 * Generations: accepting a request (rate limit, credit, idempotency in one transaction), the durable
 * database-backed queue and its workers, and the history.
 */
@ApplicationModule(allowedDependencies = {"account", "credits", "designer", "platform", "site", "storage", "upload"})
@NullMarked
package com.yarda.generation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
