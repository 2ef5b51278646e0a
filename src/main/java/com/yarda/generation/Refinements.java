package com.yarda.generation;

import com.yarda.account.Accounts;
import com.yarda.designer.Style;
import com.yarda.generation.GenerationProblems.GenerationNotCompleted;
import com.yarda.generation.GenerationProblems.PhotoDeleted;
import com.yarda.generation.GenerationRow.Draft;
import com.yarda.generation.Generations.Accepted;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Refining a design with feedback: a new generation of the same input and site that edits the design it refines
 * (a version, not a reroll), and the versions of a design. A refinement is accepted like any generation (one
 * credit, the rate limit, an Idempotency-Key honoured) through {@link Acceptance}.
 */
@Service
public class Refinements {

    private static final Logger log = LoggerFactory.getLogger(Refinements.class);
    static final int MAX_FEEDBACK = 500;

    private final Accounts accounts;
    private final Acceptance acceptance;
    private final GenerationRepository repository;
    private final DesignParts parts;

    Refinements(Accounts accounts, Acceptance acceptance, GenerationRepository repository, DesignParts parts) {
        this.accounts = accounts;
        this.acceptance = acceptance;
        this.repository = repository;
        this.parts = parts;
    }

    /**
     * Accepts a refinement of the completed design {@code parentId} of {@code userId}. Checks, in this order:
     * verified email (403), the design (404 when not the user's or deleted), the fields (422), the design completed
     * (409 {@code generation_not_completed}), the photo of a photo design still there (409 {@code photo_deleted}), then
     * in one transaction the rate limit (429) and the credit (402).
     *
     * @param style another style for the refinement; null keeps the design's
     */
    public Accepted refine(
            UUID userId,
            UUID parentId,
            @Nullable String feedback,
            @Nullable String style,
            @Nullable String idempotencyKey) {
        accounts.requireVerified(userId);
        GenerationRow parent = repository.findOwned(userId, parentId).orElseThrow(Refinements::notFound);
        List<FieldProblem> problems = new ArrayList<>();
        String wish = feedback == null ? "" : feedback.trim();
        GenerationRules.textProblem(wish, 1, MAX_FEEDBACK)
                .ifPresent(message -> problems.add(new FieldProblem("feedback", message)));
        Style newStyle = style == null || style.isBlank()
                ? parent.style()
                : Style.byId(style).orElse(null);
        if (newStyle == null) {
            problems.add(new FieldProblem("style", "must be one of the ids of /api/styles"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (parent.status() != GenerationStatus.COMPLETED) {
            throw notCompleted();
        }
        byte[] fingerprint = fingerprint(parentId, wish, newStyle);
        if (idempotencyKey != null) {
            Optional<Acceptance.Written> replay = acceptance.replay(userId, idempotencyKey, fingerprint);
            if (replay.isPresent()) {
                return Accepted.of(replay.get());
            }
        }
        if (photoDeleted(parent)) {
            throw new PhotoDeleted();
        }
        Draft draft = new Draft(
                parent.inputType(),
                parent.inputAddress(),
                parent.inputUploadId(),
                newStyle,
                parent.customPrompt(),
                parent.id(),
                parent.familyId(),
                wish,
                null,
                null);
        Accepted accepted = Accepted.of(acceptance.write(
                userId,
                new Acceptance.Order() {
                    @Override
                    public List<Draft> drafts() {
                        return List.of(draft);
                    }

                    @Override
                    public void check() {
                        // held until the transaction ends: the design cannot be deleted meanwhile, nor its photo
                        Optional<GenerationRow> locked = repository.lockForRefinement(userId, parentId);
                        if (locked.isEmpty()) {
                            repository.findOwned(userId, parentId).orElseThrow(Refinements::notFound);
                            throw notCompleted();
                        }
                        if (photoDeleted(locked.get())) {
                            throw new PhotoDeleted();
                        }
                    }

                    @Override
                    public Acceptance.Answer answer(List<GenerationRow> rows, Instant now) {
                        return new Acceptance.Answer(acceptance.body(rows.getFirst()), null);
                    }
                },
                fingerprint,
                idempotencyKey));
        if (!accepted.replayed()) {
            log.info("Accepted refinement {} of generation {} of user {}", accepted.generationId(), parentId, userId);
        }
        return accepted;
    }

    /**
     * Every version of the design {@code id} of {@code userId}: the first design and all refinements of it, at any
     * depth, oldest first. A deleted version is listed as deleted, with nothing personal in it.
     *
     * @throws NotFound when the design is not the user's or is itself deleted
     */
    public List<Generation> versions(UUID userId, UUID id) {
        GenerationRow row = repository.findOwned(userId, id).orElseThrow(Refinements::notFound);
        return repository.family(userId, row.familyId()).stream()
                .map(version -> version.toGeneration(parts))
                .toList();
    }

    private static byte[] fingerprint(UUID parentId, String feedback, Style style) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {"refinement", parentId.toString(), feedback, style.id()}) {
                digest.update(field.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1F);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A refinement of a photo design draws on its photo again (the builtin designer does). */
    private static boolean photoDeleted(GenerationRow design) {
        return design.inputType() == InputType.PHOTO && design.inputUploadId() == null;
    }

    private static GenerationNotCompleted notCompleted() {
        return new GenerationNotCompleted(
                "Only a completed design can be refined. Wait until it is ready, or refine another version.");
    }

    private static NotFound notFound() {
        return new NotFound("The generation");
    }
}
