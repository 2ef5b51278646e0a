package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.account.Registration;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.platform.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Register, check your email, verify, log in, the account page, and deleting the account. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final AccountPage accountPage;
    private final BrowserSessions sessions;
    private final RequestCache requestCache;

    AccountPages(Accounts accounts, AccountPage accountPage, BrowserSessions sessions, RequestCache requestCache) {
        this.accounts = accounts;
        this.accountPage = accountPage;
        this.sessions = sessions;
        this.requestCache = requestCache;
    }

    record RegisterForm(String email, String password, String confirmPassword) {
        static RegisterForm empty() {
            return new RegisterForm("", "", "");
        }
    }

    record LoginForm(String email, String password) {}

    @GetMapping("/register")
    String register(Model model, @AuthenticationPrincipal @Nullable Object principal) {
        if (principal instanceof CurrentUser) {
            return "redirect:/generate";
        }
        model.addAttribute("form", RegisterForm.empty());
        return "account/register";
    }

    @PostMapping("/register")
    String register(
            @ModelAttribute("form") RegisterForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = accounts.registrationProblems(form.email(), form.password());
        if (!problems.isEmpty()) {
            Forms.reject(result, new ValidationFailed(problems));
        }
        if (form.password() != null && !form.password().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "The two passwords do not match.");
        }
        Registration registration = null;
        try {
            if (!result.hasErrors()) {
                registration = accounts.register(form.email(), form.password(), request.getRemoteAddr());
            }
        } catch (ValidationFailed failure) {
            Forms.reject(result, failure);
        } catch (RateLimited limited) {
            result.reject("rate_limited", limited.getMessage());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "account/register";
        } catch (ProblemException problem) {
            if (!"email_taken".equals(problem.code())) {
                throw problem;
            }
            result.rejectValue("email", "taken", "This email is already registered. Log in instead.");
        }
        if (result.hasErrors()) {
            return "account/register";
        }
        redirect.addFlashAttribute("email", form.email().trim().toLowerCase(Locale.ROOT));
        if (registration != null && registration.notice() != null) {
            redirect.addFlashAttribute("registrationNotice", registration.notice());
        }
        return "redirect:/check-email";
    }

    @GetMapping("/check-email")
    String checkEmail(Model model) {
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        return "account/check-email";
    }

    @PostMapping("/resend-verification")
    String resend(@RequestParam String email, RedirectAttributes redirect) {
        try {
            accounts.resendVerification(email);
        } catch (ValidationFailed invalid) {
            redirect.addFlashAttribute("resendError", "Enter the email address you registered with.");
        }
        redirect.addFlashAttribute("email", email.trim().toLowerCase(Locale.ROOT));
        redirect.addFlashAttribute("resent", true);
        return "redirect:/check-email";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(required = false) @Nullable String token, Model model) {
        try {
            if (token == null || token.isBlank()) {
                model.addAttribute("outcome", "invalid_token");
            } else {
                accounts.verifyEmail(token);
                model.addAttribute("outcome", "verified");
            }
        } catch (ProblemException problem) {
            if (!List.of("invalid_token", "token_expired").contains(problem.code())) {
                throw problem;
            }
            model.addAttribute("outcome", problem.code());
        }
        return "account/verify-email";
    }

    @GetMapping("/login")
    String login(Model model, @AuthenticationPrincipal @Nullable Object principal) {
        if (principal instanceof CurrentUser) {
            return "redirect:/generate";
        }
        model.addAttribute("form", new LoginForm("", ""));
        return "account/login";
    }

    @PostMapping("/login")
    String login(
            @ModelAttribute("form") LoginForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response) {
        Accounts.Authenticated authenticated;
        try {
            authenticated = accounts.authenticate(
                    form.email() == null ? "" : form.email(), String.valueOf(form.password()), request.getRemoteAddr());
        } catch (RateLimited limited) {
            long minutes = Math.max(1, (limited.retryAfterSeconds() + 59) / 60);
            result.reject(
                    "rate_limited",
                    "Too many failed attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
            return "account/login";
        } catch (ProblemException problem) {
            switch (problem.code()) {
                case "invalid_credentials" ->
                    result.reject("invalid_credentials", "That email and password do not match an account.");
                case "account_suspended" -> result.reject("account_suspended", problem.getMessage());
                default -> throw problem;
            }
            return "account/login";
        }
        sessions.start(authenticated.user().id(), authenticated.tokenEpoch(), request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/generate");
    }

    @GetMapping("/account")
    String account(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        return accountPage.show(user, page, model);
    }

    /**
     * Deletes the account with everything in it, after the password is given again; the session ends with it. A
     * refusal (wrong password, too many tries, a design still being drawn) is shown on the account page.
     */
    @PostMapping("/account/delete")
    String delete(
            CurrentUser user,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            accounts.delete(user.id(), password, request.getRemoteAddr());
        } catch (ProblemException refused) {
            redirect.addFlashAttribute(
                    "deleteError",
                    refused.code().equals("invalid_credentials")
                            ? "That is not your password. Your account was not deleted."
                            : refused.getMessage());
            return "redirect:/account#delete-account";
        }
        sessions.end(request);
        redirect.addFlashAttribute("notice", "Your account was deleted, with every design, photo and credit in it.");
        return "redirect:/";
    }
}
