package com.yarda.account;

import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts created per client address in a sliding window ({@code address_registrations}, V11), shared by every
 * instance: at most {@code yarda.account.registrations-per-address} per {@code yarda.account.registration-window}.
 */
@Repository
class AddressRegistrations {

    private final JdbcClient jdbc;
    private final AccountProperties properties;

    AddressRegistrations(JdbcClient jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Refuses when {@code address} has used up its registrations, without locking or recording anything: a cheap
     * refusal before a password is hashed. {@link #record} decides.
     *
     * @throws RateLimited when the window is full
     */
    void requireRoom(String address, Instant now) {
        refuseWhenFull(counted(address, now), now);
    }

    /**
     * Records a registration from {@code address} at {@code now}, or refuses it when the window is full. Holds a
     * per-address lock until the caller's transaction ends, so concurrent registrations (on any instance) are counted
     * one after the other; a registration whose transaction rolls back does not count.
     *
     * @throws RateLimited when the window is full
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(String address, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "registrations:" + address)
                .query((rs, row) -> 1)
                .single();
        refuseWhenFull(counted(address, now), now);
        jdbc.sql("INSERT INTO address_registrations (client_address, registered_at) VALUES (:address, :now)")
                .param("address", address)
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** Forgets registrations that no longer count; they only cost space (and are personal data). */
    int purge(Instant now) {
        return jdbc.sql("DELETE FROM address_registrations WHERE registered_at <= :cutoff")
                .param("cutoff", Timestamps.sql(now.minus(properties.registrationWindow())))
                .update();
    }

    private List<Instant> counted(String address, Instant now) {
        return jdbc.sql("""
                SELECT registered_at FROM address_registrations
                 WHERE client_address = :address AND registered_at > :start
                 ORDER BY registered_at
                """)
                .param("address", address)
                .param("start", Timestamps.sql(now.minus(properties.registrationWindow())))
                .query((rs, row) -> Timestamps.read(rs, "registered_at"))
                .list();
    }

    private void refuseWhenFull(List<Instant> counted, Instant now) {
        int max = properties.registrationsPerAddress();
        if (counted.size() >= max) {
            Instant frees = counted.get(counted.size() - max).plus(properties.registrationWindow());
            Duration wait = Duration.between(now, frees);
            long minutes = Math.max(1, (RateLimited.secondsRoundedUp(wait) + 59) / 60);
            throw new RateLimited(
                    "Too many accounts were created from your network recently. Try again in " + minutes
                            + (minutes == 1 ? " minute." : " minutes."),
                    wait,
                    max,
                    0);
        }
    }
}
