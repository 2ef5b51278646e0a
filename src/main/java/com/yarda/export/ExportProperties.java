package com.yarda.export;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Exports of accounts ({@code yarda.exports.*}).
 *
 * @param maxPerHour exports one user may start in any hour: each reads every image of the account; more get 429
 */
@Validated
@ConfigurationProperties("yarda.exports")
record ExportProperties(@Positive @DefaultValue("5") int maxPerHour) {}
