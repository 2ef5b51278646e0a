package com.yarda.web;

import com.yarda.platform.FieldProblem;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.platform.ValidationFailed;
import com.yarda.storage.DecodingBusy;
import com.yarda.upload.UploadQuotaExceeded;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Why a request for designs (one style, or a comparison) was refused, shown on the generate form: beside the field
 * it is about, or as the form's banner. The generate and compare pages share it, so each refusal reads the same.
 */
final class RequestRefusals {

    private RequestRefusals() {}

    /** Shows {@code refused} on the form; rethrows what is no refusal of the request itself. */
    static void show(ProblemException refused, boolean fromPhoto, BindingResult result, Model model) {
        switch (refused) {
            case ValidationFailed failure -> {
                // The photo is judged only once every other field has passed, so its problem comes alone; it is no
                // field of the form record, and goes beside the file input.
                problem(failure, "photo")
                        .ifPresentOrElse(
                                photo -> model.addAttribute("photoError", "The photo " + photo.message() + "."),
                                () -> Forms.reject(result, failure));
                problem(failure, "input_photo_url")
                        .ifPresent(p -> result.rejectValue("inputType", "photo", "Choose a photo of your yard."));
                if (fromPhoto) {
                    problem(failure, "input_address")
                            .ifPresent(p -> result.rejectValue(
                                    "photoAddress",
                                    "address",
                                    "Write the address or ZIP code in 5 to 200 characters."));
                }
                if (result.getFieldType("styles") != null) {
                    problem(failure, "styles")
                            .ifPresent(p -> result.rejectValue("styles", "styles", "Choose 2 or 3 different styles."));
                }
            }
            case UploadQuotaExceeded quotaReached -> model.addAttribute("photoError", quotaReached.getMessage());
            // too many photos being decoded at once (503): nothing was kept, the same form can be sent again
            case DecodingBusy busy -> model.addAttribute("photoError", busy.getMessage());
            case RateLimited limited -> {
                model.addAttribute("problem", "rate_limited");
                model.addAttribute("retryAfter", limited.retryAfterSeconds());
            }
            default -> {
                switch (refused.code()) {
                    case "unsupported_media_type", "payload_too_large" ->
                        model.addAttribute("photoError", refused.getMessage());
                    case "email_not_verified",
                            "insufficient_credits",
                            "idempotency_in_flight",
                            "idempotency_key_reused" -> model.addAttribute("problem", refused.code());
                    default -> throw refused;
                }
            }
        }
    }

    private static Optional<FieldProblem> problem(ValidationFailed failure, String field) {
        return failure.errors().stream()
                .filter(problem -> problem.field().equals(field))
                .findFirst();
    }
}
