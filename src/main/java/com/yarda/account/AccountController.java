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
    private final Passwords passwords;
    private final EmailChanges emailChanges;

    AccountController(Accounts accounts, Passwords passwords, EmailChanges emailChanges) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.emailChanges = emailChanges;
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

    record ForgotPasswordRequest(@NotNull @ValidEmail String email) {}

    /** The new password's rules are checked by {@link Passwords#reset}, with the account's email. */
    record ResetPasswordRequest(
            @NotBlank @Size(max = 512) String token,

            @Schema(minLength = 8, maxLength = 128) @Nullable
            String password) {}

    record ChangePasswordRequest(
            @NotNull @Size(max = 1024) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE_TEXT)
            String currentPassword,

            @Schema(minLength = 8, maxLength = 128) @Nullable
            String newPassword) {}

    record ChangeEmailRequest(
            @NotNull @Size(max = 1024) @Pattern(regexp = UNICODE_TEXT, message = NOT_UNICODE_TEXT)
            String password,

            @Schema(example = "new-address@example.com") @NotNull @ValidEmail
            String newEmail) {}

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
            responseCode = "403",
            description = "account_suspended: the right password of an account an operator suspended")
    @ApiResponse(
            responseCode = "429",
            description = "rate_limited: 5 failed logins of this account from this client address, or 50 of any"
                    + " accounts from it, in 15 minutes; retry_after says when")
    @PostMapping("/login")
    Accounts.Login login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(request.email(), request.password(), http.getRemoteAddr());
    }

    @Operation(
            summary = "Send a link to choose a new password (always 202, whether or not the address has an account)",
            description = "The link is {public-url}/reset-password?token=…, works once, for 1 hour; a newer one"
                    + " replaces the older; at most one email per address per yarda.account.resend-cooldown.")
    @ApiResponse(responseCode = "202", description = "Accepted", useReturnTypeSchema = true)
    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Message forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
        passwords.forgot(request.email());
        return new Message("If this address has an account, a link to choose a new password is on its way. It"
                + " works once, for 1 hour.");
    }

    @Operation(
            summary = "Choose a new password with the token from the reset link",
            description = "Every access token and browser session of the user stops working; the user is told by"
                    + " email. Following the link also verifies the email address.")
    @ApiResponse(responseCode = "200", description = "The new password is set", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "422",
            description = "invalid_token: unknown, replaced or used; token_expired: older than 1 hour;"
                    + " validation_failed: the password breaks a rule (the link still works)")
    @PostMapping("/reset-password")
    Message resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
        passwords.reset(request.token(), request.password());
        return new Message("Your new password is set, and every device was logged out. Log in with it.");
    }

    @Operation(
            summary = "Change your password",
            description = "Asks for the current password (throttled like logins). Every other access token and browser"
                    + " session of the user stops working; the answer is a login with a fresh access_token.")
    @ApiResponse(responseCode = "200", description = "Changed: a fresh bearer token", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "401",
            description = "invalid_credentials: the current password is wrong; unauthenticated: no token")
    @ApiResponse(responseCode = "429", description = "rate_limited: too many wrong passwords, as for logins")
    @PostMapping("/change-password")
    Accounts.Login changePassword(
            CurrentUser user, @Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        return passwords
                .change(user.id(), request.currentPassword(), request.newPassword(), http.getRemoteAddr())
                .login();
    }

    @Operation(
            summary = "Log out everywhere",
            description = "Every access token (this one included) and every browser session of the user stops"
                    + " working at once; a pending change of email is cancelled. API keys keep working: delete them"
                    + " with DELETE /api/keys/{id}.")
    @ApiResponse(responseCode = "204", description = "Logged out everywhere")
    @PostMapping("/logout-all")
    ResponseEntity<Void> logoutAll(CurrentUser user) {
        accounts.logOutEverywhere(user.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Change your email address",
            description = "Asks for the password (throttled like logins). The new address gets a link"
                    + " ({public-url}/confirm-email-change?token=…, once, 1 hour) and the current one a notice; the"
                    + " change happens only when the link is followed, and until then the current address keeps"
                    + " working. A change never grants trial credits.")
    @ApiResponse(
            responseCode = "202",
            description = "The link is on its way to the new address",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "invalid_credentials: wrong password; unauthenticated: no token")
    @ApiResponse(responseCode = "409", description = "email_taken: another account has the new address")
    @ApiResponse(responseCode = "429", description = "rate_limited: too many wrong passwords, as for logins")
    @PostMapping("/change-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Message changeEmail(CurrentUser user, @Valid @RequestBody ChangeEmailRequest request, HttpServletRequest http) {
        emailChanges.request(user.id(), request.password(), request.newEmail(), http.getRemoteAddr());
        return new Message("Follow the link we sent to the new address within 1 hour to make the change. Until then"
                + " your account keeps its current address.");
    }

    @Operation(
            summary = "Confirm a new email address with the token from the link sent to it",
            description = "The account's email becomes the new address, verified. The link works once, for 1 hour,"
                    + " and only until a password change or reset, a log out everywhere or a suspension cancels it.")
    @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "422",
            description = "invalid_token: unknown, replaced, used or cancelled; token_expired: older than 1 hour")
    @ApiResponse(responseCode = "409", description = "email_taken: another account took the address meanwhile")
    @PostMapping("/confirm-email-change")
    Message confirmEmailChange(@Valid @RequestBody VerifyEmailRequest request) {
        String email = emailChanges.confirm(request.token());
        return new Message("Your account's email address is now " + email + ".");
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
