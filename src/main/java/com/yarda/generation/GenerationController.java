package com.yarda.generation;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import com.yarda.platform.ValidationFailed;
import com.yarda.storage.ImageBlob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Generations")
@RestController
@RequestMapping("/api")
class GenerationController {

    private final Generations generations;

    GenerationController(Generations generations) {
        this.generations = generations;
    }

    /** The JSON form of a new generation; the rules are checked by {@link Generations#accept}. */
    record CreateGeneration(
            @Nullable String inputType,
            @Nullable String inputPhotoUrl,
            @Nullable String inputAddress,
            @Nullable String style,
            @Nullable String customPrompt) {}

    @Operation(summary = "Start a design from an address or one of your uploads (verified users; costs one credit)")
    @PostMapping(value = "/generations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(
            CurrentUser user,
            @RequestBody CreateGeneration body,
            @Parameter(description = "Retries with the same key and body return the first answer")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255)
                    @Nullable
                    String idempotencyKey) {
        NewGeneration request = new NewGeneration(
                body.inputType(), body.inputPhotoUrl(), body.inputAddress(), body.style(), body.customPrompt(), null);
        return accepted(user, generations.accept(user.id(), request, idempotencyKey));
    }

    @Operation(
            summary = "Start a design from a photo sent in the same request (multipart, part photo)",
            description = "The photo is checked as POST /api/uploads checks it, before the rate limit and the credit:"
                    + " one that cannot become a design answers 422 validation_failed with errors [{field: photo,"
                    + " message}] and costs nothing.")
    @PostMapping(value = "/generations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> createWithPhoto(
            CurrentUser user,
            @RequestParam(name = "input_type", required = false) @Nullable String inputType,
            @RequestParam(name = "input_photo_url", required = false) @Nullable String inputPhotoUrl,
            @RequestParam(name = "input_address", required = false) @Nullable String inputAddress,
            @RequestParam(name = "style", required = false) @Nullable String style,
            @RequestParam(name = "custom_prompt", required = false) @Nullable String customPrompt,
            @RequestPart(name = "photo", required = false) @Nullable MultipartFile photo,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) @Nullable
                    String idempotencyKey)
            throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        NewGeneration request = new NewGeneration(inputType, inputPhotoUrl, inputAddress, style, customPrompt, bytes);
        return accepted(user, generations.accept(user.id(), request, idempotencyKey));
    }

    @Operation(summary = "One of your generations")
    @GetMapping("/generations/{id}")
    ResponseEntity<Generation> get(CurrentUser user, @PathVariable UUID id) {
        return withRateLimit(ResponseEntity.ok(), generations.rateLimit(user.id()))
                .body(generations.get(user.id(), id));
    }

    @Operation(summary = "Your generations, newest first")
    @GetMapping("/generations")
    ResponseEntity<Page<Generation>> history(
            CurrentUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset,
            @Parameter(description = "pending, processing, completed or failed")
                    @RequestParam(required = false)
                    @Nullable
                    String status) {
        GenerationStatus filter = status == null || status.isEmpty() ? null : parseStatus(status);
        return withRateLimit(ResponseEntity.ok(), generations.rateLimit(user.id()))
                .body(generations.history(user.id(), filter, limit, offset));
    }

    @Operation(
            summary = "Delete one of your finished generations",
            description = "Removes its image, its photo (unless another of your generations uses it) and its address"
                    + " and instruction. Its credit entries stay. 409 generation_in_progress while it is pending"
                    + " or processing.")
    @DeleteMapping("/generations/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        generations.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The design image of a completed generation (owner only)")
    @GetMapping("/generations/{id}/image")
    ResponseEntity<byte[]> image(CurrentUser user, @PathVariable UUID id) {
        ImageBlob image = generations.image(user.id(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(image.fileName("yarda-" + id))
                                .build()
                                .toString())
                .body(image.bytes());
    }

    @Operation(
            summary = "The \"before\" of a generation (owner only)",
            description = "The uploaded photo of a photo design; for an address design the street-level picture of"
                    + " the site, else the overhead one. 404 when there is none.")
    @GetMapping("/generations/{id}/before")
    ResponseEntity<byte[]> before(CurrentUser user, @PathVariable UUID id) {
        ImageBlob image = generations.before(user.id(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(image.fileName("yarda-" + id + "-before"))
                                .build()
                                .toString())
                .body(image.bytes());
    }

    @Operation(summary = "Where you stand against the generation rate limit")
    @GetMapping("/rate-limits/status")
    RateLimitStatus rateLimitStatus(CurrentUser user) {
        return generations.rateLimit(user.id());
    }

    private static ResponseEntity<String> accepted(CurrentUser user, Generations.Accepted accepted) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/generations/" + accepted.generationId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (accepted.rateLimit() != null) {
            withRateLimit(response, accepted.rateLimit());
        }
        // the stored first answer, byte for byte, so that a replay is identical to it
        return response.body(accepted.responseBody());
    }

    private static ResponseEntity.BodyBuilder withRateLimit(
            ResponseEntity.BodyBuilder response, RateLimitStatus status) {
        return response.header("RateLimit-Policy", status.policyHeader()).header("RateLimit", status.header());
    }

    private static GenerationStatus parseStatus(String status) {
        return GenerationStatus.byValue(status)
                .orElseThrow(
                        () -> new ValidationFailed("status", "must be one of pending, processing, completed, failed"));
    }
}
