package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.generation.GenerationProblems.IdempotencyInFlight;
import com.yarda.generation.GenerationProblems.IdempotencyKeyReused;
import com.yarda.generation.GenerationRow.Draft;
import com.yarda.platform.DatabaseFailures;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import com.yarda.upload.Uploads;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accept transaction: a valid request becomes a pending generation, paid for and counted, or nothing changes.
 *
 * <p>It is one transaction: the rate-limit attempt, the credit, the generation row and the idempotency
 * record are written together or not at all. It takes these locks, always in this order, and holds the database
 * ones until it commits, so two accepts never deadlock:
 *
 * <ol>
 *   <li><b>the user's stripe</b> ({@link UserLocks}, in memory): one user's requests on this instance queue here
 *       before they take a pooled connection. Politeness, not correctness.
 *   <li><b>the idempotency key</b> ({@link IdempotencyKeys#tryLock}, an advisory lock): not waited for; a second
 *       request with the same key in flight is answered 409 {@code idempotency_in_flight}.
 *   <li><b>the user's accept lock</b> ({@link RateLimiter#lockUser}, an advisory lock): serialises one user's
 *       accepts on every instance, so the rate-limit count is exact. {@link LostCommitCheck} takes it to wait for a
 *       commit still in flight.
 *   <li><b>the credit account row</b> ({@code Credits.consumeFor}): the balance check and the charge are one
 *       guarded {@code UPDATE}.
 * </ol>
 */
@Component
class Acceptance {

    private final Credits credits;
    private final Uploads uploads;
    private final RateLimiter rateLimiter;
    private final IdempotencyKeys idempotencyKeys;
    private final GenerationRepository repository;
    private final LostCommitCheck lostCommits;
    private final DesignParts parts;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final UserLocks userLocks = new UserLocks();

    Acceptance(
            Credits credits,
            Uploads uploads,
            RateLimiter rateLimiter,
            IdempotencyKeys idempotencyKeys,
            GenerationRepository repository,
            LostCommitCheck lostCommits,
            DesignParts parts,
            ApplicationEventPublisher events,
            JsonMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.credits = credits;
        this.uploads = uploads;
        this.rateLimiter = rateLimiter;
        this.idempotencyKeys = idempotencyKeys;
        this.repository = repository;
        this.lostCommits = lostCommits;
        this.parts = parts;
        this.events = events;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * What one request writes: its generations (one, or two or three for a comparison), what must still hold once the
     * locks are taken, and the answer.
     */
    interface Order {

        List<Draft> drafts();

        /** Checks, under the locks and before anything is counted, what may have changed since validation. */
        default void check() {}

        /** Writes what the generations' rows refer to (a comparison), once the request is paid for. */
        default void prepare(Instant now) {}

        /** The answer to store and send, written in the transaction (it may write more rows, e.g. a comparison). */
        Answer answer(List<GenerationRow> rows, Instant now);
    }

    /**
     * The answer to a request.
     *
     * @param comparisonId the comparison the request created, when it was one
     */
    record Answer(String body, @Nullable UUID comparisonId) {}

    /**
     * What was accepted, or the replay of the first answer to an idempotent retry.
     *
     * @param generationId the (first) generation written
     * @param rateLimit where the user stands after this request; null for a replay
     */
    record Written(
            UUID generationId,
            @Nullable UUID comparisonId,
            String body,
            boolean replayed,
            @Nullable RateLimitStatus rateLimit) {}

    /** The first answer to {@code key} of {@code userId}, when this request was made before. */
    Optional<Written> replay(UUID userId, String key, byte[] fingerprint) {
        return idempotencyKeys.find(userId, key).map(stored -> {
            if (!MessageDigest.isEqual(stored.requestHash(), fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return new Written(stored.generationId(), stored.comparisonId(), stored.responseBody(), true, null);
        });
    }

    /**
     * Writes {@code order} in one transaction: every generation counts against the rate limit and takes a credit,
     * all or none. Tells the truth about it when the connection is lost while it commits.
     */
    Written write(UUID userId, Order order, byte[] fingerprint, @Nullable String idempotencyKey) {
        Instant started = clock.instant();
        List<Draft> drafts = order.drafts();
        List<UUID> ids = drafts.stream().map(draft -> UUID.randomUUID()).toList();
        // the answer, set once the transaction has nothing left to do but commit
        AtomicReference<Written> written = new AtomicReference<>();
        try {
            return userLocks.underLock(
                    userId,
                    () -> transaction.execute(status -> {
                        Instant now = Timestamps.truncate(clock.instant());
                        if (idempotencyKey != null) {
                            if (!idempotencyKeys.tryLock(userId, idempotencyKey)) {
                                throw new IdempotencyInFlight();
                            }
                            Optional<Written> replay = replay(userId, idempotencyKey, fingerprint);
                            if (replay.isPresent()) {
                                return replay.get();
                            }
                        }
                        order.check();
                        for (Draft draft : drafts) {
                            // the photo may have been cleaned up as unused since it was checked: held from here on
                            if (draft.inputUploadId() != null && !uploads.holdForUse(userId, draft.inputUploadId())) {
                                throw new ValidationFailed(
                                        "input_photo_url", "must be the url of one of your own uploads");
                            }
                        }
                        RateLimitStatus limit = null;
                        for (int i = 0; i < drafts.size(); i++) {
                            limit = rateLimiter.attempt(userId, now);
                        }
                        order.prepare(now);
                        List<GenerationRow> rows = new ArrayList<>();
                        for (int i = 0; i < drafts.size(); i++) {
                            CreditType paidWith = credits.consumeFor(userId, ids.get(i));
                            GenerationRow row = GenerationRow.pending(ids.get(i), userId, drafts.get(i), paidWith, now);
                            repository.insert(row, drafts.get(i).comparisonPosition());
                            rows.add(row);
                        }
                        Answer answer = order.answer(rows, now);
                        if (idempotencyKey != null) {
                            idempotencyKeys.save(
                                    userId,
                                    idempotencyKey,
                                    fingerprint,
                                    ids.getFirst(),
                                    answer.comparisonId(),
                                    answer.body(),
                                    now);
                        }
                        ids.forEach(id -> events.publishEvent(new GenerationQueued(id)));
                        Written result =
                                new Written(ids.getFirst(), answer.comparisonId(), answer.body(), false, limit);
                        written.set(result);
                        return result;
                    }));
        } catch (RuntimeException e) {
            Written unconfirmed = written.get();
            if (unconfirmed == null || !DatabaseFailures.unreachable(e)) {
                throw e;
            }
            if (!lostCommits.wasSaved(userId, unconfirmed.generationId(), started)) {
                throw e;
            }
            return unconfirmed;
        }
    }

    /** The answer to a request for generations: the generation as the API shows it (one), or a list of them. */
    String body(GenerationRow row) {
        return json.writeValueAsString(row.toGeneration(parts));
    }
}
