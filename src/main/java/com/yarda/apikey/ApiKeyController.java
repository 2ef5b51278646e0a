package com.yarda.apikey;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
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

/** Managing API keys takes an access token: an API key itself is refused here (403 api_key_not_allowed). */
@Tag(name = "API keys")
@RestController
@RequestMapping("/api/keys")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The rules are checked by {@link ApiKeys#create}, for the API and the web app alike. */
    record CreateRequest(
            @Schema(example = "Nightly import", maxLength = ApiKeys.NAME_MAX, description = "what you call the key")
            @Nullable
            String name) {}

    record Keys(List<ApiKey> items) {}

    @Operation(
            summary = "Make an API key for an integration",
            description = "Send it as Authorization: Bearer yk_… : it works like an access token on the credits,"
                    + " uploads, generations, comparisons, styles, rate limit and webhooks endpoints and on GET"
                    + " /api/auth/me, until it is deleted (log out everywhere and a password change leave it working)."
                    + " It cannot manage the account, its keys or purchases (403 api_key_not_allowed). Verified users"
                    + " only; at most 20 keys per account.")
    @ApiResponse(
            responseCode = "201",
            description = "Made; the key is shown only here",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CreatedApiKey.class)))
    @ApiResponse(responseCode = "403", description = "email_not_verified: verify your email first")
    @ApiResponse(
            responseCode = "422",
            description = "validation_failed (field name): empty, longer than 100 characters or more than one line;"
                    + " or 20 keys already")
    @PostMapping
    ResponseEntity<CreatedApiKey> create(CurrentUser user, @RequestBody CreateRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(apiKeys.create(user.id(), body.name()));
    }

    @Operation(summary = "Your API keys, oldest first (never the keys themselves)")
    @GetMapping
    Keys list(CurrentUser user) {
        return new Keys(apiKeys.list(user.id()));
    }

    @Operation(
            summary = "Delete one of your API keys",
            description = "From the next request on, on every instance, it answers 401.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        apiKeys.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
