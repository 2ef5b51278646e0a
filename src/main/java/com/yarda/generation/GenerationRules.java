package com.yarda.generation;

import com.yarda.designer.Style;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The field rules of API.md for a new generation. Pure: nothing is read or written here except through
 * {@code ownUpload}, so an invalid request changes nothing; every broken rule is reported at once.
 */
final class GenerationRules {

    static final int MAX_CUSTOM_PROMPT = 500;
    static final int MIN_ADDRESS = 5;
    static final int MAX_ADDRESS = 200;

    private GenerationRules() {}

    /**
     * A request that keeps the rules, with its text trimmed.
     *
     * @param address the address of an address design, or where the yard of a photo design is (optional there)
     * @param uploadId the caller's own upload that {@code input_photo_url} names; null for an address, or when the
     *     photo comes in the request itself
     */
    record ValidGeneration(
            InputType inputType,
            @Nullable String address,
            @Nullable UUID uploadId,
            Style style,
            @Nullable String customPrompt) {}

    /**
     * Checks {@code request} against the rules.
     *
     * @param ownUpload the id of the caller's own upload that a URL names, if it names one
     * @throws ValidationFailed (422) naming every field that breaks a rule
     */
    static ValidGeneration check(NewGeneration request, Function<String, Optional<UUID>> ownUpload) {
        List<FieldProblem> problems = new ArrayList<>();
        InputType inputType = null;
        if (request.inputType() == null) {
            problems.add(new FieldProblem("input_type", "is required: photo or address"));
        } else {
            inputType = InputType.byValue(request.inputType()).orElse(null);
            if (inputType == null) {
                problems.add(new FieldProblem("input_type", "must be photo or address"));
            }
        }
        Style style = Style.byId(request.style()).orElse(null);
        if (style == null) {
            problems.add(new FieldProblem("style", "must be one of the ids of /api/styles"));
        }
        String customPrompt = blankToNull(request.customPrompt());
        if (customPrompt != null) {
            textProblem(customPrompt, 1, MAX_CUSTOM_PROMPT)
                    .ifPresent(message -> problems.add(new FieldProblem("custom_prompt", message)));
        }
        String address = null;
        UUID uploadId = null;
        if (inputType == InputType.ADDRESS) {
            address =
                    request.inputAddress() == null ? "" : request.inputAddress().trim();
            textProblem(address, MIN_ADDRESS, MAX_ADDRESS)
                    .ifPresent(message -> problems.add(new FieldProblem("input_address", message + " for an address")));
        } else if (inputType == InputType.PHOTO) {
            // optional for a photo: "where is this yard?", so that the design gets a site and a zone
            address = blankToNull(request.inputAddress());
            if (address != null) {
                textProblem(address, MIN_ADDRESS, MAX_ADDRESS)
                        .ifPresent(message ->
                                problems.add(new FieldProblem("input_address", message + " for an address")));
            }
            String url = blankToNull(request.inputPhotoUrl());
            if (request.photo() == null && url == null) {
                problems.add(new FieldProblem(
                        "input_photo_url", "is required for a photo: upload one with POST /api/uploads"));
            } else if (request.photo() != null && url != null) {
                problems.add(new FieldProblem("input_photo_url", "send either a photo or an upload url, not both"));
            } else if (url != null) {
                uploadId = ownUpload.apply(url).orElse(null);
                if (uploadId == null) {
                    problems.add(new FieldProblem("input_photo_url", "must be the url of one of your own uploads"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new ValidGeneration(inputType, address, uploadId, style, customPrompt);
    }

    /**
     * What is wrong with {@code text}, if anything. Lengths are counted in characters as a person counts them
     * (code points: an emoji is one, not two); text is kept exactly as sent, so what cannot be kept faithfully is
     * refused rather than changed: a lone surrogate (no character at all), and control characters other than line
     * breaks and tabs (PostgreSQL cannot even store NUL).
     */
    static Optional<String> textProblem(String text, int min, int max) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid text (it holds half of a character)");
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of("must not contain control characters");
            }
        }
        int length = text.codePointCount(0, text.length());
        if (length < min && min <= 1) {
            return Optional.of("is required (1 to %d characters)".formatted(max));
        }
        if (length < min || length > max) {
            return Optional.of(
                    min <= 1
                            ? "must be at most %d characters".formatted(max)
                            : "must be %d to %d characters".formatted(min, max));
        }
        return Optional.empty();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
