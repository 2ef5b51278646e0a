package com.yarda.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.yarda.test.IntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a Stripe key: token packs, and purchases completed on the built-in test checkout page. */
class BillingTestModeTests extends IntegrationTest {

    @Test
    void thePacksOnSaleArePublic() {
        RestAssured.given()
                .get("/api/credits/packs")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of("pack_10", "pack_50", "pack_100")))
                .body("tokens", equalTo(List.of(10, 50, 100)))
                .body("amount_cents", equalTo(List.of(1000, 4500, 9000)))
                .body("currency", equalTo(List.of("usd", "usd", "usd")))
                .body("[0].name", equalTo("10 tokens"));
    }

    @Test
    void aTestPurchaseIsCompletedOnTheTestCheckoutPageOnce() {
        TestUser user = verifiedUser();
        Response started = buy(user, "pack_10");
        started.then().statusCode(201).body("status", equalTo("pending"));
        String purchaseId = started.path("id");
        String checkoutUrl = started.path("checkout_url");
        assertThat(checkoutUrl).startsWith(PUBLIC_URL + "/billing/test-checkout/" + purchaseId + "?token=");
        String page = checkoutUrl.substring(PUBLIC_URL.length());
        String token = checkoutUrl.substring(checkoutUrl.indexOf("?token=") + 7);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url

        RestAssured.given()
                .get(page)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Test mode — no real payment"))
                .body(containsString("10 tokens"))
                .body(containsString("$10.00"))
                .body(containsString("Complete test purchase"))
                .body(containsString("/billing/cancel?purchase=" + purchaseId));
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));

        complete(purchaseId, token)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/billing/success?purchase=" + purchaseId));
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(10));
        api(user.token())
                .get("/api/purchases/" + purchaseId)
                .then()
                .body("status", equalTo("paid"))
                .body("completed_at", notNullValue());

        // a second submit (a double click, a replayed form) changes nothing
        complete(purchaseId, token).then().statusCode(303);
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(10));
        assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE purchase_id = :purchase")
                        .param("purchase", UUID.fromString(purchaseId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        RestAssured.given()
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("This test purchase is complete"))
                .body(not(containsString("Complete test purchase")));
        assertLedgerMatchesBalances();
    }

    @Test
    void theTestCheckoutNeedsTheTokenOfItsOwnLink() {
        TestUser user = verifiedUser();
        Response first = buy(user, "pack_50");
        Response second = buy(user, "pack_10");
        String firstId = first.path("id");
        String secondUrl = second.path("checkout_url");
        String secondToken = secondUrl.substring(secondUrl.indexOf("?token=") + 7);

        for (String token : new String[] {"", "not-the-token", secondToken}) {
            RestAssured.given()
                    .queryParam("token", token)
                    .get("/billing/test-checkout/" + firstId)
                    .then()
                    .statusCode(404)
                    .body(containsString("not valid"))
                    .body(not(containsString("Complete test purchase")));
            complete(firstId, token).then().statusCode(404);
        }
        complete("not-a-uuid", secondToken).then().statusCode(404);
        RestAssured.given().get("/billing/test-checkout/not-a-uuid").then().statusCode(404);

        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        api(user.token()).get("/api/purchases/" + firstId).then().body("status", equalTo("pending"));
    }

    @Test
    void purchasesArePrivateAndListedNewestFirst() {
        TestUser buyer = verifiedUser();
        TestUser other = verifiedUser();
        String older = buy(buyer, "pack_10").path("id");
        clock.advance(Duration.ofMillis(5));
        String newer = buy(buyer, "pack_100").path("id");

        api(buyer.token())
                .get("/api/purchases?limit=1&offset=0")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("limit", equalTo(1))
                .body("offset", equalTo(0))
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(newer));
        api(buyer.token()).get("/api/purchases?limit=1&offset=1").then().body("items[0].id", equalTo(older));
        api(buyer.token()).get("/api/purchases?limit=0").then().statusCode(422);

        api(other.token()).get("/api/purchases/" + older).then().statusCode(404).body("error", equalTo("not_found"));
        api(other.token()).get("/api/purchases").then().body("total", equalTo(0));
        api().get("/api/purchases").then().statusCode(401);
        api().body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(401);
    }

    @Test
    void onlyAVerifiedUserMayBuyAndThePackMustExist() {
        String unverified = registerAndLogin(newEmail());
        api(unverified)
                .body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(403)
                .body("error", equalTo("email_not_verified"));
        api(unverified).get("/api/purchases").then().body("total", equalTo(0));

        String verified = verifiedUser().token();
        api(verified)
                .body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(201);
        api(verified)
                .body(json(Map.of("pack_id", "pack_11")))
                .post("/api/purchases")
                .then()
                .statusCode(422)
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("pack_id"))
                .body("errors[0].message", containsString("pack_10, pack_50, pack_100"));
        api(verified)
                .body("{}")
                .post("/api/purchases")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("pack_id"));
    }

    @Test
    void theBuyTokensFormNeedsAVerifiedEmailAndKeepsToTheHourlyLimit() {
        String email = newEmail();
        registerAndLogin(email);
        UUID unverifiedId = jdbc.sql("SELECT id FROM users WHERE email = :email")
                .param("email", email)
                .query(UUID.class)
                .single();
        TestUser unverified = new TestUser(unverifiedId, email, "");

        assertThat(buyOnThePage(unverified)).contains("Verify your email address first");
        assertThat(purchaseCount(unverified)).isZero();

        TestUser user = verifiedUser();
        for (int i = 0; i < 10; i++) {
            buy(user, "pack_10").then().statusCode(201);
        }
        assertThat(buyOnThePage(user)).contains("You can start 10 purchases per hour");
        assertThat(purchaseCount(user)).isEqualTo(10);
    }

    /** Buys pack_10 through the buy-tokens form as {@code user}; the page it is sent back to. */
    private static String buyOnThePage(TestUser user) {
        Map<String, String> session = webSession(user);
        Response page = RestAssured.given().cookies(session).get("/buy-tokens");
        Response bought = formPost(session, page, "/buy-tokens", Map.of("packId", "pack_10"));
        assertThat(bought.statusCode()).isEqualTo(302);
        assertThat(bought.header("Location")).endsWith("/buy-tokens");
        return RestAssured.given()
                .cookies(session)
                .cookies(bought.cookies())
                .get("/buy-tokens")
                .asString();
    }

    private long purchaseCount(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    @Test
    void withoutAWebhookSecretStripeWebhooksAreRefused() {
        RestAssured.given()
                .contentType("application/json")
                .header("Stripe-Signature", "t=1,v1=00")
                .body("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}")
                .post("/api/webhooks/stripe")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_signature"));
    }

    private static Response buy(TestUser user, String packId) {
        return api(user.token()).body(json(Map.of("pack_id", packId))).post("/api/purchases");
    }

    private static Response complete(String purchaseId, String token) {
        return browserForm().formParam("token", token).post("/billing/test-checkout/" + purchaseId);
    }
}
