package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The two limits on failed logins: per account and client address, and per client address across accounts. */
class LoginAttemptsTests extends IntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    LoginAttempts attempts;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void guessingAcrossManyAccountsFromOneAddressIsSlowedAndOtherAddressesAreNot() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        String client = newClientAddress();
        // three accounts, one guess each: no account reaches its own limit of 2, the address reaches its 3
        for (int i = 0; i < 3; i++) {
            assertThat(reserve(newEmail(), client, now.plusSeconds(i))).isEmpty();
        }

        assertThat(reserve(newEmail(), client, now.plusSeconds(60))).contains(WINDOW.minusSeconds(60));
        assertThat(reserve(newEmail(), newClientAddress(), now.plusSeconds(60))).isEmpty();
        // the first guess leaves the window, and with it the address may guess once more
        assertThat(reserve(newEmail(), client, now.plus(WINDOW).plusSeconds(1))).isEmpty();
    }

    @Test
    void anAccountsLimitFromOneAddressIsNotTheLimitFromAnother() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        String email = newEmail();
        String stranger = newClientAddress();
        assertThat(reserve(email, stranger, now)).isEmpty();
        assertThat(reserve(email, stranger, now.plusSeconds(1))).isEmpty();

        assertThat(reserve(email, stranger, now.plusSeconds(2))).contains(WINDOW.minusSeconds(2));
        assertThat(reserve(email, newClientAddress(), now.plusSeconds(2))).isEmpty();
    }

    private Optional<Duration> reserve(String email, String client, Instant at) {
        return new TransactionTemplate(transactions)
                .execute(status -> attempts.reserve(email, client, at, WINDOW, 2, 3));
    }
}
