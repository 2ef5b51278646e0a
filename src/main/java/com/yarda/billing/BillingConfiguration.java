package com.yarda.billing;

import com.stripe.StripeClient;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses where buyers pay: Stripe when {@code yarda.billing.stripe.secret-key} is set, else the test checkout. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    CheckoutSessions checkoutSessions(
            BillingProperties properties,
            ReturnUrls returnUrls,
            PurchaseRepository purchases,
            Fulfilment fulfilment,
            SecureRandom random,
            PlatformTransactionManager transactions) {
        BillingProperties.Stripe stripe = properties.stripe();
        if (!stripe.enabled()) {
            log.warn("yarda.billing.stripe.secret-key is not set: purchases complete on the built-in test checkout"
                    + " page WITHOUT PAYMENT. Set YARDA_BILLING_STRIPE_SECRET_KEY and"
                    + " YARDA_BILLING_STRIPE_WEBHOOK_SECRET to take real payments.");
            return new TestCheckoutSessions(purchases, fulfilment, returnUrls, random, transactions);
        }
        String webhookSecret = stripe.webhookSecret();
        if (webhookSecret == null || webhookSecret.isBlank()) {
            // without it no payment could ever be confirmed: fail at startup, not after a customer paid
            throw new IllegalStateException("yarda.billing.stripe.secret-key is set but"
                    + " yarda.billing.stripe.webhook-secret is not: set YARDA_BILLING_STRIPE_WEBHOOK_SECRET to the"
                    + " signing secret of the webhook endpoint {public-url}/api/webhooks/stripe");
        }
        int timeoutMillis = Math.toIntExact(stripe.timeout().toMillis());
        StripeClient client = StripeClient.builder()
                .setApiKey(stripe.secretKey())
                .setApiBase(stripe.apiBase().toString().replaceAll("/+$", ""))
                .setConnectTimeout(timeoutMillis)
                .setReadTimeout(timeoutMillis)
                .setMaxNetworkRetries(2)
                .build();
        log.info("Purchases are paid through Stripe Checkout: {}", stripe);
        return new StripeCheckoutSessions(client, returnUrls);
    }
}
