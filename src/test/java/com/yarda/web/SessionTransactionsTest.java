package com.yarda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

class SessionTransactionsTest {

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

    /** Stands in for Spring's transaction template on a database that answers, or fails as set. */
    private final TransactionOperations database = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            asked.incrementAndGet();
            RuntimeException failing = failure.get();
            if (failing != null) {
                throw failing;
            }
            return action.doInTransaction(new SimpleTransactionStatus());
        }
    };

    private final SessionTransactions sessions = new SessionTransactions(database, nanoTime::get);
    private final TransactionCallback<String> save = status -> "saved";

    @Test
    void afterTheDatabaseWasFoundUnreachableSessionsFailAtOnceForASecondThenAskItAgain() {
        failure.set(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001")));
        assertThatThrownBy(() -> sessions.execute(save)).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(asked).hasValue(1);

        advance(SessionTransactions.FAIL_FAST.minusMillis(1));
        assertThatThrownBy(() -> sessions.execute(save)).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(asked).as("the database is not asked again yet").hasValue(1);

        failure.set(null);
        advance(Duration.ofMillis(1));
        assertThat(sessions.execute(save)).isEqualTo("saved");
        assertThat(asked).hasValue(2);
    }

    @Test
    void otherFailuresLeaveTheNextSessionsToTheDatabase() {
        failure.set(new DataIntegrityViolationException("duplicate session id"));
        assertThatThrownBy(() -> sessions.execute(save)).isInstanceOf(DataIntegrityViolationException.class);

        failure.set(null);
        assertThat(sessions.execute(save)).isEqualTo("saved");
        assertThat(asked).hasValue(2);
    }

    private void advance(Duration duration) {
        nanoTime.addAndGet(duration.toNanos());
    }
}
