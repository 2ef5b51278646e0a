package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.designer.Style;
import com.yarda.designer.StyleExamples;
import com.yarda.generation.Generation;
import com.yarda.generation.GenerationStatus;
import com.yarda.generation.Generations;
import com.yarda.generation.InputType;
import com.yarda.generation.NewGeneration;
import com.yarda.generation.RateLimitStatus;
import com.yarda.generation.Refinements;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.platform.ValidationFailed;
import com.yarda.share.Shares;
import com.yarda.storage.ImageBlob;
import com.yarda.upload.Uploads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Generate a design, follow its progress, see the history. */
@Controller
class GenerationPages {

    static final int HISTORY_PAGE_SIZE = 12;

    private final Generations generations;
    private final Refinements refinements;
    private final Accounts accounts;
    private final Uploads uploads;
    private final StyleExamples examples;
    private final Shares shares;

    GenerationPages(
            Generations generations,
            Refinements refinements,
            Accounts accounts,
            Uploads uploads,
            StyleExamples examples,
            Shares shares) {
        this.generations = generations;
        this.refinements = refinements;
        this.accounts = accounts;
        this.uploads = uploads;
        this.examples = examples;
        this.shares = shares;
    }

    /** The generate form; {@code requestKey} makes a double submit (or a reload) one generation, not two. */
    record GenerateForm(
            String inputType,
            String inputAddress,
            @Nullable String photoAddress,
            String style,
            String customPrompt,
            String requestKey) {
        static GenerateForm empty() {
            return new GenerateForm(
                    "address",
                    "",
                    "",
                    Style.JAPANESE_ZEN.id(),
                    "",
                    UUID.randomUUID().toString());
        }

        /** The address of an address design, or where the yard of a photo is (optional: for its zone). */
        @Nullable
        String address() {
            return "address".equals(inputType) ? inputAddress : photoAddress;
        }
    }

    /** What to change in a design; {@code style} blank keeps the design's. */
    record RefineForm(String feedback, String style, String requestKey) {
        static RefineForm empty() {
            return new RefineForm("", "", UUID.randomUUID().toString());
        }
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("styles", Style.values());
        return "home";
    }

    @GetMapping("/styles/{id}.png")
    ResponseEntity<byte[]> styleExample(@PathVariable String id) {
        Style style = Style.byId(id).orElseThrow(() -> new NotFound("The style"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(examples.example(style));
    }

    @GetMapping("/generate")
    String generate(CurrentUser user, @RequestParam(required = false) @Nullable String photo, Model model) {
        GenerateForm form = GenerateForm.empty();
        if (OversizedPhotos.REFUSED.equals(photo)) {
            form = new GenerateForm(
                    "photo", "", form.photoAddress(), form.style(), form.customPrompt(), form.requestKey());
            model.addAttribute("photoError", OversizedPhotos.MESSAGE);
        }
        model.addAttribute("form", form);
        return generatePage(user, model);
    }

    @PostMapping("/generate")
    String generate(
            CurrentUser user,
            @ModelAttribute("form") GenerateForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            Model model)
            throws IOException {
        byte[] bytes = "photo".equals(form.inputType()) && photo != null && !photo.isEmpty() ? photo.getBytes() : null;
        NewGeneration request =
                new NewGeneration(form.inputType(), null, form.address(), form.style(), form.customPrompt(), bytes);
        try {
            Generations.Accepted accepted = generations.accept(user.id(), request, blankToNull(form.requestKey()));
            return "redirect:/generations/" + accepted.generationId();
        } catch (ProblemException refused) {
            RequestRefusals.show(refused, "photo".equals(form.inputType()), result, model);
        }
        // the next try is a new request
        model.addAttribute(
                "form",
                new GenerateForm(
                        form.inputType(),
                        form.inputAddress(),
                        form.photoAddress(),
                        form.style(),
                        form.customPrompt(),
                        UUID.randomUUID().toString()));
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return generatePage(user, model);
    }

    @GetMapping("/generations/{id}")
    String generation(CurrentUser user, @PathVariable UUID id, Model model) {
        showGeneration(user, id, model);
        return "generation/detail";
    }

    /**
     * Refines a completed design with feedback: a new version, shown at once with its progress. A refusal shows the
     * design again with the reason beside the form, and the feedback kept.
     */
    @PostMapping("/generations/{id}/refine")
    String refine(
            CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute("refineForm") RefineForm form,
            BindingResult result,
            Model model) {
        try {
            Generations.Accepted accepted = refinements.refine(
                    user.id(), id, form.feedback(), blankToNull(form.style()), blankToNull(form.requestKey()));
            return "redirect:/generations/" + accepted.generationId();
        } catch (ValidationFailed failure) {
            Forms.reject(result, failure);
        } catch (RateLimited limited) {
            result.reject(
                    "rate_limited",
                    "You have started " + limited.limit() + " designs in the last minute; refine again in "
                            + limited.retryAfterSeconds() + " seconds.");
        } catch (ProblemException problem) {
            switch (problem.code()) {
                case "insufficient_credits" ->
                    result.reject(problem.code(), "You have no credits left: buy tokens to refine this design.");
                case "email_not_verified",
                        "generation_not_completed",
                        "photo_deleted",
                        "idempotency_in_flight",
                        "idempotency_key_reused" -> result.reject(problem.code(), problem.getMessage());
                default -> throw problem;
            }
        }
        showGeneration(user, id, model);
        model.addAttribute(
                "refineForm",
                new RefineForm(form.feedback(), form.style(), UUID.randomUUID().toString()));
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "refineForm", result);
        return "generation/detail";
    }

    /** Deletes a finished design for good, then shows the history with a note that it is gone. */
    @PostMapping("/generations/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            generations.delete(user.id(), id);
        } catch (ProblemException inProgress) {
            redirect.addFlashAttribute("deleteError", inProgress.getMessage());
            return "redirect:/generations/" + id;
        }
        redirect.addFlashAttribute(
                "notice", "The design was deleted, with its image and the photo or address it came from.");
        return "redirect:/history";
    }

    /**
     * The live part of the detail page; htmx asks for it every second until the generation has finished. Its last
     * answer also updates the credits in the navigation bar (out of band), so a refund shows at once.
     */
    @GetMapping("/generations/{id}/status")
    String status(CurrentUser user, @PathVariable UUID id, Model model) {
        showGeneration(user, id, model);
        model.addAttribute("updateCredits", true);
        return "generation/detail :: progress";
    }

    /**
     * The generation, then the balances: read in this order, a failed generation's refund is always included. A
     * completed one also shows its share link, when it is shared.
     */
    private void showGeneration(CurrentUser user, UUID id, Model model) {
        Generation generation = generations.get(user.id(), id);
        model.addAttribute("generation", view(generation));
        model.addAttribute("me", accounts.user(user.id()));
        model.addAttribute(
                "versions",
                refinements.versions(user.id(), id).stream()
                        .map(GenerationPages::view)
                        .toList());
        model.addAttribute("styles", Style.values());
        model.addAttribute("refineForm", RefineForm.empty());
        if (generation.status() == GenerationStatus.COMPLETED) {
            model.addAttribute("share", shares.link(user.id(), id).orElse(null));
        }
    }

    @GetMapping("/generations/{id}/image")
    ResponseEntity<byte[]> image(
            CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) @Nullable String download) {
        ImageBlob image = generations.image(user.id(), id);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate());
        if (download != null) {
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(image.fileName("yarda-design-" + id))
                            .build()
                            .toString());
        }
        return response.body(image.bytes());
    }

    /** The "before": the photo, or the picture of the site an address design was drawn for. */
    @GetMapping("/generations/{id}/before")
    ResponseEntity<byte[]> before(CurrentUser user, @PathVariable UUID id) {
        return privateImage(generations.before(user.id(), id));
    }

    @GetMapping("/generations/{id}/overhead")
    ResponseEntity<byte[]> overhead(CurrentUser user, @PathVariable UUID id) {
        return privateImage(generations.overhead(user.id(), id));
    }

    private static ResponseEntity<byte[]> privateImage(ImageBlob image) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.bytes());
    }

    @GetMapping("/uploads/{id}/image")
    ResponseEntity<byte[]> upload(CurrentUser user, @PathVariable UUID id) {
        ImageBlob image = uploads.image(user.id(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.bytes());
    }

    @GetMapping("/history")
    String history(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        GenerationStatus filter = GenerationStatus.byValue(status).orElse(null);
        int current = Math.max(0, page);
        Page<Generation> items =
                generations.history(user.id(), filter, HISTORY_PAGE_SIZE, (long) current * HISTORY_PAGE_SIZE);
        model.addAttribute(
                "items", items.items().stream().map(GenerationPages::view).toList());
        model.addAttribute("total", items.total());
        model.addAttribute("status", filter == null ? "" : filter.value());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (items.total() + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE));
        return "generation/history";
    }

    private String generatePage(CurrentUser user, Model model) {
        RateLimitStatus limit = generations.rateLimit(user.id());
        model.addAttribute("styles", Style.values());
        model.addAttribute("rateLimit", limit);
        if (!model.containsAttribute("retryAfter") && !limit.canRequest()) {
            model.addAttribute("problem", "rate_limited");
            model.addAttribute("retryAfter", limit.retryAfterSeconds());
        }
        return "generation/generate";
    }

    static GenerationView view(Generation g) {
        String photo = g.inputPhotoUrl() == null ? null : g.inputPhotoUrl().replaceFirst("^/api", "");
        String image = g.outputImageUrl() == null ? null : g.outputImageUrl().replaceFirst("^/api", "");
        List<String> imagery = g.site() == null ? List.of() : g.site().imagery();
        // a photo design's before is its photo alone: none once the photo was deleted
        String before = photo != null
                ? photo
                : g.inputType() == InputType.PHOTO || imagery.isEmpty() ? null : "/generations/" + g.id() + "/before";
        String overhead = imagery.contains("satellite") ? "/generations/" + g.id() + "/overhead" : null;
        return new GenerationView(g, photo, image, g.style().displayName(), before, overhead);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
