package com.yarda.generation;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.ValidationFailed;
import com.yarda.storage.ImageBlob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.Optional;
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
    private final EndedGenerations ended;

    GenerationController(Generations generations, EndedGenerations ended) {
        this.generations = generations;
        this.ended = ended;
    }

    /** The JSON form of a new generation; the rules are checked by {@link Generations#accept}. */
    record CreateGeneration(
            @Nullable String inputType,
            @Nullable String inputPhotoUrl,
            @Nullable String inputAddress,
            @Nullable String style,
            @Nullable String customPrompt) {}

    // both forms are one operation in the OpenAPI document
    private static final String SUMMARY = "Start a design (verified users; costs one credit)";
    private static final String RULES =
            "JSON with input_photo_url, the url of one of your uploads, or multipart/form-data"
                    + " with the image in part photo. input_type photo or address; input_address 5 to 200 characters;"
                    + " style an id of GET /api/styles; custom_prompt at most 500 characters. A photo design may carry"
                    + " input_address too (where the yard is), for its site and zone. A photo sent in the request is"
                    + " checked as POST /api/uploads checks it, before the rate limit and the credit: one that cannot"
                    + " become a design answers 422 validation_failed with errors [{field: photo, message}] and costs"
                    + " nothing.";

    /**
     * What both forms of {@code POST /api/generations} answer, for the OpenAPI document: the body is the stored first
     * answer, pre-rendered so that a replay is identical to it, which springdoc cannot see in the return type.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the generation, pending, with the credit type that paid for it. A retry with the"
                    + " same Idempotency-Key and body answers the first answer again and is not charged again.",
            headers = {
                @Header(name = "Location", description = "/api/generations/{id}", schema = @Schema(type = "string")),
                @Header(
                        name = "Idempotent-Replayed",
                        description = "true when this is the first answer to an earlier request with the same key",
                        schema = @Schema(type = "string")),
                @Header(
                        name = "RateLimit-Policy",
                        description = "\"generations\";q=3;w=60",
                        schema = @Schema(type = "string")),
                @Header(
                        name = "RateLimit",
                        description = "\"generations\";r=<remaining>;t=<seconds until a slot frees>",
                        schema = @Schema(type = "string"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Generation.class)))
    @ApiResponse(
            responseCode = "201",
            description = "With Prefer: wait=N, when the design ended within N seconds: the generation, completed or"
                    + " failed. Preference-Applied: wait=N says so.",
            headers = {
                @Header(name = "Location", description = "/api/generations/{id}", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", description = "wait=N", schema = @Schema(type = "string"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Generation.class)))
    @ApiResponse(responseCode = "402", description = "insufficient_credits: no trial credit and no token left")
    @ApiResponse(responseCode = "403", description = "email_not_verified: the caller has not verified their email")
    @ApiResponse(
            responseCode = "409",
            description = "idempotency_in_flight: a request with this Idempotency-Key is still being processed")
    @ApiResponse(responseCode = "413", description = "payload_too_large: the photo is over 10 MiB or 40 megapixels")
    @ApiResponse(
            responseCode = "415",
            description = "unsupported_media_type: the photo is not a JPEG, PNG or WebP image (judged by its bytes)")
    @ApiResponse(
            responseCode = "422",
            description = "validation_failed: a field breaks a rule (errors names it); idempotency_key_reused: this"
                    + " Idempotency-Key came with another body")
    @ApiResponse(
            responseCode = "429",
            description =
                    "rate_limited: 3 requests in the last 60 s already; retry_after says when the next may succeed",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")))
    @ApiResponse(
            responseCode = "503",
            description = "unavailable: the database is unreachable, or a photo sent with the request cannot be"
                    + " stored (GET /health says storage: down), and nothing was charged; with generation_id when"
                    + " the connection broke while the generation was being saved (retry with the same Idempotency-Key"
                    + " to be charged at most once); or too many photos are being processed to take the photo part"
                    + " now, nothing was stored or charged (retry after Retry-After seconds)")
    @interface AcceptAnswers {}

    static final String PREFER = "wait=N (1 to 60): answer 201 with the finished generation when it ends within N"
            + " seconds, else 202 as without it";

    @Operation(summary = SUMMARY, description = RULES)
    @AcceptAnswers
    @PostMapping(value = "/generations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(
            CurrentUser user,
            @RequestBody CreateGeneration body,
            @Parameter(description = PREFER) @RequestHeader(name = "Prefer", required = false) @Nullable
                    List<String> prefer,
            @Parameter(description = "Retries with the same key and body return the first answer")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255)
                    @Nullable
                    String idempotencyKey) {
        NewGeneration request = new NewGeneration(
                body.inputType(), body.inputPhotoUrl(), body.inputAddress(), body.style(), body.customPrompt(), null);
        return acceptedOrEnded(user, generations.accept(user.id(), request, idempotencyKey), prefer);
    }

    @Operation(
            summary = SUMMARY,
            description = RULES,
            // the form's fields are parts of the body, not the query parameters springdoc would make of them
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schemaProperties = {
                                                @SchemaProperty(name = "input_type", schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "input_photo_url",
                                                        schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "input_address",
                                                        schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "style", schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "custom_prompt",
                                                        schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "photo",
                                                        schema = @Schema(type = "string", format = "binary"))
                                            })))
    @AcceptAnswers
    @PostMapping(value = "/generations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> createWithPhoto(
            CurrentUser user,
            @Parameter(description = PREFER) @RequestHeader(name = "Prefer", required = false) @Nullable
                    List<String> prefer,
            @Parameter(hidden = true) @RequestParam(name = "input_type", required = false) @Nullable String inputType,
            @Parameter(hidden = true) @RequestParam(name = "input_photo_url", required = false) @Nullable
                    String inputPhotoUrl,
            @Parameter(hidden = true) @RequestParam(name = "input_address", required = false) @Nullable
                    String inputAddress,
            @Parameter(hidden = true) @RequestParam(name = "style", required = false) @Nullable String style,
            @Parameter(hidden = true) @RequestParam(name = "custom_prompt", required = false) @Nullable
                    String customPrompt,
            @Parameter(hidden = true) @RequestPart(name = "photo", required = false) @Nullable MultipartFile photo,
            @Parameter(description = "Retries with the same key and body return the first answer")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255)
                    @Nullable
                    String idempotencyKey)
            throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        NewGeneration request = new NewGeneration(inputType, inputPhotoUrl, inputAddress, style, customPrompt, bytes);
        return acceptedOrEnded(user, generations.accept(user.id(), request, idempotencyKey), prefer);
    }

    @Operation(summary = "One of your generations")
    @GetMapping("/generations/{id}")
    ResponseEntity<Generation> get(CurrentUser user, @PathVariable UUID id) {
        return withRateLimit(ResponseEntity.ok(), generations.rateLimit(user.id()))
                .body(generations.get(user.id(), id));
    }

    @Operation(
            summary = "Your generations, newest first",
            description = "Page by offset, or by before=next_before of the page before (never both: 422): a cursor"
                    + " page costs the same at any depth, and designs added or deleted meanwhile shift no page.")
    @GetMapping("/generations")
    ResponseEntity<HistoryPage> history(
            CurrentUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(schema = @Schema(defaultValue = "0")) @RequestParam(required = false) @PositiveOrZero @Nullable
                    Long offset,
            @Parameter(description = "next_before of the page before: the page after it")
                    @RequestParam(required = false)
                    @Nullable
                    String before,
            @Parameter(description = "pending, processing, completed or failed")
                    @RequestParam(required = false)
                    @Nullable
                    String status) {
        GenerationStatus filter = status == null || status.isEmpty() ? null : parseStatus(status);
        return withRateLimit(ResponseEntity.ok(), generations.rateLimit(user.id()))
                .body(generations.historyPage(user.id(), filter, limit, offset, before));
    }

    @Operation(
            summary = "Delete one of your finished generations",
            description = "Removes its image, its photo (unless another of your generations uses it) and its address"
                    + " and instruction. Its credit entries stay. 409 generation_in_progress while it is pending"
                    + " or processing.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "409",
            description = "generation_in_progress: the generation is pending or processing; delete it once it ended")
    @DeleteMapping("/generations/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        generations.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The design image of a completed generation (owner only)")
    @ApiResponse(
            responseCode = "200",
            description = "The image, in the format the designer drew it in",
            content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
            })
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
    @ApiResponse(
            responseCode = "200",
            description = "The picture, as uploaded (re-encoded) or as the imagery service sent it",
            content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
            })
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

    /**
     * With {@code Prefer: wait=N}: 201 with the generation when it ends within N seconds (the request waits on a
     * virtual thread, woken by the end itself, see {@link EndedGenerations}); otherwise, and without it, 202.
     */
    private ResponseEntity<?> acceptedOrEnded(
            CurrentUser user, Generations.Accepted accepted, @Nullable List<String> prefer) {
        return acceptedOrEnded(user, accepted, prefer, generations, ended);
    }

    static ResponseEntity<?> acceptedOrEnded(
            CurrentUser user,
            Generations.Accepted accepted,
            @Nullable List<String> prefer,
            Generations generations,
            EndedGenerations ended) {
        Optional<PreferWait> wait = PreferWait.of(prefer);
        if (wait.isEmpty()) {
            return accepted(user, accepted);
        }
        UUID id = accepted.generationId();
        Optional<Generation> finished =
                ended.await(id, () -> generations.get(user.id(), id), wait.get().duration());
        if (finished.isEmpty()) {
            return accepted(user, accepted);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/generations/" + id))
                .header("Preference-Applied", wait.get().applied());
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (accepted.rateLimit() != null) {
            withRateLimit(response, accepted.rateLimit());
        }
        return response.body(finished.get());
    }

    /** 202 with the stored first answer, its Location, and the rate-limit headers of a new acceptance. */
    static ResponseEntity<String> accepted(CurrentUser user, Generations.Accepted accepted) {
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

    static ResponseEntity.BodyBuilder withRateLimit(ResponseEntity.BodyBuilder response, RateLimitStatus status) {
        return response.header("RateLimit-Policy", status.policyHeader()).header("RateLimit", status.header());
    }

    private static GenerationStatus parseStatus(String status) {
        return GenerationStatus.byValue(status)
                .orElseThrow(
                        () -> new ValidationFailed("status", "must be one of pending, processing, completed, failed"));
    }
}
