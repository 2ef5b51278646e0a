package com.yarda.generation;

import com.yarda.generation.GenerationProblems.AcceptOutcomeUnknown;
import com.yarda.platform.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells what happened to an accept whose connection was lost during the commit (or just before it): the database
 * may or may not have committed it. Asks again until a deadline: saved, the request was accepted; not saved, it
 * changed nothing; still unknown at the deadline, 503 naming the generation, which a retry with the same
 * Idempotency-Key settles without a second charge.
 */
@Component
class LostCommitCheck {

    private static final Logger log = LoggerFactory.getLogger(LostCommitCheck.class);
    /** How long after the request an accept whose commit was cut off waits for the database to say what happened. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final GenerationRepository repository;
    private final RateLimiter rateLimiter;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LostCommitCheck(
            GenerationRepository repository,
            RateLimiter rateLimiter,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.rateLimiter = rateLimiter;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Whether generation {@code id} of {@code userId}, whose accept started at {@code started}, was saved.
     *
     * @throws AcceptOutcomeUnknown (503) when the database does not answer before the deadline
     */
    boolean wasSaved(UUID userId, UUID id, Instant started) {
        Instant deadline = started.plus(DEADLINE);
        log.warn(
                "Lost the database while committing generation {} of user {}; checking whether it was saved",
                id,
                userId);
        while (clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            try {
                Boolean saved = transaction.execute(status -> {
                    // a commit cut off on our side may still be finishing on the server: wait for it by taking the
                    // user's accept lock, which it holds until it ends, but not past the deadline
                    repository.waitForLocksAtMost(left.compareTo(LOCK_WAIT) < 0 ? left : LOCK_WAIT);
                    rateLimiter.lockUser(userId);
                    return repository.exists(id);
                });
                log.info(
                        "Generation {} of user {} was {}",
                        id,
                        userId,
                        Boolean.TRUE.equals(saved) ? "saved despite the lost connection" : "not saved");
                return Boolean.TRUE.equals(saved);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.unreachable(e) && !(e instanceof PessimisticLockingFailureException)) {
                    throw e;
                }
                pause();
            }
        }
        log.warn(
                "Cannot tell whether generation {} of user {} was saved: the database is still unreachable",
                id,
                userId);
        throw new AcceptOutcomeUnknown(id);
    }

    /** Waiting for a connection already takes the pool's connection timeout; this only avoids a tight loop. */
    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking a lost commit", e);
        }
    }
}
