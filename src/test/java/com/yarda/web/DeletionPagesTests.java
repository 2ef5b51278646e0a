package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.AccountDeletionGate;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting a design and the account from the browser: behind a disclosure, with CSRF, and honest about it. */
class DeletionPagesTests extends IntegrationTest {

    @Autowired
    private AccountDeletionGate gate;

    @Test
    void aDesignIsDeletedFromItsPage() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "4 Browser Road, Eugene OR");
        Map<String, String> session = webSession(user);
        Response page = given().cookies(session).get("/generations/" + id);
        page.then().statusCode(200).body(containsString("Delete this design")).body(containsString("Delete for good"));

        Response deleted = formPost(session, page, "/generations/" + id + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.header("Location")).endsWith("/history");
        given().cookies(session)
                .get("/history")
                .then()
                .statusCode(200)
                .body(containsString("The design was deleted"))
                .body(not(containsString("4 Browser Road")));
        given().cookies(session).get("/generations/" + id).then().statusCode(404);
        // the credit history still shows the credit it used, without a link to a page that is gone
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString("(deleted)"))
                .body(not(containsString("/generations/" + id + "\"")));
    }

    @Test
    void theAccountIsDeletedWithItsPasswordAndItsSessionsEnd() {
        TestUser user = verifiedUser();
        completedDesign(user, "6 Goodbye Street, Salem OR");
        Map<String, String> session = webSession(user);
        Map<String, String> otherDevice = webSession(user);
        Response account = given().cookies(session).get("/account");
        account.then().statusCode(200).body(containsString("Delete my account and everything in it"));

        Response wrong = formPost(session, account, "/account/delete", Map.of("password", "not my password"));

        assertThat(wrong.header("Location")).endsWith("/account#delete-account");
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString("That is not your password. Your account was not deleted."));
        assertThat(count("SELECT count(*) FROM users WHERE id = :id", user.id()))
                .isOne();

        Response deleted = formPost(
                session, given().cookies(session).get("/account"), "/account/delete", Map.of("password", PASSWORD));

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.header("Location")).endsWith("/");
        assertThat(count("SELECT count(*) FROM users WHERE id = :id", user.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM generations WHERE user_id = :id", user.id()))
                .isZero();
        Response home = given().cookies(deleted.cookies()).get("/");
        home.then().body(containsString("Your account was deleted"));
        // this browser is logged out, and so is the other device
        assertThat(given().redirects()
                        .follow(false)
                        .cookies(session)
                        .get("/account")
                        .header("Location"))
                .endsWith("/login");
        assertThat(given().redirects()
                        .follow(false)
                        .cookies(otherDevice)
                        .get("/history")
                        .header("Location"))
                .endsWith("/login");
    }

    @Test
    void aDesignAskedForWhileTheAccountIsBeingDeletedEndsTheSessionInsteadOfFailing() throws Exception {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response form = given().cookies(session).get("/generate");
        gate.arm();
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            Future<Response> deletion = clients.submit(() ->
                    api(user.token()).body(json(Map.of("password", PASSWORD))).delete("/api/auth/me"));
            gate.awaitReached();
            Future<Response> generate = clients.submit(() -> formPost(
                    session,
                    form,
                    "/generate",
                    Map.of(
                            "inputType", "address",
                            "inputAddress", "2 Vanishing Road, Eugene OR",
                            "style", "japanese_zen",
                            "customPrompt", "",
                            "requestKey", UUID.randomUUID().toString())));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("""
                                    SELECT count(*) FROM pg_stat_activity
                                     WHERE wait_event_type = 'Lock' AND query LIKE '%rate_limit_attempts%'
                                    """).query(Long.class).single() > 0);
            gate.release();

            assertThat(deletion.get().statusCode()).isEqualTo(204);
            Response answer = generate.get();
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.header("Location")).endsWith("/login");
        } finally {
            gate.release();
        }
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
