package com.yarda.webhook;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The rules are checked by {@link Webhooks#add}, for the API and the web app alike. */
    record AddRequest(
            @Schema(example = "https://example.com/yarda-hooks", maxLength = WebhookUrls.MAX_LENGTH) @Nullable
            String url,

            @ArraySchema(
                    schema = @Schema(allowableValues = {"generation.completed", "generation.failed"}),
                    arraySchema = @Schema(description = "the events to send; both when left out"))
            @Nullable
            List<String> events) {}

    record Endpoints(List<WebhookEndpoint> items) {}

    record Deliveries(List<Delivery> items) {}

    @Operation(
            summary = "Add a webhook: your generations' ends, POSTed to your url, signed (Standard Webhooks)",
            description = "When one of your generations ends, the url gets POST {type, timestamp, data: generation}"
                    + " (data as GET /api/generations/{id} shows it) with the headers webhook-id (the same on every"
                    + " retry of one event), webhook-timestamp (Unix seconds) and webhook-signature: v1, and the base64"
                    + " of HMAC-SHA256, keyed with the base64-decoded part of the secret after whsec_, of id.timestamp.body."
                    + " Verify it with any Standard Webhooks library. A non-2xx answer or no answer within 10 s is"
                    + " retried after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up. No redirect is"
                    + " followed. The url must be https:// and resolve, at every delivery, to public addresses only"
                    + " (not loopback, private, link-local or multicast). At most 10 webhooks per account.")
    @ApiResponse(
            responseCode = "201",
            description = "Added; the secret is shown only here",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AddedWebhook.class)))
    @ApiResponse(
            responseCode = "422",
            description = "validation_failed: the url is not https://, does not resolve, or resolves to an address"
                    + " webhooks may not reach; an unknown event; or 10 webhooks already")
    @PostMapping
    ResponseEntity<AddedWebhook> add(CurrentUser user, @RequestBody AddRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.add(user.id(), body.url(), body.events()));
    }

    @Operation(summary = "Your webhooks, oldest first (never their secrets)")
    @GetMapping
    Endpoints list(CurrentUser user) {
        return new Endpoints(webhooks.list(user.id()));
    }

    @Operation(
            summary = "Delete one of your webhooks",
            description = "Nothing more is sent to it, not even retries still due; its delivery log goes with it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        webhooks.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "The delivery log of one of your webhooks: its newest 100 deliveries, newest first",
            description = "status is pending (an attempt is still to come, at next_attempt_at), delivered (answered"
                    + " 2xx) or failed (given up after the last retry). message_id is the webhook-id header it is"
                    + " sent with.")
    @GetMapping("/{id}/deliveries")
    Deliveries deliveries(CurrentUser user, @PathVariable UUID id) {
        return new Deliveries(webhooks.deliveries(user.id(), id, Webhooks.LOG_LIMIT));
    }
}
