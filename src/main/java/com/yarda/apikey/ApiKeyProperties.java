package com.yarda.apikey;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API keys ({@code yarda.api-keys.*}).
 *
 * @param maxPerUser keys one user may have at once; one more is refused (422) until one is deleted
 */
@Validated
@ConfigurationProperties("yarda.api-keys")
public record ApiKeyProperties(@Positive @DefaultValue("20") int maxPerUser) {}
