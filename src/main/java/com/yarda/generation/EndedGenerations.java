package com.yarda.generation;

import com.yarda.platform.NotFound;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears from PostgreSQL when a generation ends, on whichever instance it ended ({@code LISTEN generation_ended}; the
 * trigger of {@code V26} notifies at commit), and wakes the requests that wait for it ({@code Prefer: wait}). One
 * connection of its own, outside the pool, listens for the whole instance; a waiting request holds no connection.
 *
 * <p>A notification is a wake-up, never the answer: the waiter reads the generation again. When the listening
 * connection is lost (the database restarted), notifications sent meanwhile are lost with it, so every waiter is
 * woken once the connection is back and looks for itself.
 */
@Component
class EndedGenerations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EndedGenerations.class);

    static final String CHANNEL = "generation_ended";
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DataSource dataSource;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;

    EndedGenerations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Generation {@code id} as {@code read} gives it once it has ended, waiting for that at most {@code timeout}; empty
     * when it is still pending or processing by then (or was deleted meanwhile). Reads again only when woken: by its
     * end, or by a lost and regained listening connection.
     */
    Optional<Generation> await(UUID id, Supplier<Generation> read, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<Void> ended = watch(id);
            try {
                Generation generation = read.get();
                if (generation.status().finished()) {
                    return Optional.of(generation);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                ended.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Generation generation = read.get();
                return generation.status().finished() ? Optional.of(generation) : Optional.empty();
            } catch (NotFound deleted) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a wake-up never fails", e);
            } finally {
                forget(id, ended);
            }
        }
    }

    /**
     * A future completed when generation {@code id} may have ended: read it again then. Call before reading the
     * generation, so that an end between the read and the wait is not missed.
     */
    CompletableFuture<Void> watch(UUID id) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiting.compute(id, (key, futures) -> {
            Set<CompletableFuture<Void>> set = futures != null ? futures : ConcurrentHashMap.newKeySet();
            set.add(future);
            return set;
        });
        return future;
    }

    /** Stops watching {@code id} for {@code future}, once its waiter gave up or was answered. */
    void forget(UUID id, CompletableFuture<Void> future) {
        waiting.computeIfPresent(id, (key, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("generation-ends").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wakeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backoff = 100;
                wakeAll(); // whatever ended while nobody listened
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            ended(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Not hearing of ended generations ({}); listening again in {} ms", e.getMessage(), backoff);
                wakeAll();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** A connection outside the pool when the pool says how (it is held for as long as the instance runs). */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    private void ended(String id) {
        try {
            wake(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            log.warn("Ignoring a notification on {} that names no generation", CHANNEL);
        }
    }

    private void wakeAll() {
        waiting.keySet().forEach(this::wake);
    }

    private void wake(UUID id) {
        Set<CompletableFuture<Void>> futures = waiting.remove(id);
        if (futures != null) {
            futures.forEach(future -> future.complete(null));
        }
    }
}
