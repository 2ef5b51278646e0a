package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.account.User;
import com.yarda.admin.Administration;
import com.yarda.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: the logged-in user and their credits, in the navigation bar. */
@ControllerAdvice(basePackageClasses = WebModel.class)
class WebModel {

    private final Accounts accounts;
    private final Administration administration;

    WebModel(Accounts accounts, Administration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @ModelAttribute("admin")
    boolean admin(@AuthenticationPrincipal @Nullable Object principal) {
        return principal instanceof CurrentUser user && administration.isAdmin(user.id());
    }

    @ModelAttribute("me")
    @Nullable
    User me(@AuthenticationPrincipal @Nullable Object principal) {
        return principal instanceof CurrentUser user ? accounts.user(user.id()) : null;
    }
}
