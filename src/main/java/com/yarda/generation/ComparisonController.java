package com.yarda.generation;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Comparisons")
@RestController
@RequestMapping("/api/comparisons")
class ComparisonController {

    private final Comparisons comparisons;

    ComparisonController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Operation(
            summary = "Draw one input in 2 or 3 styles, side by side (verified users; one credit per style)",
            description = "The fields of a JSON POST /api/generations, with styles (2 or 3 distinct style ids) instead"
                    + " of style. All or nothing: every generation takes a credit and counts against the rate limit;"
                    + " if they cannot all be afforded (402) or started now (429), nothing is charged or counted.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the comparison with one pending generation per style, in the order given",
            headers = {
                @Header(name = "Location", description = "/api/comparisons/{id}", schema = @Schema(type = "string")),
                @Header(
                        name = "Idempotent-Replayed",
                        description = "true when this is the first answer to an earlier request with the same key",
                        schema = @Schema(type = "string"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Comparison.class)))
    @ApiResponse(responseCode = "402", description = "insufficient_credits: not enough credits for every style")
    @ApiResponse(responseCode = "403", description = "email_not_verified: the caller has not verified their email")
    @ApiResponse(
            responseCode = "409",
            description = "idempotency_in_flight: a request with this Idempotency-Key is still being processed")
    @ApiResponse(
            responseCode = "422",
            description = "validation_failed: a field breaks a rule (errors names it); idempotency_key_reused")
    @ApiResponse(
            responseCode = "429",
            description = "rate_limited: the styles do not all fit in the rate limit now",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> compare(
            CurrentUser user,
            @RequestBody Comparisons.NewComparison body,
            @Parameter(description = "Retries with the same key and body return the first answer")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255)
                    @Nullable
                    String idempotencyKey) {
        Comparisons.AcceptedComparison accepted = comparisons.compare(user.id(), body, idempotencyKey);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/comparisons/" + accepted.comparisonId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (accepted.rateLimit() != null) {
            GenerationController.withRateLimit(response, accepted.rateLimit());
        }
        return response.body(accepted.responseBody());
    }

    @Operation(summary = "A comparison of yours, with the current statuses of its generations")
    @GetMapping("/{id}")
    Comparison get(CurrentUser user, @PathVariable UUID id) {
        return comparisons.get(user.id(), id);
    }
}
