package com.yarda.billing;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.yarda.billing.BillingProblems.InvalidWebhook;
import com.yarda.platform.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's reports about Checkout Sessions. An event counts only when its {@code Stripe-Signature} (HMAC-SHA256
 * over the raw body with the endpoint's secret, timestamp at most {@code yarda.billing.stripe.webhook-tolerance}
 * old by the service clock) matches. Stripe delivers at least once: each handled event is recorded in
 * {@code stripe_events} in the transaction that applies it, so a repeated delivery changes nothing. Events of
 * other types are acknowledged and ignored.
 */
@Component
class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    static final String COMPLETED = "checkout.session.completed";
    static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final String EXPIRED = "checkout.session.expired";
    private static final Set<String> HANDLED = Set.of(COMPLETED, ASYNC_SUCCEEDED, ASYNC_FAILED, EXPIRED);

    private final BillingProperties.Stripe stripe;
    private final PurchaseRepository purchases;
    private final Fulfilment fulfilment;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StripeWebhooks(
            BillingProperties properties,
            PurchaseRepository purchases,
            Fulfilment fulfilment,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.stripe = properties.stripe();
        this.purchases = purchases;
        this.fulfilment = fulfilment;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Verifies and applies one delivery.
     *
     * @throws InvalidWebhook when the signature is missing, does not match the body, or is too old; or when this
     *     service has no webhook secret
     */
    void receive(byte[] body, @Nullable String signature) {
        Event event = verify(new String(body, StandardCharsets.UTF_8), signature);
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhook("The body is not a Stripe event.");
        }
        if (!HANDLED.contains(event.getType())) {
            log.debug("Ignored Stripe event {} of type {}", event.getId(), event.getType());
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (!purchases.recordEvent(event.getId(), event.getType(), Timestamps.truncate(clock.instant()))) {
                log.debug("Stripe event {} was already processed; this delivery changes nothing", event.getId());
                return;
            }
            apply(event);
        });
    }

    private Event verify(String payload, @Nullable String signature) {
        String secret = stripe.webhookSecret();
        if (secret == null || secret.isBlank()) {
            log.warn("A Stripe webhook arrived, but yarda.billing.stripe.webhook-secret is not set; refused");
            throw new InvalidWebhook("This service does not accept Stripe webhooks: no webhook secret is set.");
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidWebhook("The Stripe-Signature header is missing.");
        }
        try {
            return Webhook.constructEvent(
                    payload, signature, secret, stripe.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            throw new InvalidWebhook(
                    "The Stripe-Signature header does not match this body, or its timestamp is too old.");
        } catch (RuntimeException e) {
            // correctly signed (the signature is checked first) but not JSON of an event
            log.warn("Refused a correctly signed Stripe webhook whose body is not an event: {}", e.getMessage());
            throw new InvalidWebhook("The body is not a Stripe event.");
        }
    }

    private void apply(Event event) {
        Session session = session(event);
        Optional<UUID> purchaseId = purchaseOf(session);
        if (purchaseId.isEmpty()) {
            log.warn(
                    "Stripe event {} ({}) is about Checkout Session {}, which is no purchase of this service; ignored",
                    event.getId(),
                    event.getType(),
                    session.getId());
            return;
        }
        UUID id = purchaseId.get();
        switch (event.getType()) {
            case COMPLETED -> {
                if ("paid".equals(session.getPaymentStatus())) {
                    fulfilment.pay(id, session.getId());
                } else {
                    // bank debits and vouchers settle later: async_payment_succeeded or _failed follows
                    log.info(
                            "Checkout Session {} of purchase {} completed with payment {}; waiting for it to settle",
                            session.getId(),
                            id,
                            session.getPaymentStatus());
                }
            }
            case ASYNC_SUCCEEDED -> fulfilment.pay(id, session.getId());
            case ASYNC_FAILED -> fulfilment.close(id, PurchaseStatus.FAILED, session.getId());
            case EXPIRED -> fulfilment.close(id, PurchaseStatus.EXPIRED, session.getId());
            default -> throw new IllegalStateException("unhandled event type " + event.getType());
        }
    }

    /** The purchase a session pays for: its {@code client_reference_id}, else the session recorded with it. */
    private Optional<UUID> purchaseOf(Session session) {
        String reference = session.getClientReferenceId();
        if (reference != null) {
            try {
                return Optional.of(UUID.fromString(reference));
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            }
        }
        return session.getId() == null
                ? Optional.empty()
                : purchases.findByStripeSession(session.getId()).map(PurchaseRow::id);
    }

    private static Session session(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        // An event rendered in another API version than stripe-java's is not deserialised by default; the
        // few Checkout Session fields used here (id, client_reference_id, payment_status) are the same in all.
        StripeObject object = data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException(
                        "Stripe event " + event.getId() + " carries no readable Checkout Session", e);
            }
        });
        if (object instanceof Session session) {
            return session;
        }
        throw new IllegalStateException("Stripe event " + event.getId() + " of type " + event.getType() + " carries a "
                + object.getClass().getSimpleName() + ", not a Checkout Session");
    }
}
