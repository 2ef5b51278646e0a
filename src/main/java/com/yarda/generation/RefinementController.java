package com.yarda.generation;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Generations")
@RestController
@RequestMapping("/api/generations/{id}")
class RefinementController {

    private final Refinements refinements;
    private final Generations generations;
    private final EndedGenerations ended;

    RefinementController(Refinements refinements, Generations generations, EndedGenerations ended) {
        this.refinements = refinements;
        this.generations = generations;
        this.ended = ended;
    }

    /**
     * A refinement request.
     *
     * @param feedback what to change, 1 to 500 characters
     * @param style another style; the refined design's when absent
     */
    record Refine(@Nullable String feedback, @Nullable String style) {}

    /** The versions of a design. */
    record Versions(List<Generation> items) {}

    @Operation(
            summary = "Refine a completed design with feedback (verified users; costs one credit)",
            description = "A new generation of the same input and site, with parent_id and feedback: the designer edits"
                    + " the design it refines rather than drawing a new one. Checks: verified (403), the design (404),"
                    + " feedback 1 to 500 characters and style (422), the design completed (409"
                    + " generation_not_completed), its photo still there for a photo design (409 photo_deleted), the"
                    + " rate limit (429), the credit (402). Idempotency-Key as for POST /api/generations.")
    @GenerationController.AcceptAnswers
    @ApiResponse(responseCode = "404", description = "not_found: no such design of yours")
    @ApiResponse(
            responseCode = "409",
            description = "generation_not_completed: the design is not completed; photo_deleted: the photo the"
                    + " design was made from was deleted; idempotency_in_flight: a request with this Idempotency-Key"
                    + " is still being processed")
    @PostMapping(value = "/refinements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> refine(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody Refine body,
            @Parameter(description = GenerationController.PREFER)
                    @RequestHeader(name = "Prefer", required = false)
                    @Nullable
                    List<String> prefer,
            @Parameter(description = "Retries with the same key and body return the first answer")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255)
                    @Nullable
                    String idempotencyKey) {
        return GenerationController.acceptedOrEnded(
                user,
                refinements.refine(user.id(), id, body.feedback(), body.style(), idempotencyKey),
                prefer,
                generations,
                ended);
    }

    @Operation(
            summary = "Every version of a design, oldest first",
            description = "The first design and all refinements of it, at any depth, each with its parent_id. A"
                    + " deleted version is listed with deleted: true and nothing personal in it.")
    @ApiResponse(
            responseCode = "200",
            description = "The versions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Versions.class)))
    @GetMapping("/versions")
    Versions versions(CurrentUser user, @PathVariable UUID id) {
        return new Versions(refinements.versions(user.id(), id));
    }
}
