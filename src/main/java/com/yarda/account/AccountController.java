package com.yarda.account;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts")
@RestController
@RequestMapping("/api/auth")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    // A password is hashed as UTF-8 (Argon2), which an unpaired surrogate (JSON "\ud800") cannot be encoded in;
    // a NUL cannot be stored in PostgreSQL text. Either is refused as a broken field rule (422), not a 500.
    static final String UNICODE_TEXT = "\\P{Cs}*";
    static final String NOT_UNICODE_TEXT = "must be valid Unicode text";
    static final String NO_NUL = "[^\\x00]*";

    /** The rules themselves are checked by {@link Accounts#register}, for the API and the web app alike. */
    record RegisterRequest(
            @Schema(example = "homeowner@example.com") @Nullable
            String email,

            @Schema(minLength = 8, maxLength = 128) @Nullable
            String password) {}

    record VerifyEmailRequest(@NotBlank @Size(max = 512) String token) {}

    record ResendRequest(@NotNull @ValidEmail String email) {}

    record LoginRequest(
            @NotNull @Size(max = 320) @Pattern(regexp = NO_NUL, message = "must not contain NUL characters")
            String email,

            @NotNull @Size(max = 1024) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE_TEXT)
            String password) {}

    record DeleteAccountRequest(
            @NotNull @Size(max = 1024) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE_TEXT)
            String password) {}

    record Message(String message) {}

    @Operation(
            summary = "Create an account with 3 trial credits and send the verification email",
            description = "The trial credits go once per mailbox (a +tag, and dots at Gmail, make no new mailbox): a"
                    + " later account of the same mailbox starts with 0 and its answer carries a notice saying so."
                    + " At most yarda.account.registrations-per-address accounts per client address and"
                    + " yarda.account.registration-window; beyond that 429 rate_limited with retry_after.")
    @ApiResponse(
            responseCode = "201",
            description =
                    "Registered, unverified, with 3 trial credits (0 for a mailbox that had its trial, with a notice); the verification email is on its way",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Registration.class)))
    @ApiResponse(responseCode = "409", description = "email_taken: this email already has an account")
    @ApiResponse(responseCode = "429", description = "rate_limited: too many accounts from this client address")
    @PostMapping("/register")
    ResponseEntity<Registration> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        Registration registration = accounts.register(request.email(), request.password(), http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/auth/me")).body(registration);
    }

    @Operation(summary = "Verify an email address with the token from the verification link")
    @ApiResponse(
            responseCode = "422",
            description = "invalid_token: unknown or already used; token_expired: older than 1 hour;"
                    + " validation_failed: no token")
    @ApiResponse(responseCode = "200", description = "Verified", useReturnTypeSchema = true)
    @PostMapping("/verify-email")
    Message verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        accounts.verifyEmail(request.token());
        return new Message("Your email is verified. You can now create designs.");
    }

    @Operation(summary = "Send a new verification link (always 202, whether or not the address has an account)")
    @PostMapping("/resend-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Message resendVerification(@Valid @RequestBody ResendRequest request) {
        accounts.resendVerification(request.email());
        return new Message("If this address has an unverified account, a new verification link is on its way.");
    }

    @Operation(summary = "Log in and receive a bearer token")
    @ApiResponse(
            responseCode = "200",
            description = "Logged in: the bearer token and the user",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "invalid_credentials: wrong email or password (the same answer)")
    @ApiResponse(
            responseCode = "429",
            description = "rate_limited: 5 failed logins of this account from this client address, or 50 of any"
                    + " accounts from it, in 15 minutes; retry_after says when")
    @PostMapping("/login")
    Accounts.Login login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(request.email(), request.password(), http.getRemoteAddr());
    }

    @Operation(summary = "The current user")
    @GetMapping("/me")
    User me(CurrentUser user) {
        return accounts.user(user.id());
    }

    @Operation(
            summary = "Delete your account and everything in it",
            description = "Asks for the password again. Deletes every design, photo and image, the credits and the"
                    + " purchase history; the email can register again afterwards. 401 invalid_credentials for a"
                    + " wrong password, 409 generation_in_progress while a design is still being drawn.")
    @ApiResponse(responseCode = "204", description = "Deleted, with everything in the account")
    @ApiResponse(responseCode = "401", description = "invalid_credentials: wrong password; unauthenticated: no token")
    @ApiResponse(
            responseCode = "409",
            description = "generation_in_progress: a design is still being drawn; delete the account once it ended")
    @ApiResponse(responseCode = "429", description = "rate_limited: too many wrong passwords, as for logins")
    @DeleteMapping("/me")
    ResponseEntity<Void> delete(
            CurrentUser user, @Valid @RequestBody DeleteAccountRequest request, HttpServletRequest http) {
        accounts.delete(user.id(), request.password(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
