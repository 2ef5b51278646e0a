package com.yarda.generation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The generation workers ({@code yarda.worker.*}).
 *
 * @param enabled whether this instance processes generations (an API-only instance may not)
 * @param lease how long a claimed generation belongs to its worker; one whose worker stopped is taken up again
 *     after this (the worker renews it while it works)
 * @param maxAttempts claims of one generation before it ends failed
 * @param concurrency generations processed at once by this instance
 * @param pollInterval how often the queue is checked when no wake-up came
 */
@Validated
@ConfigurationProperties("yarda.worker")
public record WorkerProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("2m") Duration lease,
        @Positive @DefaultValue("3") int maxAttempts,
        @Positive @DefaultValue("4") int concurrency,
        @NotNull @DefaultValue("500ms") Duration pollInterval) {}
