package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.storage.ImageStore;
import com.yarda.test.AccountDeletionGate;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting an account takes everything of it, asks for the password, and ends every token of it at once. */
class AccountDeletionTests extends IntegrationTest {

    private static final List<String> TABLES_OF_A_USER = List.of(
            "credit_accounts",
            "credit_ledger",
            "generations",
            "uploads",
            "purchases",
            "rate_limit_attempts",
            "idempotency_keys",
            "email_verification_tokens");

    @Autowired
    private ImageStore images;

    @Autowired
    private Credits credits;

    @Autowired
    private AccountDeletionGate gate;

    @Test
    void deletingTheAccountRemovesEveryRowAndImageOfItAndEndsItsTokens() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 4);
        String photoUrl = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", photo(640, 480), "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        String fromPhoto = api(user.token())
                .body(json(Map.of("input_type", "photo", "input_photo_url", photoUrl, "style", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String fromAddress = api(user.token())
                .header("Idempotency-Key", "before-deletion")
                .body(json(
                        Map.of("input_type", "address", "input_address", "1 Farewell Road", "style", "mediterranean")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(user, fromPhoto)).containsEntry("status", "completed");
        assertThat(awaitFinished(user, fromAddress)).containsEntry("status", "completed");
        api(user.token())
                .body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(201);
        List<String> imageKeys =
                jdbc.sql("""
                SELECT output_image_key FROM generations WHERE user_id = :user
                UNION ALL SELECT storage_key FROM uploads WHERE user_id = :user
                """).param("user", user.id()).query(String.class).list();
        assertThat(imageKeys)
                .hasSize(3)
                .allSatisfy(key -> assertThat(images.read(key)).isPresent());
        TestUser bystander = verifiedUser();
        String bystanders = acceptAddress(bystander, "2 Next Door", "english_garden");

        assertThat(mailsTo(user.email())).isPositive();

        deleteAccount(user, PASSWORD).then().statusCode(204);

        for (String table : TABLES_OF_A_USER) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :user")
                            .param("user", user.id())
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(imageKeys).allSatisfy(key -> assertThat(images.read(key)).isEmpty());
        // nor is any email to the address kept (the verification email was one)
        assertThat(mailsTo(user.email())).isZero();
        // the token still has a valid signature and has not expired, but names nobody any more
        api(user.token()).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        api(user.token()).get("/api/credits/balance").then().statusCode(401);
        login(user.email(), PASSWORD).then().statusCode(401).body("error", equalTo("invalid_credentials"));
        // the address is free again: a new account, but not a second free trial for its mailbox
        register(user.email(), "another horse")
                .then()
                .statusCode(201)
                .body("trial_credits", equalTo(0))
                .body("token_balance", equalTo(0))
                .body("notice", Matchers.containsString("free trial credits"));
        // nobody else lost anything
        assertThat(awaitFinished(bystander, bystanders)).containsEntry("status", "completed");
        api(bystander.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        assertLedgerMatchesBalances();
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        TestUser user = verifiedUser();

        deleteAccount(user, "wrong horse")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_credentials"));
        api(user.token())
                .body("{}")
                .delete("/api/auth/me")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("password"));
        api(user.token()).delete("/api/auth/me").then().statusCode(400);

        api(user.token()).get("/api/auth/me").then().statusCode(200).body("trial_credits", equalTo(3));
    }

    @Test
    void wrongPasswordsAreThrottledLikeLogins() {
        TestUser user = verifiedUser();
        for (int i = 0; i < 5; i++) {
            deleteAccount(user, "guess " + i).then().statusCode(401);
        }

        deleteAccount(user, PASSWORD).then().statusCode(429).body("error", equalTo("rate_limited"));
        api(user.token()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anAccountWithADesignStillBeingDrawnIsNotDeletedYet() throws Exception {
        TestUser user = verifiedUser();
        String street = "8 Not Yet Lane";
        String id;
        try (Held drawing = designer().hold(street)) {
            id = acceptAddress(user, street, "california_native");
            drawing.awaitStarted();

            deleteAccount(user, PASSWORD)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("generation_in_progress"));
        }
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        api(user.token()).get("/api/generations/" + id + "/image").then().statusCode(200);

        deleteAccount(user, PASSWORD).then().statusCode(204);
    }

    @Test
    void aRequestCaughtUpInTheDeletionOfItsAccountIsAnswered401NotA500() throws Exception {
        TestUser user = verifiedUser();
        gate.arm();
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            Future<Response> deletion = clients.submit(() -> deleteAccount(user, PASSWORD));
            gate.awaitReached();
            // authenticated while the account still exists, then waiting for the user row the deletion holds
            Future<Response> accept = clients.submit(() -> api(user.token())
                    .body(json(Map.of(
                            "input_type", "address", "input_address", "1 Too Late Road", "style", "japanese_zen")))
                    .post("/api/generations"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("""
                                    SELECT count(*) FROM pg_stat_activity
                                     WHERE wait_event_type = 'Lock' AND query LIKE '%rate_limit_attempts%'
                                    """).query(Long.class).single() > 0);
            gate.release();

            assertThat(deletion.get().statusCode()).isEqualTo(204);
            accept.get()
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("error", equalTo("unauthenticated"));
        } finally {
            gate.release();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM generations WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long mailsTo(String email) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private static Response deleteAccount(TestUser user, String password) {
        return api(user.token()).body(json(Map.of("password", password))).delete("/api/auth/me");
    }
}
