package com.yarda.webhook;

import com.yarda.webhook.DeliveryOutbox.Claimed;
import com.yarda.webhook.WebhookHttp.HostLookup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox, on every instance. Each round claims as many due deliveries as there are free slots
 * ({@code yarda.webhooks.concurrency}; one statement, {@code FOR UPDATE SKIP LOCKED}, with a lease), sends each on a
 * virtual thread outside any transaction, and writes the outcome guarded by the attempt. Then it waits: until a
 * commit on this instance wrote deliveries, a delivery finished and freed a slot, or the poll interval passed (for
 * retries, and for deliveries whose instance died: their lease runs out and any instance takes them).
 *
 * <p>At least once, never silently lost: a delivery is settled only by a 2xx. An instance that dies mid-delivery
 * leaves the row leased; after the lease another instance sends it again, with the same {@code webhook-id}, so a
 * receiver that saw it already can tell. Every attempt signs anew with its own {@code webhook-timestamp}.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryOutbox outbox;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String workerId;
    private final Semaphore slots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter delivered;
    private final Counter retried;
    private final Counter givenUp;
    private final Counter stale;

    private volatile boolean running;
    private @Nullable WebhookHttp http;
    private @Nullable ExecutorService executor;
    private @Nullable Thread loop;

    WebhookDispatcher(
            DeliveryOutbox outbox,
            WebhookSecrets secrets,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.slots = new Semaphore(properties.concurrency());
        this.delivered = meters.counter("yarda.webhooks.attempts", "outcome", "delivered");
        this.retried = meters.counter("yarda.webhooks.attempts", "outcome", "retry");
        this.givenUp = meters.counter("yarda.webhooks.attempts", "outcome", "given_up");
        this.stale = meters.counter("yarda.webhooks.attempts", "outcome", "stale");
    }

    /** The id this instance writes into {@code locked_by} and {@code delivered_by}. */
    String workerId() {
        return workerId;
    }

    @TransactionalEventListener
    void onQueued(DeliveriesQueued queued) {
        wake();
    }

    /** Ends the current wait: due deliveries are claimed now. */
    void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Webhook deliveries disabled on this instance (yarda.webhooks.enabled=false)");
            return;
        }
        http = new WebhookHttp(
                HostLookup.SYSTEM, properties.allowPrivateUrls(), properties.timeout(), properties.concurrency());
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("webhook-", 0).factory());
        running = true;
        loop = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
        if (properties.allowPrivateUrls()) {
            log.warn("yarda.webhooks.allow-private-urls is on: webhooks may reach this host and its network");
        }
        log.info(
                "Webhook dispatcher {} started: {} at a time, timeout {}, lease {}",
                workerId,
                properties.concurrency(),
                properties.timeout(),
                properties.lease());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            if (loop != null) {
                loop.join(Duration.ofSeconds(5));
            }
            if (executor != null) {
                executor.shutdown();
                // an attempt in flight ends within the timeout; let it write its outcome
                if (!executor.awaitTermination(properties.timeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int released = outbox.release(workerId);
            if (released > 0) {
                log.warn("Stopped with {} webhook deliveries in progress; handed back", released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not hand back webhook deliveries; they are retried after their lease: {}", e.getMessage());
        }
        try {
            if (http != null) {
                http.close();
            }
        } catch (IOException e) {
            log.debug("Closing the webhook HTTP client: {}", e.getMessage());
        }
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

    private void run() {
        while (running) {
            claimForFreeSlots();
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims a due delivery for every free slot and starts each; how many it started. */
    int claimForFreeSlots() {
        int free = slots.availablePermits();
        if (free == 0 || executor == null) {
            return 0;
        }
        List<Claimed> claimed;
        try {
            Instant now = clock.instant();
            claimed = outbox.claimDue(workerId, now, now.plus(properties.lease()), free);
        } catch (RuntimeException e) {
            log.warn("Webhook outbox unavailable, trying again after the poll interval: {}", e.getMessage());
            return 0;
        }
        int started = 0;
        for (Claimed delivery : claimed) {
            slots.acquireUninterruptibly();
            try {
                executor.execute(() -> {
                    try {
                        attempt(delivery);
                    } finally {
                        slots.release();
                        wake();
                    }
                });
                started++;
            } catch (RejectedExecutionException stopping) {
                slots.release(); // stopping: the row is handed back by stop()
            }
        }
        return started;
    }

    /** One attempt of one claimed delivery: sign, POST, and write the outcome guarded by the attempt. */
    void attempt(Claimed delivery) {
        String messageId = DeliveryOutbox.messageId(delivery.id());
        Integer status = null;
        String error;
        try {
            long timestamp = clock.instant().getEpochSecond();
            String secret = secrets.unseal(delivery.endpointId(), delivery.secretSealed());
            Map<String, String> headers = Map.of(
                    "webhook-id", messageId,
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSecrets.sign(secret, messageId, timestamp, delivery.body()));
            status = requireHttp()
                    .post(URI.create(delivery.url()), headers, delivery.body().getBytes(StandardCharsets.UTF_8));
            if (status >= 200 && status < 300) {
                settled(delivery, status);
                return;
            }
            error = "answered " + status;
        } catch (IOException e) {
            error = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        } catch (RuntimeException e) {
            log.error("Webhook delivery {} attempt {} failed unexpectedly", delivery.id(), delivery.attempt(), e);
            error = "internal error: " + e.getMessage();
        }
        failed(delivery, status, error);
    }

    private void settled(Claimed delivery, int status) {
        try {
            if (outbox.delivered(delivery, status, workerId, clock.instant())) {
                delivered.increment();
                log.debug("Webhook delivery {} delivered (attempt {}, {})", delivery.id(), delivery.attempt(), status);
            } else {
                stale.increment();
                log.info(
                        "Webhook delivery {} attempt {} delivered, but it was settled already",
                        delivery.id(),
                        delivery.attempt());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Webhook delivery {} was delivered but could not be recorded; it is sent again (same webhook-id)"
                            + " after its lease: {}",
                    delivery.id(),
                    e.getMessage());
        }
    }

    private void failed(Claimed delivery, @Nullable Integer status, String error) {
        try {
            if (delivery.attempt() >= properties.maxAttempts()) {
                if (outbox.giveUp(delivery, status, error)) {
                    givenUp.increment();
                    log.warn(
                            "Webhook delivery {} given up after {} attempts: {}",
                            delivery.id(),
                            delivery.attempt(),
                            error);
                    return;
                }
            } else {
                Instant retryAt = clock.instant().plus(backoff(delivery.attempt()));
                if (outbox.retry(delivery, status, error, retryAt)) {
                    retried.increment();
                    log.info(
                            "Webhook delivery {} attempt {} failed ({}); next attempt at {}",
                            delivery.id(),
                            delivery.attempt(),
                            error,
                            retryAt);
                    return;
                }
            }
            stale.increment();
            log.warn(
                    "Webhook delivery {} attempt {} failed after losing its lease; nothing changed",
                    delivery.id(),
                    delivery.attempt());
        } catch (RuntimeException e) {
            log.warn(
                    "Webhook delivery {} attempt {} failed and could not be recorded; retried after its lease: {}",
                    delivery.id(),
                    delivery.attempt(),
                    e.getMessage());
        }
    }

    /** The wait after failed attempt {@code attempt}: its entry of {@code retry-delays}, stretched by up to 20 %. */
    Duration backoff(int attempt) {
        List<Duration> delays = properties.retryDelays();
        Duration delay = delays.get(Math.min(attempt, delays.size()) - 1);
        return Duration.ofMillis(
                (long) (delay.toMillis() * (1 + ThreadLocalRandom.current().nextDouble() * 0.2)));
    }

    /** Removes settled deliveries older than {@code yarda.webhooks.retention}. */
    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    int purgeSettled() {
        try {
            int purged = outbox.purgeSettledBefore(clock.instant().minus(properties.retention()));
            log.debug("Removed {} settled webhook deliveries older than {}", purged, properties.retention());
            return purged;
        } catch (RuntimeException e) {
            log.warn("Settled webhook deliveries not purged; will try again: {}", e.getMessage());
            return 0;
        }
    }

    private WebhookHttp requireHttp() {
        WebhookHttp client = http;
        if (client == null) {
            throw new IllegalStateException("the webhook dispatcher is not running");
        }
        return client;
    }
}
