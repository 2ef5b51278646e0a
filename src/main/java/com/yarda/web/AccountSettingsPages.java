package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.account.EmailChanges;
import com.yarda.account.Passwords;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.platform.ValidationFailed;
import com.yarda.web.AccountPage.EmailForm;
import com.yarda.web.AccountPage.PasswordForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page's security forms: change the password (this browser stays logged in, every other device is logged
 * out), change the email (a link to the new address), log out everywhere; and the page the email change link opens. A
 * refused form is shown again on the account page with its errors beside the fields.
 */
@Controller
class AccountSettingsPages {

    private final Accounts accounts;
    private final Passwords passwords;
    private final EmailChanges emailChanges;
    private final AccountPage accountPage;
    private final BrowserSessions sessions;

    AccountSettingsPages(
            Accounts accounts,
            Passwords passwords,
            EmailChanges emailChanges,
            AccountPage accountPage,
            BrowserSessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.emailChanges = emailChanges;
        this.accountPage = accountPage;
        this.sessions = sessions;
    }

    @PostMapping("/account/password")
    String changePassword(
            CurrentUser user,
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "The two new passwords do not match.");
            return accountPage.show(user, 0, model);
        }
        Passwords.Changed changed;
        try {
            changed = passwords.change(
                    user.id(), String.valueOf(form.currentPassword()), form.newPassword(), request.getRemoteAddr());
        } catch (ValidationFailed invalid) {
            Forms.reject(result, invalid);
            return accountPage.show(user, 0, model);
        } catch (RateLimited limited) {
            result.reject("rate_limited", tooManyTries(limited));
            return accountPage.show(user, 0, model);
        } catch (ProblemException problem) {
            if (!"invalid_credentials".equals(problem.code())) {
                throw problem;
            }
            result.rejectValue("currentPassword", "invalid_credentials", "That is not your current password.");
            return accountPage.show(user, 0, model);
        }
        // this browser keeps going at the new epoch; every other session and token has ended
        sessions.start(user.id(), changed.tokenEpoch(), request, response);
        redirect.addFlashAttribute(
                "settingsNotice",
                "Your password is changed. Every other device was logged out; this one stays logged in.");
        return "redirect:/account#security";
    }

    @PostMapping("/account/email")
    String changeEmail(
            CurrentUser user,
            @ModelAttribute("emailForm") EmailForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            emailChanges.request(user.id(), String.valueOf(form.password()), form.newEmail(), request.getRemoteAddr());
        } catch (ValidationFailed invalid) {
            Forms.reject(result, invalid);
            return accountPage.show(user, 0, model);
        } catch (RateLimited limited) {
            result.reject("rate_limited", tooManyTries(limited));
            return accountPage.show(user, 0, model);
        } catch (ProblemException problem) {
            switch (problem.code()) {
                case "invalid_credentials" ->
                    result.rejectValue("password", "invalid_credentials", "That is not your password.");
                case "email_taken" ->
                    result.rejectValue("newEmail", "email_taken", "Another account uses this address.");
                default -> throw problem;
            }
            return accountPage.show(user, 0, model);
        }
        redirect.addFlashAttribute(
                "settingsNotice",
                "We sent a link to " + form.newEmail().trim() + ". Follow it within 1 hour to make the change;"
                        + " until then your account keeps its current address.");
        return "redirect:/account#security";
    }

    /** Every session of the user ends, this one too, and every token. */
    @PostMapping("/account/logout-all")
    String logOutEverywhere(CurrentUser user, HttpServletRequest request) {
        accounts.logOutEverywhere(user.id());
        sessions.end(request);
        return "redirect:/login?everywhere";
    }

    /** What the link sent to a new address opens: what it would do, and a button to do it (no login needed). */
    @GetMapping("/confirm-email-change")
    String emailChangeLink(@RequestParam(required = false) @Nullable String token, Model model) {
        emailChanges
                .pending(token)
                .ifPresentOrElse(
                        newEmail -> {
                            model.addAttribute("outcome", "pending");
                            model.addAttribute("newEmail", newEmail);
                            model.addAttribute("token", token);
                        },
                        () -> model.addAttribute("outcome", "invalid_token"));
        return "account/confirm-email-change";
    }

    @PostMapping("/confirm-email-change")
    String confirmEmailChange(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            model.addAttribute("newEmail", emailChanges.confirm(token));
            model.addAttribute("outcome", "changed");
        } catch (ProblemException problem) {
            if (!List.of("invalid_token", "token_expired", "email_taken").contains(problem.code())) {
                throw problem;
            }
            model.addAttribute("outcome", problem.code());
        }
        return "account/confirm-email-change";
    }

    private static String tooManyTries(RateLimited limited) {
        long minutes = Math.max(1, (limited.retryAfterSeconds() + 59) / 60);
        return "Too many wrong passwords. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
