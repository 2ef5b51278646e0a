package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.account.User;
import com.yarda.admin.Administration;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.InsufficientAuthenticationException;
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
        if (!(principal instanceof CurrentUser user)) {
            return null;
        }
        try {
            return accounts.user(user.id());
        } catch (NotFound deleted) {
            // a session of an account deleted meanwhile (from another device): it ends here
            throw new InsufficientAuthenticationException("The account of this session was deleted");
        }
    }
}
