package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.designer.Style;
import com.yarda.generation.Comparison;
import com.yarda.generation.Comparisons;
import com.yarda.generation.Generations;
import com.yarda.generation.RateLimitStatus;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.ProblemException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Compare styles: one yard drawn in two or three styles, side by side, accepted all together or not at all. */
@Controller
class ComparisonPages {

    private final Comparisons comparisons;
    private final Generations generations;
    private final Accounts accounts;

    ComparisonPages(Comparisons comparisons, Generations generations, Accounts accounts) {
        this.comparisons = comparisons;
        this.generations = generations;
        this.accounts = accounts;
    }

    /** The generate form with 2 or 3 styles; {@code requestKey} makes a double submit one comparison, not two. */
    record CompareForm(
            String inputType,
            String inputAddress,
            @Nullable String photoAddress,
            @Nullable List<String> styles,
            String customPrompt,
            String requestKey) {
        static CompareForm empty() {
            return new CompareForm(
                    "address",
                    "",
                    "",
                    List.of(Style.JAPANESE_ZEN.id(), Style.MODERN_MINIMALIST.id()),
                    "",
                    UUID.randomUUID().toString());
        }

        List<String> chosen() {
            return styles == null ? List.of() : styles;
        }
    }

    @GetMapping("/compare")
    String compare(CurrentUser user, @RequestParam(required = false) @Nullable String photo, Model model) {
        CompareForm form = CompareForm.empty();
        if (OversizedPhotos.REFUSED.equals(photo)) {
            form = new CompareForm(
                    "photo", "", form.photoAddress(), form.styles(), form.customPrompt(), form.requestKey());
            model.addAttribute("photoError", OversizedPhotos.MESSAGE);
        }
        model.addAttribute("form", form);
        return formPage(user, form, model);
    }

    @PostMapping("/compare")
    String compare(
            CurrentUser user,
            @ModelAttribute("form") CompareForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            Model model)
            throws IOException {
        boolean fromPhoto = "photo".equals(form.inputType());
        byte[] bytes = fromPhoto && photo != null && !photo.isEmpty() ? photo.getBytes() : null;
        Comparisons.NewComparison request = new Comparisons.NewComparison(
                form.inputType(),
                null,
                fromPhoto ? form.photoAddress() : form.inputAddress(),
                form.chosen(),
                form.customPrompt());
        try {
            Comparisons.AcceptedComparison accepted =
                    comparisons.compare(user.id(), request, bytes, blankToNull(form.requestKey()));
            return "redirect:/comparisons/" + accepted.comparisonId();
        } catch (ProblemException refused) {
            RequestRefusals.show(refused, fromPhoto, result, model);
        }
        // the next try is a new request
        CompareForm next = new CompareForm(
                form.inputType(),
                form.inputAddress(),
                form.photoAddress(),
                form.chosen(),
                form.customPrompt(),
                UUID.randomUUID().toString());
        model.addAttribute("form", next);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return formPage(user, next, model);
    }

    @GetMapping("/comparisons/{id}")
    String comparison(CurrentUser user, @PathVariable UUID id, Model model) {
        showComparison(user, id, model);
        return "generation/comparison";
    }

    /** The live part of the comparison page; htmx asks for it every second until every design has finished. */
    @GetMapping("/comparisons/{id}/status")
    String status(CurrentUser user, @PathVariable UUID id, Model model) {
        showComparison(user, id, model);
        model.addAttribute("updateCredits", true);
        return "generation/comparison :: progress";
    }

    private void showComparison(CurrentUser user, UUID id, Model model) {
        Comparison comparison = comparisons.get(user.id(), id);
        List<GenerationView> items =
                comparison.generations().stream().map(GenerationPages::view).toList();
        model.addAttribute("comparison", comparison);
        model.addAttribute("items", items);
        model.addAttribute("finished", items.stream().allMatch(GenerationView::finished));
        model.addAttribute("me", accounts.user(user.id()));
    }

    private String formPage(CurrentUser user, CompareForm form, Model model) {
        RateLimitStatus limit = generations.rateLimit(user.id());
        model.addAttribute("styles", Style.values());
        model.addAttribute("rateLimit", limit);
        model.addAttribute("comparing", true);
        model.addAttribute("chosenStyles", form.chosen());
        if (!model.containsAttribute("retryAfter") && !limit.canRequest()) {
            model.addAttribute("problem", "rate_limited");
            model.addAttribute("retryAfter", limit.retryAfterSeconds());
        }
        return "generation/generate";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
