package com.yarda.billing;

import java.util.UUID;

/**
 * A purchase that was just started: the buyer pays at {@code checkoutUrl} (Stripe Checkout, or the built-in test
 * checkout page in test mode).
 */
public record Checkout(UUID id, String checkoutUrl, PurchaseStatus status) {}
