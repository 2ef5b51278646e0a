package com.yarda.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a lost or unreachable database apart from every other failure of a database call. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * Whether {@code failure} means the database could not be reached or the connection was lost: one of Spring's
     * resource failures, or among the causes SQLSTATE 08… (connection exception) or 57P… (operator intervention,
     * such as a shutdown), or HikariCP's stand-in for a connection it closed after such an error (no SQLSTATE,
     * fixed message).
     */
    public static boolean unreachable(Throwable failure) {
        if (failure instanceof CannotGetJdbcConnectionException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof QueryTimeoutException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null
                        ? "Connection is closed".equals(sql.getMessage())
                        : state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
