package com.yarda.generation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Generation rate limit ({@code yarda.rate-limit.*}): at most {@code maxRequests} accepted requests per user in
 * any rolling {@code window}.
 */
@Validated
@ConfigurationProperties("yarda.rate-limit")
public record RateLimitProperties(
        @Positive @DefaultValue("3") int maxRequests,
        @NotNull @DefaultValue("60s") Duration window) {}
