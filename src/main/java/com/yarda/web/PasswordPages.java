package com.yarda.web;

import com.yarda.account.Passwords;
import com.yarda.platform.ProblemException;
import com.yarda.platform.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgot your password: ask for a link, then choose a new password on the page the link opens. */
@Controller
class PasswordPages {

    private final Passwords passwords;
    private final BrowserSessions sessions;

    PasswordPages(Passwords passwords, BrowserSessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    record ForgotForm(String email) {}

    record ResetForm(String token, String password, String confirmPassword) {}

    @GetMapping("/forgot-password")
    String forgot(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "account/forgot-password";
    }

    /** The same answer whether or not the address has an account. */
    @PostMapping("/forgot-password")
    String forgot(@ModelAttribute("form") ForgotForm form, BindingResult result, RedirectAttributes redirect) {
        String email = form.email() == null ? "" : form.email();
        try {
            passwords.forgot(email);
        } catch (ValidationFailed invalid) {
            Forms.reject(result, invalid);
            return "account/forgot-password";
        }
        redirect.addFlashAttribute("sentTo", email.trim().toLowerCase(Locale.ROOT));
        return "redirect:/forgot-password";
    }

    @GetMapping("/reset-password")
    String reset(@RequestParam(required = false) @Nullable String token, Model model) {
        Passwords.LinkState state = passwords.linkState(token);
        if (state != Passwords.LinkState.VALID) {
            model.addAttribute("outcome", state == Passwords.LinkState.EXPIRED ? "token_expired" : "invalid_token");
            return "account/reset-password";
        }
        model.addAttribute("outcome", "choose");
        model.addAttribute("form", new ResetForm(token, "", ""));
        return "account/reset-password";
    }

    /**
     * Sets the new password; every session of the user ends, this browser's included, and the login page says so. A
     * refused password is shown beside its field, and the link still works.
     */
    @PostMapping("/reset-password")
    String reset(
            @ModelAttribute("form") ResetForm form, BindingResult result, Model model, HttpServletRequest request) {
        model.addAttribute("outcome", "choose");
        if (form.password() != null && !form.password().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "The two passwords do not match.");
            return "account/reset-password";
        }
        try {
            passwords.reset(form.token() == null ? "" : form.token(), form.password());
        } catch (ValidationFailed invalid) {
            Forms.reject(result, invalid);
            return "account/reset-password";
        } catch (ProblemException problem) {
            if (!List.of("invalid_token", "token_expired").contains(problem.code())) {
                throw problem;
            }
            model.addAttribute("outcome", problem.code());
            return "account/reset-password";
        }
        sessions.end(request);
        return "redirect:/login?password-reset";
    }
}
