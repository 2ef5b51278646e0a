package com.yarda.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a running service, supervised: a check every second notices when its server process
 * is gone (killed, crashed, stopped by hand) and starts PostgreSQL again on the same data directory and the same
 * port, so that the connection pool reconnects to the address it knows; PostgreSQL recovers the data from its
 * write-ahead log. Until then requests answer 503. When {@code restartAttempts} starts in a row fail, the service
 * gives up ({@code giveUp}: it stops with exit status 1, for its process manager to start it again).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final PostgresDataDirectory data;
    private final int port;
    private final Duration restartDelay;
    private final int restartAttempts;
    private final Runnable giveUp;
    private final Thread supervisor;
    private EmbeddedPostgres postgres; // guarded by this
    private ProcessHandle postmaster; // guarded by this
    private boolean closed; // guarded by this

    private EmbeddedDatabase(
            PostgresDataDirectory data,
            EmbeddedPostgres postgres,
            EmbeddedDatabaseProperties supervision,
            Runnable giveUp) {
        this.data = data;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.postmaster = data.postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        this.restartDelay = supervision.restartDelay();
        this.restartAttempts = supervision.restartAttempts();
        this.giveUp = giveUp;
        this.supervisor = Thread.ofPlatform()
                .name("embedded-postgres-supervisor")
                .daemon()
                .unstarted(this::supervise);
    }

    /** Supervises {@code postgres}, started on {@code data}; stops it when it cannot. */
    static EmbeddedDatabase supervise(
            PostgresDataDirectory data,
            EmbeddedPostgres postgres,
            EmbeddedDatabaseProperties supervision,
            Runnable giveUp)
            throws IOException {
        EmbeddedDatabase database;
        try {
            database = new EmbeddedDatabase(data, postgres, supervision, giveUp);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        database.supervisor.start();
        return database;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return PostgresDataDirectory.jdbcUrl(port);
    }

    String applicationPassword() throws IOException {
        return data.applicationPassword();
    }

    synchronized long postmasterPid() {
        return postmaster.pid();
    }

    private void supervise() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(CHECK_INTERVAL);
                ProcessHandle watched;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    watched = postmaster;
                }
                if (!watched.isAlive() && !restart(watched)) {
                    giveUp.run();
                    return;
                }
            } catch (InterruptedException e) {
                return; // closing
            }
        }
    }

    /** Whether PostgreSQL runs again, or the service is closing anyway. */
    private boolean restart(ProcessHandle gone) throws InterruptedException {
        log.error(
                "The embedded PostgreSQL (process {}) on 127.0.0.1:{} stopped unexpectedly; requests answer 503 until"
                        + " it runs again. Starting it again on the same port and data directory {} ({} attempts, {}"
                        + " apart).",
                gone.pid(),
                port,
                data.path(),
                restartAttempts,
                restartDelay);
        for (int attempt = 1; attempt <= restartAttempts; attempt++) {
            Thread.sleep(restartDelay); // also lets the dead server's last processes exit and free its memory
            synchronized (this) {
                if (closed) {
                    return true;
                }
                release(postgres);
                try {
                    postgres = data.start(port);
                    postmaster = data.postmaster().orElseThrow(() -> new IOException("PostgreSQL did not stay up"));
                    log.warn(
                            "The embedded PostgreSQL runs again on 127.0.0.1:{} (process {}, attempt {}), with its data"
                                    + " recovered from its write-ahead log",
                            port,
                            postmaster.pid(),
                            attempt);
                    return true;
                } catch (IOException | RuntimeException e) {
                    log.error(
                            "Attempt {} of {} to start the embedded PostgreSQL again failed: {}",
                            attempt,
                            restartAttempts,
                            e.toString());
                }
            }
        }
        log.error(
                "The embedded PostgreSQL could not be started again in {} attempts; the service stops with exit status 1"
                        + " so that its process manager starts it again",
                restartAttempts);
        return false;
    }

    /**
     * Lets go of a server that is gone: zonky's close tries to stop it (and logs that it could not) and frees its
     * lock on the data directory. A start that failed half-way keeps that lock until garbage collection, so its
     * file goes too; PostgreSQL's own {@code postmaster.pid} still keeps two servers off one directory.
     */
    private void release(EmbeddedPostgres gone) {
        try {
            gone.close();
            Files.deleteIfExists(data.path().resolve("epg-lock"));
        } catch (IOException | RuntimeException e) {
            log.debug("Releasing the stopped PostgreSQL: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        EmbeddedPostgres running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = postgres;
        }
        supervisor.interrupt();
        running.close();
    }
}
