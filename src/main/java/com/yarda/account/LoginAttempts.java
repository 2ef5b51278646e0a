package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts login attempts per email in a sliding window ({@code login_attempts}). An attempt is reserved before the
 * password is checked and forgotten when the login succeeds, so parallel guesses cannot exceed the limit.
 */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves one attempt for {@code email}, or, when {@code max} attempts already fall within {@code window},
     * returns how long until the oldest of them leaves it. Call it in a transaction of its own.
     */
    Optional<Duration> reserve(String email, Instant now, Duration window, int max) {
        // serialise attempts for one address; other addresses are not affected
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:email, 7))")
                .param("email", email)
                .query((rs, row) -> 1)
                .single();
        Instant windowStart = now.minus(window);
        jdbc.sql("DELETE FROM login_attempts WHERE email = :email AND attempted_at <= :start")
                .param("email", email)
                .param("start", Timestamps.sql(windowStart))
                .update();
        List<Instant> recent = jdbc.sql("""
                SELECT attempted_at FROM login_attempts WHERE email = :email ORDER BY attempted_at LIMIT :max
                """)
                .param("email", email)
                .param("max", max)
                .query((rs, row) -> Timestamps.read(rs, "attempted_at"))
                .list();
        if (recent.size() >= max) {
            return Optional.of(Duration.between(now, recent.getFirst().plus(window)));
        }
        jdbc.sql("INSERT INTO login_attempts (email, attempted_at) VALUES (:email, :now)")
                .param("email", email)
                .param("now", Timestamps.sql(now))
                .update();
        return Optional.empty();
    }

    /** A successful login clears the failures of its address. */
    void clear(String email) {
        jdbc.sql("DELETE FROM login_attempts WHERE email = :email")
                .param("email", email)
                .update();
    }
}
