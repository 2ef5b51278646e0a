package com.yarda.generation;

import com.yarda.account.AccountDeleting;
import com.yarda.account.Accounts;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.designer.Style;
import com.yarda.generation.GenerationProblems.AcceptOutcomeUnknown;
import com.yarda.generation.GenerationProblems.GenerationInProgress;
import com.yarda.generation.GenerationProblems.IdempotencyInFlight;
import com.yarda.generation.GenerationProblems.IdempotencyKeyReused;
import com.yarda.generation.GenerationStats.FailureRate;
import com.yarda.platform.DatabaseFailures;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import com.yarda.storage.ImageBlob;
import com.yarda.storage.ImageDeletions;
import com.yarda.storage.ImageStore;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepting generations and reading them back. Accepting is one transaction: the rate-limit attempt, the credit,
 * the generation row and the idempotency record are written together or not at all.
 */
@Service
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    static final int MAX_CUSTOM_PROMPT = 500;
    /** How long after the request an accept whose commit was cut off waits for the database to say what happened. */
    static final Duration COMMIT_CHECK = Duration.ofSeconds(15);

    private static final Duration COMMIT_CHECK_PAUSE = Duration.ofMillis(200);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final Accounts accounts;
    private final Credits credits;
    private final Uploads uploads;
    private final RateLimiter rateLimiter;
    private final IdempotencyKeys idempotencyKeys;
    private final GenerationRepository generations;
    private final ImageStore images;
    private final ImageDeletions deletions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final UserLocks userLocks = new UserLocks();

    Generations(
            Accounts accounts,
            Credits credits,
            Uploads uploads,
            RateLimiter rateLimiter,
            IdempotencyKeys idempotencyKeys,
            GenerationRepository generations,
            ImageStore images,
            ImageDeletions deletions,
            ApplicationEventPublisher events,
            JsonMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.credits = credits;
        this.uploads = uploads;
        this.rateLimiter = rateLimiter;
        this.idempotencyKeys = idempotencyKeys;
        this.generations = generations;
        this.images = images;
        this.deletions = deletions;
        this.events = events;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The answer to an accepted request, or the replay of the first answer to an idempotent retry. */
    public record Accepted(
            UUID generationId,
            String responseBody,
            boolean replayed,
            @Nullable RateLimitStatus rateLimit) {}

    /**
     * Accepts a request for a design. Checks, in this order: verified email (403), the request's fields (400, 413,
     * 415, 422; nothing is recorded for an invalid request), then in one transaction the rate limit (429) and the
     * credit (402). A retry with the same {@code idempotencyKey} and body gets the first answer and is not charged
     * again.
     */
    public Accepted accept(UUID userId, NewGeneration request, @Nullable String idempotencyKey) {
        accounts.requireVerified(userId);
        Valid valid = validate(userId, request);
        byte[] fingerprint = request.fingerprint();
        if (idempotencyKey != null) {
            Optional<Accepted> replay = replay(userId, idempotencyKey, fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        UUID uploadId = valid.uploadId() != null
                ? valid.uploadId()
                : request.photo() != null
                        ? uploads.store(userId, request.photo()).id()
                        : null;

        Instant started = clock.instant();
        UUID id = UUID.randomUUID();
        // the answer of a new generation, set once its transaction has nothing left to do but commit
        AtomicReference<Accepted> written = new AtomicReference<>();
        Accepted accepted;
        try {
            accepted = userLocks.underLock(
                    userId,
                    () -> transaction.execute(status -> {
                        Instant now = Timestamps.truncate(clock.instant());
                        if (idempotencyKey != null) {
                            if (!idempotencyKeys.tryLock(userId, idempotencyKey)) {
                                throw new IdempotencyInFlight();
                            }
                            Optional<Accepted> replay = replay(userId, idempotencyKey, fingerprint);
                            if (replay.isPresent()) {
                                return replay.get();
                            }
                        }
                        RateLimitStatus limit = rateLimiter.attempt(userId, now);
                        CreditType paidWith = credits.consumeFor(userId, id);
                        GenerationRow row = new GenerationRow(
                                id,
                                userId,
                                GenerationStatus.PENDING,
                                valid.inputType(),
                                valid.address(),
                                uploadId,
                                valid.style(),
                                valid.customPrompt(),
                                paidWith,
                                false,
                                null,
                                null,
                                null,
                                0,
                                now,
                                null,
                                null,
                                null);
                        generations.insert(row);
                        String body = json.writeValueAsString(row.toGeneration());
                        if (idempotencyKey != null) {
                            idempotencyKeys.save(userId, idempotencyKey, fingerprint, id, body, now);
                        }
                        events.publishEvent(new GenerationQueued(id));
                        Accepted answer = new Accepted(id, body, false, limit);
                        written.set(answer);
                        return answer;
                    }));
        } catch (RuntimeException e) {
            Accepted unconfirmed = written.get();
            if (unconfirmed == null || !DatabaseFailures.unreachable(e)) {
                throw e;
            }
            accepted = afterLostCommit(userId, unconfirmed, started.plus(COMMIT_CHECK), e);
        }
        if (accepted != null && !accepted.replayed()) {
            log.info("Accepted generation {} of user {}", id, userId);
        }
        return accepted;
    }

    /**
     * The connection was lost during the commit (or just before it), so the generation may or may not have been
     * saved. Tells which by asking the database again until {@code deadline}: saved, the request was accepted and
     * is answered so; not saved, it changed nothing and is answered 503 {@code unavailable} as any other request
     * while the database is away; still unknown at the deadline, 503 naming the generation.
     */
    private Accepted afterLostCommit(UUID userId, Accepted unconfirmed, Instant deadline, RuntimeException failure) {
        UUID id = unconfirmed.generationId();
        log.warn(
                "Lost the database while committing generation {} of user {}; checking whether it was saved",
                id,
                userId);
        Boolean saved = null;
        while (saved == null && clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            try {
                saved = transaction.execute(status -> {
                    // a commit cut off on our side may still be finishing on the server: wait for it by taking the
                    // lock it holds, but not past the deadline
                    generations.waitForLocksAtMost(left.compareTo(LOCK_WAIT) < 0 ? left : LOCK_WAIT);
                    rateLimiter.lockUser(userId);
                    return generations.exists(id);
                });
            } catch (RuntimeException e) {
                if (!DatabaseFailures.unreachable(e) && !(e instanceof PessimisticLockingFailureException)) {
                    throw e;
                }
                pauseBeforeAsking();
            }
        }
        if (saved == null) {
            log.warn(
                    "Cannot tell whether generation {} of user {} was saved: the database is still unreachable",
                    id,
                    userId);
            throw new AcceptOutcomeUnknown(id);
        }
        if (!saved) {
            log.info("Generation {} of user {} was not saved", id, userId);
            throw failure;
        }
        log.info("Generation {} of user {} was saved despite the lost connection", id, userId);
        return unconfirmed;
    }

    /** Waiting for a connection already takes the pool's connection timeout; this only avoids a tight loop. */
    private static void pauseBeforeAsking() {
        try {
            Thread.sleep(COMMIT_CHECK_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking a lost commit", e);
        }
    }

    /** A generation of {@code userId}; someone else's is not found either. */
    public Generation get(UUID userId, UUID id) {
        return generations
                .findOwned(userId, id)
                .map(GenerationRow::toGeneration)
                .orElseThrow(Generations::notFound);
    }

    /** {@code userId}'s generations, newest first, optionally only those with {@code status}. */
    public Page<Generation> history(UUID userId, @Nullable GenerationStatus status, int limit, long offset) {
        List<Generation> items = generations.history(userId, status, limit, offset).stream()
                .map(GenerationRow::toGeneration)
                .toList();
        return new Page<>(items, generations.count(userId, status), limit, offset);
    }

    /**
     * Deletes a finished generation of {@code userId} for good: its image, its photo (unless another of the user's
     * designs uses it) and everything it said. Its credit entries stay, as spent (or refunded) on a deleted design.
     *
     * @throws NotFound when there is no such generation of the user (or it is already deleted)
     * @throws GenerationInProgress (409) while it is pending or processing
     */
    public void delete(UUID userId, UUID id) {
        GenerationRepository.Deleted deleted = transaction.execute(status -> {
            Optional<GenerationRepository.Deleted> row =
                    generations.delete(userId, id, Timestamps.truncate(clock.instant()));
            if (row.isEmpty()) {
                generations.findOwned(userId, id).orElseThrow(Generations::notFound);
                throw new GenerationInProgress(
                        "This design is still being drawn. Delete it once it has completed or failed.");
            }
            idempotencyKeys.forget(id);
            if (row.get().outputImageKey() != null) {
                deletions.afterCommit(List.of(row.get().outputImageKey()));
            }
            return row.get();
        });
        if (deleted.inputUploadId() != null) {
            uploads.deleteIfUnused(userId, deleted.inputUploadId());
        }
        log.info("User {} deleted generation {}", userId, id);
    }

    /** Which of {@code ids} are deleted generations of {@code userId} (the credit history still names them). */
    public Set<UUID> deletedAmong(UUID userId, Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : generations.deletedAmong(userId, ids);
    }

    /**
     * An account is being deleted with all its generations: refused while one is still being drawn (a worker would
     * write its image for nobody), otherwise their images go once that is committed.
     */
    @EventListener
    void onAccountDeleting(AccountDeleting deleting) {
        if (generations.unfinished(deleting.userId()) > 0) {
            throw new GenerationInProgress("A design of this account is still being drawn. Delete the account once"
                    + " every design has completed or failed.");
        }
        deletions.afterCommit(generations.imageKeys(deleting.userId()));
    }

    /** The finished design image of a completed generation of {@code userId}. */
    public ImageBlob image(UUID userId, UUID id) {
        GenerationRow row = generations.findOwned(userId, id).orElseThrow(Generations::notFound);
        if (row.status() != GenerationStatus.COMPLETED || row.outputImageKey() == null) {
            throw new NotFound("The image of this generation");
        }
        return images.read(row.outputImageKey()).orElseThrow(Generations::notFound);
    }

    /** Failed generations of every user, most recently finished first, with their errors. For operators. */
    public Page<FailedGeneration> failed(int limit, long offset) {
        List<FailedGeneration> items = generations.failed(limit, offset).stream()
                .map(row -> new FailedGeneration(
                        row.id(),
                        row.userId(),
                        row.inputType(),
                        row.style(),
                        row.errorMessage(),
                        row.attempts(),
                        row.creditRefunded(),
                        row.createdAt(),
                        row.completedAt()))
                .toList();
        return new Page<>(items, generations.countFailed(), limit, offset);
    }

    /** The queue depth now and the share of generations that failed in the last hour and day. For operators. */
    public GenerationStats stats() {
        Instant now = clock.instant();
        GenerationRepository.Unfinished queue = generations.unfinished();
        GenerationRepository.Finished hour = generations.finishedSince(now.minus(Duration.ofHours(1)));
        GenerationRepository.Finished day = generations.finishedSince(now.minus(Duration.ofDays(1)));
        return new GenerationStats(
                queue.pending(),
                queue.processing(),
                queue.pending() + queue.processing(),
                FailureRate.of(hour.finished(), hour.failed()),
                FailureRate.of(day.finished(), day.failed()));
    }

    /** Where {@code userId} stands against the rate limit now. */
    public RateLimitStatus rateLimit(UUID userId) {
        return rateLimiter.status(userId, clock.instant());
    }

    private Optional<Accepted> replay(UUID userId, String key, byte[] fingerprint) {
        return idempotencyKeys.find(userId, key).map(stored -> {
            if (!MessageDigest.isEqual(stored.requestHash(), fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return new Accepted(stored.generationId(), stored.responseBody(), true, null);
        });
    }

    private record Valid(
            InputType inputType,
            @Nullable String address,
            @Nullable UUID uploadId,
            Style style,
            @Nullable String customPrompt) {}

    /** The rules of API.md for a new generation; every broken rule is reported at once. */
    private Valid validate(UUID userId, NewGeneration request) {
        List<FieldProblem> problems = new ArrayList<>();
        InputType inputType = null;
        if (request.inputType() == null) {
            problems.add(new FieldProblem("input_type", "is required: photo or address"));
        } else {
            inputType = Arrays.stream(InputType.values())
                    .filter(type -> type.value().equals(request.inputType()))
                    .findFirst()
                    .orElse(null);
            if (inputType == null) {
                problems.add(new FieldProblem("input_type", "must be photo or address"));
            }
        }
        Style style =
                request.style() == null ? null : Style.byId(request.style()).orElse(null);
        if (style == null) {
            problems.add(new FieldProblem("style", "must be one of the ids of /api/styles"));
        }
        String customPrompt =
                request.customPrompt() == null || request.customPrompt().isBlank()
                        ? null
                        : request.customPrompt().trim();
        if (customPrompt != null && customPrompt.length() > MAX_CUSTOM_PROMPT) {
            problems.add(new FieldProblem("custom_prompt", "must be at most 500 characters"));
        }
        // PostgreSQL text cannot hold NUL: refused here, or the insert would fail with a 500
        if (customPrompt != null && customPrompt.indexOf('\0') >= 0) {
            problems.add(new FieldProblem("custom_prompt", "must not contain NUL characters"));
        }
        String address = null;
        UUID uploadId = null;
        if (inputType == InputType.ADDRESS) {
            address = request.inputAddress() == null
                    ? null
                    : request.inputAddress().trim();
            if (address == null || address.length() < 5 || address.length() > 200) {
                problems.add(new FieldProblem("input_address", "must be 5 to 200 characters for an address"));
            } else if (address.indexOf('\0') >= 0) {
                problems.add(new FieldProblem("input_address", "must not contain NUL characters"));
            }
        } else if (inputType == InputType.PHOTO) {
            if (request.photo() == null) {
                if (request.inputPhotoUrl() == null || request.inputPhotoUrl().isBlank()) {
                    problems.add(new FieldProblem(
                            "input_photo_url", "is required for a photo: upload one with POST /api/uploads"));
                } else {
                    uploadId = uploads.resolveOwnUrl(userId, request.inputPhotoUrl())
                            .map(Upload::id)
                            .orElse(null);
                    if (uploadId == null) {
                        problems.add(new FieldProblem("input_photo_url", "must be the url of one of your own uploads"));
                    }
                }
            } else if (request.inputPhotoUrl() != null
                    && !request.inputPhotoUrl().isBlank()) {
                problems.add(new FieldProblem("input_photo_url", "send either a photo or an upload url, not both"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new Valid(inputType, address, uploadId, style, customPrompt);
    }

    private static NotFound notFound() {
        return new NotFound("The generation");
    }
}
