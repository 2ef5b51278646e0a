package com.yarda.admin;

import com.yarda.account.User;
import com.yarda.credits.CreditType;
import com.yarda.generation.FailedGeneration;
import com.yarda.generation.GenerationStats;
import com.yarda.platform.ApiValue;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import com.yarda.platform.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator API. Only admins get past {@link AdminAccess}; everyone else gets 404. */
@Tag(name = "Admin")
// a class-level answer is every operation's; each operation then declares its success answer itself
@ApiResponse(
        responseCode = "404",
        description = "not_found: for everyone but admins, as for an address that does not exist; or no such user")
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final Administration administration;

    AdminController(Administration administration) {
        this.administration = administration;
    }

    /**
     * A grant ({@code amount > 0}) or deduction ({@code amount < 0}) with the reason for it.
     *
     * @param creditType {@code trial} or {@code token}
     */
    record AdjustmentRequest(
            @NotNull String creditType,
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer amount,
            @NotBlank @Size(max = Administration.MAX_REASON) String reason) {}

    @Operation(summary = "Users whose email contains the given text, newest first")
    @ApiResponse(responseCode = "200", description = "A page of users", useReturnTypeSchema = true)
    @GetMapping("/users")
    Page<User> users(
            CurrentUser admin,
            @RequestParam(defaultValue = "") @Size(max = 254) String email,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return administration.users(admin.id(), email, limit, offset);
    }

    @Operation(summary = "One user: balances, ledger, purchases, generations and admin changes")
    @ApiResponse(responseCode = "200", description = "The user and their recent history", useReturnTypeSchema = true)
    @GetMapping("/users/{id}")
    UserDetail user(CurrentUser admin, @PathVariable UUID id) {
        return administration.user(admin.id(), id);
    }

    @Operation(summary = "Grant or deduct credits, with a reason; recorded in the ledger and the audit log")
    @PostMapping("/users/{id}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Adjustment adjust(CurrentUser admin, @PathVariable UUID id, @Valid @RequestBody AdjustmentRequest request) {
        CreditType type = ApiValue.parse(CreditType.class, request.creditType())
                .orElseThrow(() -> new ValidationFailed("credit_type", "must be trial or token"));
        return administration.adjust(admin.id(), id, type, request.amount(), request.reason());
    }

    /** Why an account is suspended or reactivated, for the audit log. */
    record ReasonRequest(
            @NotBlank @Size(max = Administration.MAX_REASON) String reason) {}

    @Operation(
            summary = "Suspend an account, with a reason; recorded in the audit log",
            description = "The account cannot log in (403 account_suspended) and every access token and browser session"
                    + " of it stops working at once. Its designs already queued are drawn, or fail, as usual.")
    @ApiResponse(responseCode = "200", description = "Suspended", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "already_suspended; cannot_suspend_yourself: an admin cannot suspend their own account")
    @PostMapping("/users/{id}/suspend")
    SuspensionChange suspend(CurrentUser admin, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return administration.suspend(admin.id(), id, request.reason());
    }

    @Operation(
            summary = "Reactivate a suspended account, with a reason; recorded in the audit log",
            description = "The account can log in again; the tokens and sessions the suspension ended stay ended.")
    @ApiResponse(responseCode = "200", description = "Reactivated", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "not_suspended: the account is not suspended")
    @PostMapping("/users/{id}/reactivate")
    SuspensionChange reactivate(CurrentUser admin, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return administration.reactivate(admin.id(), id, request.reason());
    }

    @Operation(summary = "Failed generations of every user with their errors, most recent first")
    @ApiResponse(responseCode = "200", description = "A page of failed generations", useReturnTypeSchema = true)
    @GetMapping("/generations/failed")
    Page<FailedGeneration> failedGenerations(
            CurrentUser admin,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return administration.failedGenerations(admin.id(), limit, offset);
    }

    @Operation(summary = "Queue depth and the designer's failure rate over the last hour and 24 hours")
    @ApiResponse(responseCode = "200", description = "The queue and the failure rates", useReturnTypeSchema = true)
    @GetMapping("/stats")
    GenerationStats stats(CurrentUser admin) {
        return administration.stats(admin.id());
    }

    @Operation(summary = "The audit log of admin changes, newest first; optionally only those to one user")
    @ApiResponse(responseCode = "200", description = "A page of audit entries", useReturnTypeSchema = true)
    @GetMapping("/audit")
    Page<AuditEntry> audit(
            CurrentUser admin,
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return administration.audit(admin.id(), userId, limit, offset);
    }
}
