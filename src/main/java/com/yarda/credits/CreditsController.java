package com.yarda.credits;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Credits")
@RestController
@RequestMapping("/api/credits")
class CreditsController {

    private final Credits credits;

    CreditsController(Credits credits) {
        this.credits = credits;
    }

    @Operation(summary = "The caller's trial credits and tokens")
    @GetMapping("/balance")
    Balance balance(CurrentUser user) {
        return credits.balance(user.id());
    }
}
