package com.yarda.billing;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Purchases")
@RestController
class PurchaseController {

    private final Purchases purchases;

    PurchaseController(Purchases purchases) {
        this.purchases = purchases;
    }

    record StartPurchase(@NotBlank @Size(max = 40) String packId) {}

    @Operation(summary = "The token packs on sale (public)")
    @SecurityRequirements
    @GetMapping("/api/credits/packs")
    List<TokenPack> packs() {
        return purchases.packs();
    }

    @Operation(
            summary = "Start buying a token pack",
            description = "Answers the checkout_url to send the buyer to. The tokens are granted once the payment"
                    + " is confirmed; the purchase's status then becomes paid.")
    @ApiResponse(
            responseCode = "201",
            description = "Started: send the buyer to checkout_url",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Checkout.class)))
    @ApiResponse(responseCode = "403", description = "email_not_verified: verify your email first")
    @ApiResponse(
            responseCode = "429",
            description = "rate_limited: yarda.billing.purchases-per-hour purchases started in the last hour already;"
                    + " retry_after says when the next may start")
    @ApiResponse(
            responseCode = "502",
            description = "checkout_unavailable: Stripe could not start the checkout; nothing was charged")
    @PostMapping("/api/purchases")
    ResponseEntity<Checkout> start(CurrentUser user, @Valid @RequestBody StartPurchase request) {
        Checkout checkout = purchases.start(user.id(), request.packId());
        return ResponseEntity.created(URI.create("/api/purchases/" + checkout.id()))
                .body(checkout);
    }

    @Operation(summary = "Your purchases, newest first")
    @GetMapping("/api/purchases")
    Page<Purchase> history(
            CurrentUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return purchases.history(user.id(), limit, offset);
    }

    @Operation(summary = "One of your purchases")
    @GetMapping("/api/purchases/{id}")
    Purchase get(CurrentUser user, @PathVariable UUID id) {
        return purchases.get(user.id(), id);
    }
}
