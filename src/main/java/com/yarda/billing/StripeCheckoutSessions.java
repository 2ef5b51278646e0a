package com.yarda.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.yarda.billing.BillingProblems.CheckoutUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe Checkout in payment mode: one line item priced inline, the purchase id as {@code client_reference_id}
 * (how the webhook finds the purchase) and in the metadata with the buyer and the pack, for people reading the
 * Stripe dashboard.
 */
final class StripeCheckoutSessions implements CheckoutSessions {

    private static final Logger log = LoggerFactory.getLogger(StripeCheckoutSessions.class);

    private final StripeClient stripe;
    private final ReturnUrls returnUrls;

    StripeCheckoutSessions(StripeClient stripe, ReturnUrls returnUrls) {
        this.stripe = stripe;
        this.returnUrls = returnUrls;
    }

    @Override
    public String provider() {
        return PurchaseRow.STRIPE;
    }

    @Override
    public OpenedCheckout open(PurchaseRow purchase, String productName, String customerEmail) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(purchase.id().toString())
                .putMetadata("purchase_id", purchase.id().toString())
                .putMetadata("user_id", purchase.userId().toString())
                .putMetadata("pack_id", purchase.packId())
                .setCustomerEmail(customerEmail)
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(purchase.currency())
                                .setUnitAmount((long) purchase.amountCents())
                                .setProductData(PriceData.ProductData.builder()
                                        .setName(productName)
                                        .build())
                                .build())
                        .build())
                .setSuccessUrl(returnUrls.success(purchase.id()))
                .setCancelUrl(returnUrls.cancel(purchase.id()))
                .build();
        // stripe-java retries lost connections; the key makes a retried create return the first session
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("yarda-purchase-" + purchase.id())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, options);
            return new OpenedCheckout(session.getUrl(), session.getId(), null);
        } catch (StripeException e) {
            log.warn(
                    "Stripe did not open a Checkout Session for purchase {}: HTTP {} {} (request {}); the purchase"
                            + " ends failed and the buyer is asked to try again",
                    purchase.id(),
                    e.getStatusCode(),
                    e.getCode() == null ? e.getClass().getSimpleName() : e.getCode(),
                    e.getRequestId());
            throw new CheckoutUnavailable();
        }
    }
}
