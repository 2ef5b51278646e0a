package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.account.Registration;
import com.yarda.account.User;
import com.yarda.billing.Purchases;
import com.yarda.credits.Credits;
import com.yarda.credits.LedgerEntry;
import com.yarda.generation.Generations;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.Page;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.platform.ValidationFailed;
import com.yarda.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
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

/** Register, check your email, verify, log in, and the account page. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final Credits credits;
    private final Purchases purchases;
    private final Generations generations;
    private final Uploads uploads;
    private final SecurityContextRepository sessions;
    private final RequestCache requestCache;
    private final CsrfTokenRepository csrfTokens;

    AccountPages(
            Accounts accounts,
            Credits credits,
            Purchases purchases,
            Generations generations,
            Uploads uploads,
            SecurityContextRepository sessions,
            RequestCache requestCache,
            CsrfTokenRepository csrfTokens) {
        this.accounts = accounts;
        this.credits = credits;
        this.purchases = purchases;
        this.generations = generations;
        this.uploads = uploads;
        this.sessions = sessions;
        this.requestCache = requestCache;
        this.csrfTokens = csrfTokens;
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
        User user;
        try {
            user = accounts.authenticate(
                    form.email() == null ? "" : form.email(), String.valueOf(form.password()), request.getRemoteAddr());
        } catch (RateLimited limited) {
            long minutes = Math.max(1, (limited.retryAfterSeconds() + 59) / 60);
            result.reject(
                    "rate_limited",
                    "Too many failed attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
            return "account/login";
        } catch (ProblemException problem) {
            if (!"invalid_credentials".equals(problem.code())) {
                throw problem;
            }
            result.reject("invalid_credentials", "That email and password do not match an account.");
            return "account/login";
        }
        startSession(user, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/generate");
    }

    @GetMapping("/account")
    String account(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        int size = 20;
        int current = Math.max(0, page);
        Page<LedgerEntry> transactions = credits.transactions(user.id(), size, (long) current * size);
        model.addAttribute("transactions", transactions);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (transactions.total() + size - 1) / size));
        model.addAttribute("purchases", purchases.history(user.id(), 10, 0).items());
        model.addAttribute("photos", uploads.list(user.id(), AccountDataPages.PHOTOS_ON_ACCOUNT_PAGE, 0));
        model.addAttribute(
                "deletedDesigns",
                generations.deletedAmong(
                        user.id(),
                        transactions.items().stream()
                                .map(LedgerEntry::generationId)
                                .filter(Objects::nonNull)
                                .toList()));
        return "account/account";
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
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        redirect.addFlashAttribute("notice", "Your account was deleted, with every design, photo and credit in it.");
        return "redirect:/";
    }

    /** A new session (new id: no fixation) holding the user as its principal. */
    private void startSession(User user, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                new CurrentUser(user.id()), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        // a new CSRF token with the new session, as Spring Security's own login does
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }
}
