package com.yarda.generation;

import com.yarda.credits.Credits;
import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.Designer;
import com.yarda.generation.GenerationQueue.Claim;
import com.yarda.platform.Timestamps;
import com.yarda.storage.ImageDeletions;
import com.yarda.storage.ImageStore;
import com.yarda.storage.StoredImage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes generations from the database queue. A claim is one statement ({@code FOR UPDATE SKIP LOCKED}) that
 * gives this worker a lease; the designer runs outside any transaction on a bounded number of virtual threads;
 * the outcome is written in a short transaction guarded by the claim's attempt number, so a worker that lost its
 * lease can neither overwrite a newer attempt's result nor refund twice. A generation whose worker died is
 * claimed again when its lease runs out, and fails (with its refund) after {@code yarda.worker.max-attempts}.
 */
@Component
class GenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);
    static final String GENERIC_FAILURE = "The design could not be created because of an internal error.";

    private final GenerationQueue queue;
    private final Credits credits;
    private final Designer designer;
    private final ImageStore images;
    private final ImageDeletions deletions;
    private final Drafting drafting;
    private final WorkerProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String workerId;
    private final Waiter waiter;
    private final Counter completed;
    private final Counter failed;
    private final Counter refunds;
    private final Counter stale;
    private final Timer designerLatency;

    private volatile boolean running;
    private ClaimLoop loop;
    private Thread loopThread;
    private ExecutorService executor;
    private ScheduledExecutorService leaseKeeper;

    GenerationWorker(
            GenerationQueue queue,
            Credits credits,
            Designer designer,
            ImageStore images,
            ImageDeletions deletions,
            Drafting drafting,
            WorkerProperties properties,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.queue = queue;
        this.credits = credits;
        this.designer = designer;
        this.images = images;
        this.deletions = deletions;
        this.drafting = drafting;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
        this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.waiter = new Waiter(properties.pollInterval());
        this.completed = meters.counter("yarda.generations", "outcome", "completed");
        this.failed = meters.counter("yarda.generations", "outcome", "failed");
        this.refunds = meters.counter("yarda.credits.refunds");
        this.stale = meters.counter("yarda.generations.stale.attempts");
        this.designerLatency = Timer.builder("yarda.designer.latency")
                .tag("designer", designer.name())
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("yarda.generations.queue.depth", queue, q -> q.depth().total())
                .description("pending and processing generations")
                .register(meters);
    }

    /** The id this worker writes into {@code locked_by}. */
    String workerId() {
        return workerId;
    }

    @TransactionalEventListener
    void onQueued(GenerationQueued queued) {
        wakeUp();
    }

    void wakeUp() {
        waiter.wake();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Generation worker disabled (yarda.worker.enabled=false)");
            return;
        }
        running = true;
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("generation-", 0).factory());
        leaseKeeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("generation-leases").daemon().factory());
        loop = new ClaimLoop(properties.concurrency(), waiter, this::claim, executor);
        loopThread = Thread.ofPlatform().name("generation-queue").daemon().start(loop);
        log.info(
                "Generation worker {} started: designer {}, {} at a time, lease {}, {} attempts",
                workerId,
                designer.name(),
                properties.concurrency(),
                properties.lease(),
                properties.maxAttempts());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.stop();
        try {
            loopThread.join(Duration.ofSeconds(5));
            executor.shutdown();
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // what is still ours is unfinished: hand it back now rather than when its lease runs out; a late result
            // of a design still running is refused, since its attempt no longer holds the row
            int released = queue.release(workerId);
            if (released > 0) {
                log.warn("Stopped with {} generations in progress; handed back to the queue", released);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not hand back in-progress generations; they are retried after their lease: {}",
                    e.getMessage());
        }
        leaseKeeper.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the web server has stopped taking requests, before the database goes away
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** One round's claim: first ends what can no longer be retried, then takes up to {@code max} generations. */
    private List<Runnable> claim(int max) {
        failExhausted();
        Instant now = clock.instant();
        return queue.claim(workerId, now, now.plus(properties.lease()), max, properties.maxAttempts()).stream()
                .<Runnable>map(claim -> () -> process(claim))
                .toList();
    }

    /** Ends, with a refund, generations whose last allowed attempt's lease ran out (their worker died). */
    void failExhausted() {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (Claim claim : queue.exhausted(now, properties.maxAttempts(), 50)) {
                String message =
                        "The design could not be created: it was interrupted %d times.".formatted(claim.attempt());
                failWithRefund(claim, message, now);
                log.warn(
                        "Generation {} failed after {} interrupted attempts; credit refunded",
                        claim.generation().id(),
                        claim.attempt());
            }
        });
    }

    void process(Claim claim) {
        UUID id = claim.generation().id();
        log.debug("Worker {} processing generation {} (attempt {})", workerId, id, claim.attempt());
        long renewEvery = Math.max(1000, properties.lease().toMillis() / 3);
        ScheduledFuture<?> renewal =
                leaseKeeper.scheduleAtFixedRate(() -> renew(claim), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        // every image this attempt stores goes again unless the attempt is the one that completes the generation
        List<String> stored = new ArrayList<>();
        boolean completedHere = false;
        try {
            Drafting.Drafted drafted = drafting.draft(claim.generation(), stored);
            Design design = designerLatency.record(() -> designer.design(drafted.request()));
            StoredImage image;
            try {
                image = images.store(design.image(), design.contentType());
                stored.add(image.key());
            } catch (RuntimeException e) {
                log.error("Generation {}: the finished image could not be stored", id, e);
                fail(claim, "The finished design could not be saved.");
                return;
            }
            GenerationQueue.Outcome outcome = drafted.outcome(image, design, designer.name());
            completedHere = transaction.execute(status -> {
                Instant now = clock.instant();
                return queue.complete(claim, outcome, now) && ended(claim, GenerationStatus.COMPLETED, now);
            });
            if (completedHere) {
                completed.increment();
                log.info("Generation {} completed by {} (attempt {})", id, designer.name(), claim.attempt());
            } else {
                stale.increment();
                log.warn(
                        "Generation {} attempt {} finished after losing its lease; result discarded",
                        id,
                        claim.attempt());
            }
        } catch (DesignFailed e) {
            fail(claim, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Generation {} attempt {} failed unexpectedly", id, claim.attempt(), e);
            fail(claim, GENERIC_FAILURE);
        } finally {
            renewal.cancel(false);
            if (!completedHere) {
                // nothing refers to them; a file the store cannot delete now stays queued until it can
                deletions.afterCommit(stored);
            }
        }
    }

    private void fail(Claim claim, String message) {
        UUID id = claim.generation().id();
        Boolean done = transaction.execute(status -> failWithRefund(claim, message, clock.instant()));
        if (Boolean.TRUE.equals(done)) {
            log.info("Generation {} failed (attempt {}): {}; credit refunded", id, claim.attempt(), message);
        } else {
            stale.increment();
            log.warn("Generation {} attempt {} failed after losing its lease; nothing changed", id, claim.attempt());
        }
    }

    /** In the caller's transaction: the guarded status change and the refund, both or neither. */
    private boolean failWithRefund(Claim claim, String message, Instant now) {
        if (!queue.fail(claim, message, now)) {
            return false;
        }
        if (!credits.refund(claim.generation().id())) {
            throw new IllegalStateException("generation " + claim.generation().id() + " was already refunded");
        }
        failed.increment();
        refunds.increment();
        return ended(claim, GenerationStatus.FAILED, now);
    }

    /**
     * In the ending transaction, right after the guarded update that ended the generation: every end goes through
     * here, so {@link GenerationEnded} is never missed and never sent for an end that did not happen.
     */
    private boolean ended(Claim claim, GenerationStatus status, Instant now) {
        GenerationRow generation = claim.generation();
        events.publishEvent(
                new GenerationEnded(generation.id(), generation.userId(), status, Timestamps.truncate(now)));
        return true;
    }

    private void renew(Claim claim) {
        try {
            if (!queue.extendLease(claim, clock.instant().plus(properties.lease()))) {
                log.warn(
                        "Generation {} attempt {} lost its lease while working",
                        claim.generation().id(),
                        claim.attempt());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not renew the lease of generation {}: {}",
                    claim.generation().id(),
                    e.getMessage());
        }
    }
}
