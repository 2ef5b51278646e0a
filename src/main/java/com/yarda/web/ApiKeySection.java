package com.yarda.web;

import com.yarda.apikey.ApiKeys;
import com.yarda.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the API keys section of the account page shows ({@code account/api-keys.html}): the user's keys, never the
 * keys themselves. Kept out of {@link AccountPages} and {@link AccountSettingsPages}, which render the page, so that
 * the section is one line of {@code account/account.html}.
 */
@ControllerAdvice(assignableTypes = {AccountPages.class, AccountSettingsPages.class})
class ApiKeySection {

    private final ApiKeys apiKeys;

    ApiKeySection(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @ModelAttribute
    void apiKeys(@AuthenticationPrincipal @Nullable Object principal, Model model) {
        if (principal instanceof CurrentUser user) {
            model.addAttribute("apiKeys", apiKeys.list(user.id()));
        }
    }
}
