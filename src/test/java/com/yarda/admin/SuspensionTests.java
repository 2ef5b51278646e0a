package com.yarda.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An operator suspends an account: it cannot log in, its tokens and sessions end, its queued designs still finish. */
class SuspensionTests extends IntegrationTest {

    @Test
    void aSuspendedAccountCannotLogInAndItsTokensAndSessionsEndUntilReactivated() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        Map<String, String> browser = webSession(user);

        suspend(admin, user.id(), "Chargeback fraud, ticket 4411")
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user.id().toString()))
                .body("suspended", equalTo(true))
                .body("suspended_at", notNullValue())
                .body("audit.action", equalTo("account_suspension"))
                .body("audit.reason", equalTo("Chargeback fraud, ticket 4411"))
                .body("audit.admin_email", equalTo(ADMIN_EMAIL));

        api(user.token()).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        RestAssured.given()
                .redirects()
                .follow(false)
                .cookies(browser)
                .get("/account")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/login?ended"));
        login(user.email(), PASSWORD)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("error", equalTo("account_suspended"))
                .body("detail", containsString("suspended"));
        // told only to whoever knows the password
        login(user.email(), "wrong horse").then().statusCode(401).body("error", equalTo("invalid_credentials"));
        // the login page says so too
        browserForm()
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login")
                .then()
                .statusCode(200)
                .body(containsString("This account is suspended."));
        api(admin.token())
                .get("/api/admin/users/" + user.id())
                .then()
                .body("suspension.reason", equalTo("Chargeback fraud, ticket 4411"))
                .body("suspension.suspended_at", notNullValue());

        reactivate(admin, user.id(), "Bank confirmed the payment")
                .then()
                .statusCode(200)
                .body("suspended", equalTo(false))
                .body("suspended_at", nullValue())
                .body("audit.action", equalTo("account_reactivation"));

        String fresh =
                login(user.email(), PASSWORD).then().statusCode(200).extract().path("access_token");
        api(fresh).get("/api/auth/me").then().statusCode(200);
        // what the suspension ended stays ended
        api(user.token()).get("/api/auth/me").then().statusCode(401);
        api(admin.token())
                .get("/api/admin/users/" + user.id())
                .then()
                .body("suspension", nullValue())
                .body("audit.items.action", contains("account_reactivation", "account_suspension"));
    }

    @Test
    void itsDesignsAlreadyQueuedStillFinish() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        String street = "7 Suspended Lane";
        String held;
        String queued;
        try (Held drawing = designer().hold(street)) {
            held = acceptAddress(user, street, "japanese_zen");
            queued = acceptAddress(user, "8 Suspended Lane", "mediterranean");
            drawing.awaitStarted();

            suspend(admin, user.id(), "Abuse report").then().statusCode(200);
        }

        for (String id : new String[] {held, queued}) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("SELECT status FROM generations WHERE id = :id")
                            .param("id", UUID.fromString(id))
                            .query(String.class)
                            .single()
                            .equals("completed"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = :user AND kind = 'refund'")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
        api(admin.token())
                .get("/api/admin/users/" + user.id())
                .then()
                .body("generations.items.status", everyItem(equalTo("completed")));
        assertLedgerMatchesBalances();
    }

    @Test
    void aReasonIsRequiredAndEveryRefusalChangesNothing() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();

        suspend(admin, user.id(), "   ").then().statusCode(422).body("error", equalTo("validation_failed"));
        suspend(admin, user.id(), "x".repeat(501)).then().statusCode(422);
        suspend(admin, UUID.randomUUID(), "No such user").then().statusCode(404);
        suspend(admin, admin.id(), "Oops").then().statusCode(409).body("error", equalTo("cannot_suspend_yourself"));
        reactivate(admin, user.id(), "Not suspended").then().statusCode(409).body("error", equalTo("not_suspended"));
        api(user.token()).get("/api/auth/me").then().statusCode(200);

        suspend(admin, user.id(), "Spam").then().statusCode(200);
        suspend(admin, user.id(), "Spam again").then().statusCode(409).body("error", equalTo("already_suspended"));
        assertThat(jdbc.sql("SELECT count(*) FROM admin_audit WHERE target_user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void onlyAdminsMaySuspend() {
        TestUser user = verifiedUser();
        TestUser other = verifiedUser();

        api(other.token())
                .body(json(Map.of("reason", "Because")))
                .post("/api/admin/users/" + user.id() + "/suspend")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        api(user.token()).get("/api/auth/me").then().statusCode(200);
    }

    private static Response suspend(TestUser admin, UUID userId, String reason) {
        return api(admin.token()).body(json(Map.of("reason", reason))).post("/api/admin/users/" + userId + "/suspend");
    }

    private static Response reactivate(TestUser admin, UUID userId, String reason) {
        return api(admin.token())
                .body(json(Map.of("reason", reason)))
                .post("/api/admin/users/" + userId + "/reactivate");
    }
}
