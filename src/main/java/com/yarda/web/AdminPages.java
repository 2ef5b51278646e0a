package com.yarda.web;

import com.yarda.admin.Administration;
import com.yarda.credits.CreditType;
import com.yarda.platform.ApiValue;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.ProblemException;
import com.yarda.platform.ValidationFailed;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operator pages. {@link Administration} checks on every call that the caller is an admin; anyone else gets the
 * 404 page, as if the pages did not exist.
 */
@Controller
class AdminPages {

    private static final int PAGE = 25;

    private final Administration administration;

    AdminPages(Administration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin")
    String dashboard(CurrentUser admin, Model model) {
        model.addAttribute("stats", administration.stats(admin.id()));
        model.addAttribute("failed", administration.failedGenerations(admin.id(), PAGE, 0));
        return "admin/dashboard";
    }

    @GetMapping("/admin/users")
    String users(CurrentUser admin, @RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("users", administration.users(admin.id(), email.trim(), PAGE, 0));
        return "admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String user(CurrentUser admin, @PathVariable UUID id, Model model) {
        model.addAttribute("detail", administration.user(admin.id(), id));
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}/adjustments")
    String adjust(
            CurrentUser admin,
            @PathVariable UUID id,
            @RequestParam String creditType,
            @RequestParam(required = false) @Nullable Integer amount,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            CreditType type = ApiValue.parse(CreditType.class, creditType)
                    .orElseThrow(() -> new ValidationFailed("credit_type", "must be trial or token"));
            if (amount == null) {
                throw new ValidationFailed("amount", "must be a whole number other than 0");
            }
            administration.adjust(admin.id(), id, type, amount, reason);
            redirect.addFlashAttribute("message", "Adjustment recorded.");
        } catch (ValidationFailed invalid) {
            redirect.addFlashAttribute(
                    "error",
                    invalid.errors().stream()
                            .map(problem -> problem.field().replace('_', ' ') + " " + problem.message())
                            .collect(Collectors.joining("; ")));
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/suspend")
    String suspend(
            CurrentUser admin,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return changeSuspension(
                id,
                redirect,
                "Account suspended: it cannot log in, and it was logged out everywhere.",
                () -> administration.suspend(admin.id(), id, reason));
    }

    @PostMapping("/admin/users/{id}/reactivate")
    String reactivate(
            CurrentUser admin,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return changeSuspension(
                id,
                redirect,
                "Account reactivated: it can log in again.",
                () -> administration.reactivate(admin.id(), id, reason));
    }

    private static String changeSuspension(UUID id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (ValidationFailed invalid) {
            redirect.addFlashAttribute(
                    "error", "The reason " + invalid.errors().getFirst().message() + ".");
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/audit")
    String audit(CurrentUser admin, Model model) {
        model.addAttribute("audit", administration.audit(admin.id(), null, PAGE, 0));
        return "admin/audit";
    }
}
