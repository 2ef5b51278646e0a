package com.yarda.credits;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credit settings ({@code yarda.credits.*}).
 *
 * @param trialCredits free credits granted to every new account
 */
@Validated
@ConfigurationProperties("yarda.credits")
public record CreditsProperties(
        @PositiveOrZero @DefaultValue("3") int trialCredits) {}
