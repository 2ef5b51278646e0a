package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import com.yarda.test.MutableClock;
import com.yarda.test.TestMailServer;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountApiTests extends IntegrationTest {

    @Nested
    class Register {

        @Test
        void createsAnUnverifiedUserWithThreeTrialCreditsAndNoSecrets() {
            String email = newEmail();
            Response response = register("  " + email.toUpperCase() + " ", PASSWORD);

            response.then()
                    .statusCode(201)
                    .header("Location", "/api/auth/me")
                    .contentType("application/json")
                    .body("email", equalTo(email))
                    .body("email_verified", is(false))
                    .body("trial_credits", equalTo(3))
                    .body("token_balance", equalTo(0))
                    .body("total_available", equalTo(3))
                    .body("id", notNullValue())
                    .body("created_at", notNullValue())
                    .body("$", not(hasKey("password_hash")))
                    .body("$", not(hasKey("password")));
            String stored = jdbc.sql("SELECT password_hash FROM users WHERE email = :email")
                    .param("email", email)
                    .query(String.class)
                    .single();
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        }

        @Test
        void sendsAVerificationEmailOverSmtpWhoseLinkVerifiesTheAddress() throws Exception {
            String email = newEmail();
            register(email, PASSWORD).then().statusCode(201);

            MimeMessage message = Mailbox.awaitMessages(email, 1).getFirst();
            assertThat(message.getSubject()).contains("Confirm your email");
            assertThat(message.getFrom()[0].toString()).contains("no-reply@localhost");
            assertThat(Mailbox.text(message)).contains(PUBLIC_URL + "/verify-email?token=");
            String token = Mailbox.verificationToken(email, 1);
            assertThat(token).hasSizeGreaterThanOrEqualTo(22); // ≥ 128 bits, base64url

            verify(token).then().statusCode(200).body("message", not(blankOrNullString()));

            String accessToken = login(email, PASSWORD).then().extract().path("access_token");
            api(accessToken).get("/api/auth/me").then().statusCode(200).body("email_verified", is(true));
        }

        @Test
        void storesOnlyAHashOfTheVerificationToken() {
            String email = newEmail();
            register(email, PASSWORD).then().statusCode(201);
            String token = Mailbox.verificationToken(email, 1);

            Long plain = jdbc.sql("""
                    SELECT count(*) FROM email_verification_tokens t JOIN users u ON u.id = t.user_id
                     WHERE u.email = :email AND position(convert_to(:token, 'UTF8') in t.token_hash) > 0
                    """)
                    .param("email", email)
                    .param("token", token)
                    .query(Long.class)
                    .single();
            assertThat(plain).isZero();
        }

        @Test
        void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
            String email = newEmail();
            int racers = 12;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses;
            try (var pool = Executors.newFixedThreadPool(racers)) {
                List<Callable<Integer>> calls = IntStream.range(0, racers)
                        .<Callable<Integer>>mapToObj(i -> () -> {
                            start.await();
                            return register(i % 2 == 0 ? email : email.toUpperCase(), PASSWORD + " " + i)
                                    .statusCode();
                        })
                        .toList();
                statuses = calls.stream().map(pool::submit).toList();
                start.countDown();
            }
            List<Integer> codes = new ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }

            assertThat(codes).containsOnly(201, 409);
            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
            assertThat(userCount(email)).isEqualTo(1);
            Long accounts =
                    jdbc.sql("""
                    SELECT count(*) FROM credit_accounts a JOIN users u ON u.id = a.user_id WHERE u.email = :email
                    """).param("email", email).query(Long.class).single();
            assertThat(accounts).isEqualTo(1);
        }

        @Test
        void answers409ForAnEmailThatAlreadyHasAnAccountWhateverItsCase() {
            String email = newEmail();
            register(email, PASSWORD).then().statusCode(201);

            register(email.toUpperCase(), "another password")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("email_taken"))
                    .body("status", equalTo(409))
                    .body("title", not(blankOrNullString()))
                    .body("type", not(blankOrNullString()))
                    .body("detail", not(blankOrNullString()));
        }

        @Test
        void answers422NamingEveryBrokenFieldAndCreatesNothing() {
            api().body(json(Map.of("email", "not-an-email", "password", "short")))
                    .post("/api/auth/register")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("error", equalTo("validation_failed"))
                    .body("errors.field", containsInAnyOrder("email", "password"));
            assertThat(userCount("not-an-email")).isZero();
        }

        @Test
        void rejectsPasswordsOver128CharactersAndMissingFields() {
            register(newEmail(), "x".repeat(129))
                    .then()
                    .statusCode(422)
                    .body("errors.field", containsInAnyOrder("password"));
            api().body("{}")
                    .post("/api/auth/register")
                    .then()
                    .statusCode(422)
                    .body("errors.field", containsInAnyOrder("email", "password"));
        }

        @Test
        void acceptsAPasswordOfExactly8And128Characters() {
            register(newEmail(), "kh7#pQ2x").then().statusCode(201);
            register(newEmail(), "hedge maze 7 ".repeat(10).substring(0, 128))
                    .then()
                    .statusCode(201);
        }

        @Test
        void answers400ForBodiesThatAreNotJsonOrHaveWrongTypes() {
            for (String body : List.of("{not json", "[]", "\"text\"", "{\"email\": 5, \"password\": [1]}")) {
                api().body(body)
                        .post("/api/auth/register")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("error", equalTo("malformed_request"))
                        .body("$", not(hasKey("trace")));
            }
        }

        @Test
        void grantsTheTrialCreditsInTheLedgerInTheSameTransaction() {
            String email = newEmail();
            String id = register(email, PASSWORD).then().extract().path("id");

            List<Map<String, Object>> ledger = jdbc.sql(
                            "SELECT kind, credit_type, amount, balance_after FROM credit_ledger WHERE user_id = :id")
                    .param("id", UUID.fromString(id))
                    .query()
                    .listOfRows();
            assertThat(ledger)
                    .containsExactly(
                            Map.of("kind", "trial_grant", "credit_type", "trial", "amount", 3, "balance_after", 3));
        }
    }

    @Nested
    class VerifyEmail {

        @Test
        void aTokenWorksOnlyOnce() {
            String email = newEmail();
            register(email, PASSWORD);
            String token = Mailbox.verificationToken(email, 1);

            verify(token).then().statusCode(200);
            verify(token)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("error", equalTo("invalid_token"));
        }

        @Test
        void aTokenExpiresAfterOneHour() {
            String early = newEmail();
            String late = newEmail();
            register(early, PASSWORD);
            register(late, PASSWORD);
            String earlyToken = Mailbox.verificationToken(early, 1);
            String lateToken = Mailbox.verificationToken(late, 1);

            clock.advance(Duration.ofMinutes(59));
            verify(earlyToken).then().statusCode(200);

            clock.advance(Duration.ofMinutes(1));
            verify(lateToken)
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("token_expired"))
                    .body("detail", not(blankOrNullString()));
            assertThat(verified(late)).isFalse();
        }

        @Test
        void anUnknownTokenIsInvalid() {
            verify("definitely-not-a-token-we-issued-0000000000")
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("invalid_token"));
        }

        @Test
        void aMissingTokenIsAValidationError() {
            api().body("{}")
                    .post("/api/auth/verify-email")
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("validation_failed"))
                    .body("errors.field", containsInAnyOrder("token"));
        }
    }

    @Nested
    class ResendVerification {

        @Test
        void sendsANewLinkThatReplacesTheOldOneAtMostOncePerMinute() {
            String email = newEmail();
            register(email, PASSWORD);
            String first = Mailbox.verificationToken(email, 1);

            // within 60 s of the registration email: accepted, but nothing is sent
            resend(email).then().statusCode(202);
            clock.advance(Duration.ofSeconds(59));
            resend(email).then().statusCode(202);

            clock.advance(Duration.ofSeconds(1));
            resend(email).then().statusCode(202);
            String second = Mailbox.verificationToken(email, 2);
            resend(email).then().statusCode(202);

            assertThat(second).isNotEqualTo(first);
            verify(first).then().statusCode(422).body("error", equalTo("invalid_token"));
            verify(second).then().statusCode(200);
            Mailbox.awaitOutboxEmpty(jdbc);
            assertThat(TestMailServer.messagesTo(email)).hasSize(2);
        }

        @Test
        void answers202WithoutSendingForUnknownAndVerifiedAddresses() {
            String unknown = newEmail();
            String verifiedEmail = newEmail();
            register(verifiedEmail, PASSWORD);
            verify(Mailbox.verificationToken(verifiedEmail, 1)).then().statusCode(200);
            clock.advance(Duration.ofMinutes(2));

            Response forUnknown = resend(unknown);
            Response forVerified = resend(verifiedEmail);

            forUnknown.then().statusCode(202);
            forVerified.then().statusCode(202);
            assertThat(forUnknown.asString()).isEqualTo(forVerified.asString());
            Mailbox.awaitOutboxEmpty(jdbc);
            assertThat(TestMailServer.messagesTo(verifiedEmail)).hasSize(1);
            assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
        }

        @Test
        void rejectsAMalformedAddress() {
            api().body(json(Map.of("email", "nope")))
                    .post("/api/auth/resend-verification")
                    .then()
                    .statusCode(422)
                    .body("errors.field", containsInAnyOrder("email"));
        }
    }

    @Nested
    class Login {

        @Test
        void issuesABearerTokenThatIdentifiesTheUserEvenBeforeVerification() {
            String email = newEmail();
            String id = register(email, PASSWORD).then().extract().path("id");

            Response response = login(" " + email.toUpperCase(), PASSWORD);

            response.then()
                    .statusCode(200)
                    .body("token_type", equalTo("bearer"))
                    .body("expires_in", equalTo(86400))
                    .body("access_token", not(blankOrNullString()))
                    .body("user.id", equalTo(id))
                    .body("user.email_verified", is(false))
                    .body("user.total_available", equalTo(3));
            api(response.path("access_token"))
                    .get("/api/auth/me")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("email", equalTo(email))
                    .body("$", not(hasKey("password_hash")));
        }

        @Test
        void answersTheSameForAWrongPasswordAndAnUnknownEmail() {
            String email = newEmail();
            register(email, PASSWORD);

            Response wrongPassword = login(email, "wrong password");
            Response unknownEmail = login(newEmail(), "wrong password");

            wrongPassword.then().statusCode(401).body("error", equalTo("invalid_credentials"));
            unknownEmail.then().statusCode(401).body("error", equalTo("invalid_credentials"));
            assertThat(wrongPassword.asString()).isEqualTo(unknownEmail.asString());
        }

        @Test
        void slowsDownAnAccountAfterFiveFailuresInFifteenMinutes() {
            // exact seconds are counted: a slow machine must not add one between two requests
            try (MutableClock.Frozen frozen = clock.freeze()) {
                String email = newEmail();
                register(email, PASSWORD);
                for (int i = 0; i < 5; i++) {
                    login(email, "guess " + i).then().statusCode(401);
                    clock.advance(Duration.ofMinutes(1));
                }

                // even the right password is refused while the window holds five failures
                Response limited = login(email, PASSWORD);
                limited.then()
                        .statusCode(429)
                        .contentType("application/problem+json")
                        .body("error", equalTo("rate_limited"))
                        .body("limit", equalTo(5))
                        .body("remaining", equalTo(0))
                        .body("retry_after", equalTo(600));
                assertThat(limited.header("Retry-After")).isEqualTo("600");

                // the first failure leaves the window 15 minutes after it was made
                clock.advance(Duration.ofMinutes(10));
                login(email, PASSWORD).then().statusCode(200);
            }
        }

        @Test
        void guessingFromOneAddressDoesNotLockTheOwnerOutElsewhere() {
            String email = newEmail();
            register(email, PASSWORD);
            String stranger = newClientAddress();
            String owner = newClientAddress();
            for (int i = 0; i < 5; i++) {
                loginFrom(stranger, email, "guess " + i).then().statusCode(401);
            }

            // the stranger is slowed down, even with the right password
            loginFrom(stranger, email, PASSWORD).then().statusCode(429).body("error", equalTo("rate_limited"));
            // the owner, from their own address, is not
            loginFrom(owner, email, PASSWORD).then().statusCode(200);
        }

        @Test
        void throttlesUnknownAddressesTheSameWay() {
            String email = newEmail();
            for (int i = 0; i < 5; i++) {
                login(email, "guess").then().statusCode(401);
            }
            login(email, "guess").then().statusCode(429).body("error", equalTo("rate_limited"));
        }

        @Test
        void aSuccessfulLoginForgetsEarlierFailures() {
            String email = newEmail();
            register(email, PASSWORD);
            for (int i = 0; i < 4; i++) {
                login(email, "guess").then().statusCode(401);
            }
            login(email, PASSWORD).then().statusCode(200);
            for (int i = 0; i < 4; i++) {
                login(email, "guess").then().statusCode(401);
            }
            login(email, PASSWORD).then().statusCode(200);
        }

        @Test
        void failuresOfOneAccountDoNotSlowDownAnother() {
            String attacked = newEmail();
            String bystander = newEmail();
            register(attacked, PASSWORD);
            register(bystander, PASSWORD);
            for (int i = 0; i < 6; i++) {
                login(attacked, "guess");
            }
            login(bystander, PASSWORD).then().statusCode(200);
        }
    }

    @Nested
    class Me {

        @Test
        void needsAValidBearerToken() {
            api().get("/api/auth/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("error", equalTo("unauthenticated"));
            api("not.a.jwt").get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        }

        @Test
        void rejectsExpiredTokens() {
            String token = registerAndLogin(newEmail());
            api(token).get("/api/auth/me").then().statusCode(200);

            clock.advance(Duration.ofHours(24).plusSeconds(1));

            api(token).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        }

        @Test
        void rejectsUnsignedAndForgedTokens() {
            String token = registerAndLogin(newEmail());
            String[] parts = token.split("\\.");
            String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            String forged = parts[0] + "." + parts[1] + "." + base64("not the signature");
            String hs512 = base64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

            for (String bad : List.of(none, forged, hs512)) {
                api(bad).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
            }
        }

        private static String base64(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Response verify(String token) {
        return api().body(json(Map.of("token", token))).post("/api/auth/verify-email");
    }

    private static Response resend(String email) {
        return api().body(json(Map.of("email", email))).post("/api/auth/resend-verification");
    }

    private long userCount(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private boolean verified(String email) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM users WHERE email = :email")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }
}
