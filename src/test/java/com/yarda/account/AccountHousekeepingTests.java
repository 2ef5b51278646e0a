package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What accounts leave behind is forgotten once it has served its purpose (README, "Data retention"). */
class AccountHousekeepingTests extends IntegrationTest {

    private static final List<String> TABLES_OF_A_USER =
            List.of("email_verification_tokens", "credit_accounts", "credit_ledger", "uploads", "generations");

    @Autowired
    private AccountHousekeeping housekeeping;

    @Autowired
    private AccountProperties properties;

    @Autowired
    private LoginAttempts attempts;

    @Autowired
    private Credits credits;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void anAccountStillUnverifiedAfterTheRetentionIsDeletedWithEverythingOfItAndNoOtherIs() {
        String staleEmail = newEmail();
        UUID stale = registered(staleEmail);
        TestUser verified = verifiedUser();
        // an operator gave it tokens: they are not thrown away with it
        UUID adjusted = registered(newEmail());
        credits.adjust(adjusted, CreditType.TOKEN, 5);
        assertThat(rowsOf(stale, "email_verification_tokens")).isOne();
        assertThat(mailsTo(staleEmail)).isPositive();

        // past the retention, and past it for the verification links of that time too
        clock.advance(properties
                .unverifiedRetention()
                .plus(properties.verificationTtl())
                .plusMinutes(1));
        UUID fresh = registered(newEmail());

        housekeeping.clean();

        assertThat(exists(stale)).isFalse();
        for (String table : TABLES_OF_A_USER) {
            assertThat(rowsOf(stale, table)).as(table).isZero();
        }
        assertThat(mailsTo(staleEmail)).isZero();
        assertThat(exists(verified.id())).isTrue();
        login(verified.email(), "correct horse").then().statusCode(200);
        assertThat(exists(adjusted)).isTrue();
        assertThat(exists(fresh)).isTrue();
        // verification links that expired long ago go, whoever they were for; a recent one stays
        assertThat(rowsOf(verified.id(), "email_verification_tokens")).isZero();
        assertThat(rowsOf(fresh, "email_verification_tokens")).isOne();
        // the address is free to register again
        register(staleEmail, "correct horse").then().statusCode(201);
    }

    @Test
    void aMailboxWhoseOnlyAccountWasNeverVerifiedGetsItsFreeTrialBack() {
        // someone registers another person's address and never verifies it
        String email = newEmail();
        registered(email);
        // a second account of one mailbox: no trial (the first has it)
        String variant = email.replace("@", "+again@");
        register(variant, "correct horse").then().statusCode(201).body("trial_credits", equalTo(0));
        clock.advance(properties.unverifiedRetention().plusMinutes(1));

        housekeeping.clean();

        // the real owner registers and gets the trial the stranger's account never could use
        register(email, "correct horse").then().statusCode(201).body("trial_credits", equalTo(3));
    }

    @Test
    void aSecondAccountRemovedUnverifiedLeavesTheTrialWithTheFirst() {
        TestUser first = verifiedUser();
        String variant = first.email().replace("@", "+again@");
        register(variant, "correct horse").then().statusCode(201).body("trial_credits", equalTo(0));
        clock.advance(properties.unverifiedRetention().plusMinutes(1));

        housekeeping.clean();

        register(first.email().replace("@", "+third@"), "correct horse")
                .then()
                .statusCode(201)
                .body("trial_credits", equalTo(0));
    }

    @Test
    void failedLoginsAreForgottenOnceTheyNoLongerCount() {
        Duration window = properties.failedLoginWindow();
        Instant now = clock.instant();
        String oldClient = newClientAddress();
        String recentClient = newClientAddress();
        reserve(newEmail(), oldClient, now.minus(window).minusSeconds(1));
        reserve(newEmail(), recentClient, now.minusSeconds(60));

        housekeeping.clean();

        assertThat(attemptsFrom(oldClient)).isZero();
        assertThat(attemptsFrom(recentClient)).isOne();
    }

    private UUID registered(String email) {
        return UUID.fromString(register(email, "correct horse")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private boolean exists(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    private long rowsOf(UUID userId, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    private long mailsTo(String email) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private void reserve(String email, String client, Instant at) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> assertThat(attempts.reserve(
                                email,
                                client,
                                at,
                                properties.failedLoginWindow(),
                                properties.maxFailedLogins(),
                                properties.maxFailedLoginsPerClient()))
                        .isEmpty());
    }

    private long attemptsFrom(String client) {
        return jdbc.sql("SELECT count(*) FROM login_attempts WHERE client = :client")
                .param("client", client)
                .query(Long.class)
                .single();
    }
}
