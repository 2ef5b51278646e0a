package com.yarda.account;

import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts login attempts in a sliding window ({@code login_attempts}), per account and client address, and per client
 * address across accounts: guessing the password of a known account from one address never locks its owner out
 * elsewhere, and guessing across many accounts from one address is slowed. An attempt is reserved before the
 * password is checked and forgotten when the login succeeds, so parallel guesses cannot exceed the limits.
 */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves one attempt at {@code email} from {@code client}, or, when {@code perAccount} attempts at it from
     * there, or {@code perClient} attempts at any account from there, already fall within {@code window}, returns how
     * long until the oldest of those leaves it. Call it in a transaction of its own.
     */
    Optional<Duration> reserve(
            String email, String client, Instant now, Duration window, int perAccount, int perClient) {
        // serialise the attempts of one client address; other addresses are not affected
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('login:' || :client, 7))")
                .param("client", client)
                .query((rs, row) -> 1)
                .single();
        jdbc.sql("DELETE FROM login_attempts WHERE client = :client AND attempted_at <= :start")
                .param("client", client)
                .param("start", Timestamps.sql(now.minus(window)))
                .update();
        Optional<Instant> account = oldestOfFull(
                "SELECT attempted_at FROM login_attempts WHERE client = :client AND email = :email"
                        + " ORDER BY attempted_at LIMIT :max",
                email,
                client,
                perAccount);
        Optional<Instant> anyAccount = oldestOfFull(
                "SELECT attempted_at FROM login_attempts WHERE client = :client ORDER BY attempted_at LIMIT :max",
                email,
                client,
                perClient);
        Optional<Instant> oldest = account.isPresent() ? account : anyAccount;
        if (oldest.isPresent()) {
            return Optional.of(Duration.between(now, oldest.get().plus(window)));
        }
        jdbc.sql("INSERT INTO login_attempts (email, client, attempted_at) VALUES (:email, :client, :now)")
                .param("email", email)
                .param("client", client)
                .param("now", Timestamps.sql(now))
                .update();
        return Optional.empty();
    }

    /** The oldest of the attempts {@code sql} lists, when they are already {@code max}. */
    private Optional<Instant> oldestOfFull(String sql, String email, String client, int max) {
        List<Instant> recent = jdbc.sql(sql)
                .param("email", email)
                .param("client", client)
                .param("max", max)
                .query((rs, row) -> Timestamps.read(rs, "attempted_at"))
                .list();
        return recent.size() >= max ? Optional.of(recent.getFirst()) : Optional.empty();
    }

    /**
     * Forgets the attempts that no longer count, from any client: those of a client that never tries again would
     * otherwise stay (they hold email addresses).
     */
    int purge(Instant now, Duration window) {
        return jdbc.sql("DELETE FROM login_attempts WHERE attempted_at <= :start")
                .param("start", Timestamps.sql(now.minus(window)))
                .update();
    }

    /** A successful login clears the failures at its account from its client address. */
    void clear(String email, String client) {
        jdbc.sql("DELETE FROM login_attempts WHERE client = :client AND email = :email")
                .param("email", email)
                .param("client", client)
                .update();
    }
}
