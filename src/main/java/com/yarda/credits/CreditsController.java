package com.yarda.credits;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Credits")
@RestController
@RequestMapping("/api/credits")
class CreditsController {

    private final Credits credits;

    CreditsController(Credits credits) {
        this.credits = credits;
    }

    @Operation(summary = "The caller's credit movements, newest first")
    @GetMapping("/transactions")
    Page<LedgerEntry> transactions(
            CurrentUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return credits.transactions(user.id(), limit, offset);
    }

    @Operation(summary = "The caller's trial credits and tokens")
    @GetMapping("/balance")
    Balance balance(CurrentUser user) {
        return credits.balance(user.id());
    }
}
