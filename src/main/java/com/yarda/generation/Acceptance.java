package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.generation.GenerationProblems.IdempotencyInFlight;
import com.yarda.generation.GenerationProblems.IdempotencyKeyReused;
import com.yarda.generation.GenerationRules.ValidGeneration;
import com.yarda.generation.Generations.Accepted;
import com.yarda.platform.DatabaseFailures;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import com.yarda.upload.Uploads;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
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

    /** The first answer to {@code key} of {@code userId}, when this request was made before. */
    Optional<Accepted> replay(UUID userId, String key, byte[] fingerprint) {
        return idempotencyKeys.find(userId, key).map(stored -> {
            if (!MessageDigest.isEqual(stored.requestHash(), fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return new Accepted(stored.generationId(), stored.responseBody(), true, null);
        });
    }

    /**
     * Writes the generation of {@code valid} (with {@code photo}, the upload it designs from) in one transaction, and
     * tells the truth about it when the connection is lost while it commits.
     */
    Accepted write(
            UUID userId,
            ValidGeneration valid,
            @Nullable UUID photo,
            byte[] fingerprint,
            @Nullable String idempotencyKey) {
        Instant started = clock.instant();
        UUID id = UUID.randomUUID();
        // the answer of a new generation, set once its transaction has nothing left to do but commit
        AtomicReference<Accepted> written = new AtomicReference<>();
        try {
            return userLocks.underLock(
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
                        // the photo may have been cleaned up as unused since it was checked: held from here on
                        if (photo != null && !uploads.holdForUse(userId, photo)) {
                            throw new ValidationFailed("input_photo_url", "must be the url of one of your own uploads");
                        }
                        RateLimitStatus limit = rateLimiter.attempt(userId, now);
                        CreditType paidWith = credits.consumeFor(userId, id);
                        GenerationRow row = GenerationRow.pending(
                                id,
                                userId,
                                valid.inputType(),
                                valid.address(),
                                photo,
                                valid.style(),
                                valid.customPrompt(),
                                paidWith,
                                now);
                        repository.insert(row);
                        String body = json.writeValueAsString(row.toGeneration(parts));
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
            if (!lostCommits.wasSaved(userId, id, started)) {
                throw e;
            }
            return unconfirmed;
        }
    }
}
