package com.yarda.generation;

import com.yarda.test.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cuts the database connection of the next accept at its commit, the way a database shutdown or a network failure
 * does: the backend is terminated by PostgreSQL itself, from another connection, so the application sees the
 * driver's real I/O error on {@code COMMIT}. Either before the commit (nothing saved) or after it (saved, but the
 * answer lost on the way back). Unarmed, it does nothing.
 */
public class LostCommits {

    /** Where the connection is lost. */
    public enum Cut {
        /** Before COMMIT reaches the server: the transaction is rolled back. */
        BEFORE_COMMIT,
        /** After the server committed: the client never hears it. */
        AFTER_COMMIT,
        /** After the server committed, and the database then stays away longer than accept waits for it. */
        AFTER_COMMIT_FOR_LONG
    }

    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private final DataSource dataSource;
    private final MutableClock clock;

    public LostCommits(DataSource dataSource, MutableClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The next accepted generation's connection is cut at {@code cut}. */
    public void arm(Cut cut) {
        armed.set(cut);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void cut(GenerationQueued queued) throws SQLException {
        Cut cut = armed.getAndSet(null);
        if (cut == null) {
            return;
        }
        Connection accepting = DataSourceUtils.getConnection(dataSource);
        int pid;
        try (Statement statement = accepting.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            pid = result.getInt(1);
        }
        if (cut != Cut.BEFORE_COMMIT) {
            accepting.commit();
            // opens the next (empty) transaction, so that the application's own COMMIT goes to the dead backend
            try (Statement statement = accepting.createStatement()) {
                statement.execute("SELECT 1");
            }
        }
        try (Connection other = dataSource.getConnection();
                PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            terminate.setInt(1, pid);
            try (ResultSet result = terminate.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new IllegalStateException("backend " + pid + " was not terminated");
                }
            }
        }
        if (cut == Cut.AFTER_COMMIT_FOR_LONG) {
            clock.advance(LostCommitCheck.DEADLINE.plus(Duration.ofSeconds(1)));
        }
    }
}
