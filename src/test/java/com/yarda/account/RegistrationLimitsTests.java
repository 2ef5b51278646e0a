package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Free credits cannot be farmed: accounts per client address are limited, and the trial goes once per mailbox. */
class RegistrationLimitsTests extends IntegrationTest {

    @Autowired
    private AccountProperties properties;

    @Autowired
    private AccountHousekeeping housekeeping;

    @Test
    void theRegistrationAfterTheLimitFromOneAddressIsRefusedWhileOtherAddressesStillRegister() {
        String address = newClientAddress();
        int max = properties.registrationsPerAddress();
        // refused registrations (a bad password, a taken email) create no account and do not count
        String taken = newEmail();
        registerFrom(address, taken, PASSWORD).then().statusCode(201);
        registerFrom(address, taken, PASSWORD).then().statusCode(409);
        registerFrom(address, newEmail(), "short").then().statusCode(422);
        for (int i = 1; i < max; i++) {
            registerFrom(address, newEmail(), PASSWORD).then().statusCode(201);
        }

        String refusedEmail = newEmail();
        Response refused = registerFrom(address, refusedEmail, PASSWORD);

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("error", equalTo("rate_limited"))
                .body("limit", equalTo(max))
                .body("remaining", equalTo(0))
                .body("retry_after", allOf(greaterThan(0), lessThanOrEqualTo((int)
                        properties.registrationWindow().toSeconds())))
                .body("detail", containsString("accounts"));
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .isEqualTo(refused.<Integer>path("retry_after").longValue());
        assertThat(users(refusedEmail)).isZero();
        registerFrom(newClientAddress(), refusedEmail, PASSWORD).then().statusCode(201);

        clock.advance(properties.registrationWindow());
        registerFrom(address, newEmail(), PASSWORD).then().statusCode(201);
    }

    @Test
    void concurrentRegistrationsFromOneAddressNeverPassTheLimit() throws Exception {
        String address = newClientAddress();
        int max = properties.registrationsPerAddress();

        List<Response> answers = race(max + 5, i -> () -> registerFrom(address, newEmail(), PASSWORD));

        assertThat(answers)
                .extracting(Response::statusCode)
                .filteredOn(s -> s == 201)
                .hasSize(max);
        assertThat(answers)
                .extracting(Response::statusCode)
                .filteredOn(s -> s == 429)
                .hasSize(5);
        assertThat(registrationsFrom(address)).isEqualTo(max);
    }

    @Test
    void housekeepingForgetsRegistrationsThatNoLongerCount() {
        String address = newClientAddress();
        registerFrom(address, newEmail(), PASSWORD).then().statusCode(201);
        housekeeping.clean();
        assertThat(registrationsFrom(address)).isOne();

        clock.advance(properties.registrationWindow());
        housekeeping.clean();

        assertThat(registrationsFrom(address)).isZero();
    }

    @Test
    void aSecondAccountOfTheSameMailboxGetsNoTrialCreditsAndIsToldSo() {
        String local = "ann" + UUID.randomUUID().toString().substring(0, 8);

        register(local + "@example.com", PASSWORD)
                .then()
                .statusCode(201)
                .body("trial_credits", equalTo(3))
                .body("notice", nullValue());
        Response tagged = register(local.toUpperCase() + "+garden@Example.com", PASSWORD);

        tagged.then()
                .statusCode(201)
                .body("email", equalTo(local + "+garden@example.com"))
                .body("trial_credits", equalTo(0))
                .body("total_available", equalTo(0))
                .body("notice", containsString("trial credits"));
        String token = login(local + "+garden@example.com", PASSWORD).path("access_token");
        api(token).get("/api/credits/transactions").then().statusCode(200).body("total", equalTo(0));
        // outside Gmail a dot is part of the mailbox
        register(local.charAt(0) + "." + local.substring(1) + "@example.com", PASSWORD)
                .then()
                .statusCode(201)
                .body("trial_credits", equalTo(3));
        assertLedgerMatchesBalances();
    }

    @Test
    void gmailAddressesThatReachOneMailboxShareOneTrial() {
        String local = "gard" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String dotted = String.join(".", local.split(""));

        register(local + "@gmail.com", PASSWORD).then().statusCode(201).body("trial_credits", equalTo(3));
        for (String variant : List.of(
                dotted + "@gmail.com", local + "+yard@googlemail.com", dotted.toUpperCase() + "+x@GoogleMail.com")) {
            register(variant, PASSWORD).then().statusCode(201).body("trial_credits", equalTo(0));
        }
        assertLedgerMatchesBalances();
    }

    @Test
    void deletingTheAccountDoesNotGiveTheTrialBackToItsMailbox() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201).body("trial_credits", equalTo(3));
        String token = login(email, PASSWORD).path("access_token");
        api(token)
                .body(json(Map.of("password", PASSWORD)))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);
        assertThat(users(email)).isZero();
        // nothing of the address is kept: a claim is a hash of the mailbox and a time
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'trial_claims'")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("bytea", "timestamp with time zone");

        register(email, PASSWORD)
                .then()
                .statusCode(201)
                .body("trial_credits", equalTo(0))
                .body("notice", containsString("trial credits"));
        assertLedgerMatchesBalances();
    }

    @Test
    void concurrentRegistrationsOfOneMailboxGrantTheTrialExactlyOnce() throws Exception {
        String local = "race" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "y");
        List<String> variants = List.of(
                local + "@gmail.com",
                local + "+1@gmail.com",
                local + "+2@googlemail.com",
                local.charAt(0) + "." + local.substring(1) + "@gmail.com",
                local.toUpperCase() + "+6@GMAIL.COM",
                local + "+3@gmail.com",
                local.substring(0, 2) + "." + local.substring(2) + "+4@googlemail.com",
                local + "+5@googlemail.com");

        List<Response> answers = race(variants.size(), i -> () -> register(variants.get(i), PASSWORD));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(answer -> answer.<Integer>path("trial_credits"))
                .containsExactlyInAnyOrder(3, 0, 0, 0, 0, 0, 0, 0);
        assertLedgerMatchesBalances();
    }

    @Test
    void theMigrationClaimedExistingMailboxesByTheSameRuleAsRegistration() {
        for (String email : List.of(
                "ann@example.com",
                "Ann+Tag@Example.com",
                "a.n.n@gmail.com",
                "a.n.n+x+y@googlemail.com",
                "+only-tag@example.com",
                "x.y@sub.gmail.com")) {
            byte[] sql = jdbc.sql("SELECT trial_claim_hash(:email)")
                    .param("email", email)
                    .query(byte[].class)
                    .single();
            assertThat(sql).as(email).isEqualTo(Mailboxes.claimHash(email));
        }
    }

    private long users(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
                .param("email", email.trim().toLowerCase())
                .query(Long.class)
                .single();
    }

    private long registrationsFrom(String address) {
        return jdbc.sql("SELECT count(*) FROM address_registrations WHERE client_address = :address")
                .param("address", address)
                .query(Long.class)
                .single();
    }
}
