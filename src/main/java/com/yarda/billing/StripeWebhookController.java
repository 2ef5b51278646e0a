package com.yarda.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Purchases")
@RestController
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(
            summary = "Stripe webhook endpoint (called by Stripe, signed with the endpoint's secret)",
            description = "Handles checkout.session.completed, .async_payment_succeeded, .async_payment_failed and"
                    + " .expired; acknowledges every other event type. 400 invalid_signature when the"
                    + " Stripe-Signature header does not verify.")
    @SecurityRequirements
    @ApiResponse(
            responseCode = "200",
            description = "Received, also for event types it ignores",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "invalid_signature: the Stripe-Signature header is missing or does not verify")
    @PostMapping("/api/webhooks/stripe")
    Map<String, Boolean> receive(
            // the raw bytes: the signature covers the body exactly as Stripe sent it
            @RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        webhooks.receive(body, signature);
        return Map.of("received", true);
    }
}
