package com.yarda.generation;

import com.yarda.account.Accounts;
import com.yarda.designer.Style;
import com.yarda.generation.GenerationRow.Draft;
import com.yarda.generation.GenerationRules.ValidGeneration;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.ValidationFailed;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One input in two or three styles, side by side. All or nothing: the generations are accepted in one transaction
 * ({@link Acceptance}), each with its credit and its rate-limit attempt, or none is.
 */
@Service
public class Comparisons {

    private static final Logger log = LoggerFactory.getLogger(Comparisons.class);

    private final Accounts accounts;
    private final Uploads uploads;
    private final Acceptance acceptance;
    private final RequestPhotos photos;
    private final GenerationRepository generations;
    private final ComparisonRepository repository;
    private final DesignParts parts;
    private final JsonMapper json;

    Comparisons(
            Accounts accounts,
            Uploads uploads,
            Acceptance acceptance,
            RequestPhotos photos,
            GenerationRepository generations,
            ComparisonRepository repository,
            DesignParts parts,
            JsonMapper json) {
        this.accounts = accounts;
        this.uploads = uploads;
        this.acceptance = acceptance;
        this.photos = photos;
        this.generations = generations;
        this.repository = repository;
        this.parts = parts;
        this.json = json;
    }

    /**
     * A request to compare styles: the fields of a JSON generation request, with {@code styles} (2 or 3 distinct
     * style ids) instead of {@code style}.
     */
    public record NewComparison(
            @Nullable String inputType,
            @Nullable String inputPhotoUrl,
            @Nullable String inputAddress,
            @Nullable List<String> styles,
            @Nullable String customPrompt) {}

    /** The answer to an accepted comparison, or the replay of the first answer to an idempotent retry. */
    public record AcceptedComparison(
            UUID comparisonId,
            String responseBody,
            boolean replayed,
            @Nullable RateLimitStatus rateLimit) {}

    /**
     * Accepts a comparison: the checks of one generation request, in the same order, for all of its styles at once;
     * if the user cannot afford them all (402) or may not start them all now (429), nothing is charged or counted.
     */
    public AcceptedComparison compare(UUID userId, NewComparison request, @Nullable String idempotencyKey) {
        return compare(userId, request, null, idempotencyKey);
    }

    /**
     * Accepts a comparison whose photo comes in the request itself (the web app's form) instead of as an upload url;
     * a refused request leaves nothing behind, not even the photo.
     */
    public AcceptedComparison compare(
            UUID userId, NewComparison request, byte @Nullable [] photo, @Nullable String idempotencyKey) {
        accounts.requireVerified(userId);
        List<FieldProblem> problems = new ArrayList<>();
        List<Style> styles = styles(request.styles(), problems);
        ValidGeneration valid = null;
        try {
            // the style rule is checked above for every style; the other rules are a generation's
            valid = GenerationRules.check(
                    new NewGeneration(
                            request.inputType(),
                            request.inputPhotoUrl(),
                            request.inputAddress(),
                            Style.JAPANESE_ZEN.id(),
                            request.customPrompt(),
                            photo),
                    url -> uploads.resolveOwnUrl(userId, url).map(Upload::id));
        } catch (ValidationFailed invalid) {
            problems.addAll(invalid.errors());
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        byte[] fingerprint = fingerprint(request, photo);
        if (idempotencyKey != null) {
            Optional<Acceptance.Written> replay = acceptance.replay(userId, idempotencyKey, fingerprint);
            if (replay.isPresent()) {
                return accepted(replay.get());
            }
        }
        UUID comparisonId = UUID.randomUUID();
        ValidGeneration input = valid;
        AcceptedComparison accepted = photos.accept(
                userId,
                photo,
                input.uploadId(),
                upload -> {
                    List<Draft> drafts = new ArrayList<>();
                    for (int i = 0; i < styles.size(); i++) {
                        drafts.add(Draft.first(
                                        input.inputType(), input.address(), upload, styles.get(i), input.customPrompt())
                                .inComparison(comparisonId, i));
                    }
                    return accepted(
                            acceptance.write(userId, order(userId, comparisonId, drafts), fingerprint, idempotencyKey));
                },
                answer -> !answer.replayed());
        if (!accepted.replayed()) {
            log.info("Accepted comparison {} of {} styles of user {}", comparisonId, styles.size(), userId);
        }
        return accepted;
    }

    /** The comparison row first, then its generations; answered with the comparison as the API shows it. */
    private Acceptance.Order order(UUID userId, UUID comparisonId, List<Draft> drafts) {
        return new Acceptance.Order() {
            @Override
            public List<Draft> drafts() {
                return drafts;
            }

            @Override
            public void prepare(Instant now) {
                repository.insert(comparisonId, userId, now);
            }

            @Override
            public Acceptance.Answer answer(List<GenerationRow> rows, Instant now) {
                Comparison comparison = new Comparison(
                        comparisonId,
                        rows.stream().map(row -> row.toGeneration(parts)).toList(),
                        now);
                return new Acceptance.Answer(json.writeValueAsString(comparison), comparisonId);
            }
        };
    }

    /** The comparison {@code id} of {@code userId}, with the current statuses of its generations. */
    public Comparison get(UUID userId, UUID id) {
        Instant createdAt = repository.createdAt(userId, id).orElseThrow(() -> new NotFound("The comparison"));
        List<Generation> items = generations.comparison(id).stream()
                .map(row -> row.toGeneration(parts))
                .toList();
        return new Comparison(id, items, createdAt);
    }

    /** Every comparison of {@code userId}, newest first, as {@link #get} shows each. */
    public List<Comparison> allOf(UUID userId) {
        return repository.ids(userId).stream().map(id -> get(userId, id)).toList();
    }

    private static AcceptedComparison accepted(Acceptance.Written written) {
        if (written.comparisonId() == null) {
            // the key was first used for a request that was not a comparison: its fingerprint cannot match
            throw new IllegalStateException("the answer of a comparison names no comparison");
        }
        return new AcceptedComparison(written.comparisonId(), written.body(), written.replayed(), written.rateLimit());
    }

    /** Two or three distinct styles of /api/styles, in the order given. */
    private static List<Style> styles(@Nullable List<String> ids, List<FieldProblem> problems) {
        if (ids == null || ids.size() < 2 || ids.size() > 3) {
            problems.add(new FieldProblem("styles", "must list 2 or 3 style ids of /api/styles"));
            return List.of();
        }
        Set<Style> styles = new LinkedHashSet<>();
        for (String id : ids) {
            Optional<Style> style = Style.byId(id);
            if (style.isEmpty()) {
                problems.add(new FieldProblem("styles", "must be ids of /api/styles; " + id + " is not one"));
                return List.of();
            }
            styles.add(style.get());
        }
        if (styles.size() != ids.size()) {
            problems.add(new FieldProblem("styles", "must be distinct"));
        }
        return List.copyOf(styles);
    }

    private static byte[] fingerprint(NewComparison request, byte @Nullable [] photo) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> fields = new ArrayList<>();
            fields.add("comparison");
            fields.add(request.inputType());
            fields.add(request.inputPhotoUrl());
            fields.add(request.inputAddress());
            fields.add(request.styles() == null ? null : String.join(",", request.styles()));
            fields.add(request.customPrompt());
            for (String field : fields) {
                digest.update(field == null ? new byte[] {0} : ("\1" + field).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1F);
            }
            if (photo != null) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(photo));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
