package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The webhooks section of the account page: add (the secret shown once), recent deliveries, delete; with CSRF. */
class WebhookPagesTests extends IntegrationTest {

    private static final String URL = "https://192.0.2.44/yarda-hooks";

    @Test
    void aWebhookIsAddedFromTheAccountPageShowingItsSecretOnceThenDeleted() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response account = given().cookies(session).get("/account");
        account.then().statusCode(200).body(containsString("id=\"webhooks\"")).body(containsString("Add webhook"));

        Response added = formPost(
                session,
                account,
                "/account/webhooks",
                Map.of("url", URL, "events", List.of("generation.completed", "generation.failed")));

        added.then().statusCode(200).body(containsString("Webhook added")).body(containsString(URL));
        Matcher secret = Pattern.compile("whsec_[A-Za-z0-9+/=]{44}").matcher(added.asString());
        assertThat(secret.find()).as("the page shows the secret").isTrue();
        assertThat(api(user.token()).get("/api/webhooks").<List<String>>path("items.url"))
                .containsExactly(URL);
        Response again = given().cookies(session).get("/account");
        again.then()
                .statusCode(200)
                .body(containsString(URL))
                .body(containsString("Nothing sent yet."))
                .body(not(containsString(secret.group())));

        String id = api(user.token()).get("/api/webhooks").path("items[0].id");
        Response deleted = formPost(session, again, "/account/webhooks/" + id + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.header("Location")).endsWith("/account#webhooks");
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString("The webhook was deleted"))
                .body(not(containsString(URL)));
        assertThat(api(user.token()).get("/api/webhooks").<List<?>>path("items"))
                .isEmpty();
    }

    @Test
    void aUrlOfThisHostIsRefusedOnThePageAndAddsNothing() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);

        Response refused = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/webhooks",
                Map.of("url", "https://127.0.0.1/hooks", "events", List.of("generation.completed")));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/account#webhooks");
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString(
                        "The url must not resolve to a loopback, private, link-local or multicast address."))
                .body(containsString("value=\"https://127.0.0.1/hooks\""));
        assertThat(api(user.token()).get("/api/webhooks").<List<?>>path("items"))
                .isEmpty();
    }

    @Test
    void theAccountPageShowsTheRecentDeliveriesWithTheirStatus() {
        TestUser user = verifiedUser();
        api(user.token())
                .body(json(Map.of("url", URL)))
                .post("/api/webhooks")
                .then()
                .statusCode(201);
        String id = completedDesign(user, "12 Hook Page Road, Springfield");
        Map<String, String> session = webSession(user);

        Response account = given().cookies(session).get("/account");

        // nothing answers at a documentation address: the delivery is still pending, or retried
        account.then()
                .statusCode(200)
                .body(containsString("/generations/" + id))
                .body(containsString("generation.completed"))
                .body(containsString("class=\"pill pending\""));
    }

    @Test
    void withoutTheCsrfTokenNothingIsAddedOrDeleted() {
        TestUser user = verifiedUser();
        String id = api(user.token())
                .body(json(Map.of("url", URL)))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> session = webSession(user);

        given().cookies(session)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("url", URL + "/2")
                .post("/account/webhooks")
                .then()
                .statusCode(403);
        given().cookies(session)
                .redirects()
                .follow(false)
                .post("/account/webhooks/" + id + "/delete")
                .then()
                .statusCode(403);

        assertThat(api(user.token()).get("/api/webhooks").<List<String>>path("items.id"))
                .containsExactly(id);
        assertThat(UUID.fromString(id)).isNotNull();
    }
}
