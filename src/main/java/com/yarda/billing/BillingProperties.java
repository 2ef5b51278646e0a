package com.yarda.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Billing settings ({@code yarda.billing.*}).
 *
 * @param packs the token packs on sale; unset means 10 tokens for $10, 50 for $45 and 100 for $90
 * @param currency the ISO 4217 code (lower case) every pack is priced in
 * @param stripe the Stripe account; without a secret key purchases complete on the built-in test checkout page
 * @param purchasesPerHour purchases one user may start in any hour (each opens a Checkout Session); more get 429
 */
@Validated
@ConfigurationProperties("yarda.billing")
record BillingProperties(
        @Valid @NotEmpty List<Pack> packs,

        @NotNull @Pattern(regexp = "[a-z]{3}") @DefaultValue("usd")
        String currency,

        @Valid @NotNull @DefaultValue Stripe stripe,

        @Positive @DefaultValue("10") int purchasesPerHour) {

    static final List<Pack> DEFAULT_PACKS =
            List.of(new Pack("pack_10", 10, 1_000), new Pack("pack_50", 50, 4_500), new Pack("pack_100", 100, 9_000));

    BillingProperties {
        packs = packs == null || packs.isEmpty() ? DEFAULT_PACKS : List.copyOf(packs);
        Set<String> ids = new HashSet<>();
        for (Pack pack : packs) {
            if (pack.id() != null && !ids.add(pack.id())) {
                throw new IllegalArgumentException("yarda.billing.packs has two packs with the id " + pack.id());
            }
        }
    }

    /**
     * One pack of tokens sold at one price ({@code yarda.billing.packs[n].*}).
     *
     * @param id what clients send to buy it, such as {@code pack_10}
     * @param amountCents the price in the smallest unit of the currency; Stripe charges at least 50
     */
    record Pack(
            @NotNull @Pattern(regexp = "[a-z0-9_]{1,40}") String id,
            @Positive int tokens,
            @Min(50) int amountCents) {}

    /**
     * The Stripe account ({@code yarda.billing.stripe.*}). The keys are never logged.
     *
     * @param secretKey the API secret key ({@code sk_live_…} or {@code sk_test_…}); unset means test mode
     * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_…}); required with a secret key
     * @param apiBase where the Stripe API is; tests point it at a local stub
     * @param webhookTolerance how old a webhook's signature timestamp may be before the event is refused
     * @param timeout the longest one call to Stripe may take to connect, and then to answer
     */
    record Stripe(
            @Nullable String secretKey,
            @Nullable String webhookSecret,
            @NotNull @DefaultValue("https://api.stripe.com") URI apiBase,
            @NotNull @DefaultValue("300s") Duration webhookTolerance,
            @NotNull @DefaultValue("30s") Duration timeout) {

        boolean enabled() {
            return secretKey != null && !secretKey.isBlank();
        }

        /** Renders without the keys, so the settings can be logged. */
        @Override
        public String toString() {
            return "Stripe[secretKey=%s, webhookSecret=%s, apiBase=%s, webhookTolerance=%s, timeout=%s]"
                    .formatted(
                            enabled() ? "(set)" : "(none)",
                            webhookSecret == null || webhookSecret.isBlank() ? "(none)" : "(set)",
                            apiBase,
                            webhookTolerance,
                            timeout);
        }
    }
}
