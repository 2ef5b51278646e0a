package com.yarda.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox. A commit that queued mail wakes it at once; a poll picks up retries and anything left by
 * a stopped instance. Messages are claimed with a lease ({@code FOR UPDATE SKIP LOCKED}), so several instances
 * can dispatch side by side, and sending happens outside any transaction.
 */
@Component
class MailDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final int BATCH = 20;

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailProperties properties;
    private final Clock clock;
    // one drain at a time, and at most one more waiting: a waiting drain will see every message queued so far
    private final ThreadPoolExecutor wakeUps = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            Thread.ofPlatform().name("mail-dispatcher").daemon().factory(),
            new ThreadPoolExecutor.DiscardPolicy());

    MailDispatcher(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        JavaMailSender sender = smtp.getIfAvailable();
        this.transport = sender != null ? new SmtpTransport(sender) : new LogTransport();
        this.properties = properties;
        this.clock = clock;
        log.info("Email is delivered via {}", transport.name());
    }

    @TransactionalEventListener
    void onQueued(MailQueued queued) {
        wakeUps.execute(this::drain);
    }

    @Scheduled(
            fixedDelayString = "${yarda.mail.poll-interval:5s}",
            initialDelayString = "${yarda.mail.poll-interval:5s}")
    void poll() {
        wakeUps.execute(this::drain);
    }

    /** Removes delivered messages older than {@code yarda.mail.retention}: they hold email addresses. */
    @Scheduled(fixedDelayString = "${yarda.housekeeping.interval:5m}", initialDelayString = "1m")
    int purgeDelivered() {
        try {
            int purged = outbox.purgeDeliveredBefore(clock.instant().minus(properties.retention()));
            log.debug("Removed {} delivered emails older than {}", purged, properties.retention());
            return purged;
        } catch (RuntimeException e) {
            log.warn("Delivered emails not purged; will try again: {}", e.getMessage());
            return 0;
        }
    }

    /** Delivers every message that is due now; returns how many were delivered. */
    int drain() {
        int delivered = 0;
        try {
            List<MailOutbox.Claimed> batch;
            do {
                Instant now = clock.instant();
                batch = outbox.claimDue(now, now.plus(LEASE), BATCH);
                for (MailOutbox.Claimed message : batch) {
                    if (deliver(message)) {
                        delivered++;
                    }
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Mail outbox could not be read; will try again at the next poll: {}", e.getMessage());
        }
        return delivered;
    }

    private boolean deliver(MailOutbox.Claimed message) {
        try {
            transport.send(properties.from(), message);
        } catch (Exception e) {
            Instant retryAt = clock.instant().plus(backoff(message.attempt()));
            log.warn(
                    "Email {} to {} not delivered (attempt {}): {}; next attempt at {}",
                    message.id(),
                    message.recipient(),
                    message.attempt(),
                    e.getMessage(),
                    retryAt);
            outbox.failed(message, String.valueOf(e.getMessage()), retryAt);
            return false;
        }
        if (!outbox.delivered(message, transport.name(), clock.instant())) {
            log.warn("Email {} was delivered but its lease had passed to another dispatcher", message.id());
        } else {
            log.debug("Email {} delivered via {} (attempt {})", message.id(), transport.name(), message.attempt());
        }
        return true;
    }

    /** 10 s, 20 s, 40 s, … up to {@code yarda.mail.max-backoff}, with ±20 % jitter. */
    Duration backoff(int attempt) {
        long base = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    @Override
    public void destroy() throws InterruptedException {
        wakeUps.shutdown();
        wakeUps.awaitTermination(10, TimeUnit.SECONDS);
    }
}
