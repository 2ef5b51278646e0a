package com.yarda.billing;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The failures of buying tokens, each with its {@code error} code. */
final class BillingProblems {

    private BillingProblems() {}

    /** Stripe refused to open a Checkout Session or did not answer; the purchase ended failed, nobody paid. */
    static final class CheckoutUnavailable extends ProblemException {
        CheckoutUnavailable() {
            super(
                    HttpStatus.BAD_GATEWAY,
                    "payment_provider_unavailable",
                    "Payment provider unavailable",
                    "The payment page could not be opened; you were not charged. Try again in a moment.");
        }
    }

    /** A webhook whose signature is missing, wrong or too old, or one this service is not set up to receive. */
    static final class InvalidWebhook extends ProblemException {
        InvalidWebhook(String detail) {
            super(HttpStatus.BAD_REQUEST, "invalid_signature", "Invalid webhook", detail);
        }
    }
}
