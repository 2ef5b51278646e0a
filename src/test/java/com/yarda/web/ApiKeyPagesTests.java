package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API keys section of the account page: make one (the key shown once), see its uses, revoke it; with CSRF. */
class ApiKeyPagesTests extends IntegrationTest {

    @Test
    void aKeyIsMadeOnTheAccountPageShownOnceThenRevokedAfterAConfirmation() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response account = given().cookies(session).get("/account");
        account.then()
                .statusCode(200)
                .body(containsString("id=\"api-keys\""))
                .body(containsString("No API keys yet."))
                .body(containsString("Create API key"));

        Response created = formPost(session, account, "/account/api-keys", Map.of("name", "Garden planner sync"));

        created.then()
                .statusCode(200)
                .body(containsString("API key created"))
                .body(containsString("Garden planner sync"))
                .body(containsString("data-copy=\"#api-key-value\""))
                .body(containsString("this is the only time it is shown"));
        Matcher key = Pattern.compile("yk_[A-Za-z0-9_-]{43}").matcher(created.asString());
        assertThat(key.find()).as("the page shows the key").isTrue();
        api(key.group()).get("/api/auth/me").then().statusCode(200);
        Response again = given().cookies(session).get("/account");
        again.then()
                .statusCode(200)
                .body(containsString("Garden planner sync"))
                .body(containsString("Revoke…"))
                .body(not(containsString(key.group())))
                .body(not(containsString("<span class=\"muted\">Never</span>")));

        String id = api(user.token()).get("/api/keys").path("items[0].id");
        Response revoked = formPost(session, again, "/account/api-keys/" + id + "/delete", Map.of());

        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.header("Location")).endsWith("/account#api-keys");
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString("The API key was revoked."))
                .body(not(containsString("Garden planner sync")));
        api(key.group()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void anUnusedKeyIsListedAsNeverUsed() {
        TestUser user = verifiedUser();
        api(user.token())
                .body(json(Map.of("name", "Quiet key")))
                .post("/api/keys")
                .then()
                .statusCode(201);

        given().cookies(webSession(user))
                .get("/account")
                .then()
                .body(containsString("Quiet key"))
                .body(containsString("<span class=\"muted\">Never</span>"));
    }

    @Test
    void aRefusedNameIsSaidOnThePageAndMakesNothing() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);

        Response refused =
                formPost(session, given().cookies(session).get("/account"), "/account/api-keys", Map.of("name", "   "));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/account#api-keys");
        given().cookies(session)
                .get("/account")
                .then()
                .body(containsString("The name is required (1 to 100 characters)."));
        assertThat(api(user.token()).get("/api/keys").<List<?>>path("items")).isEmpty();
    }

    @Test
    void anUnverifiedUserIsAskedToVerifyFirst() {
        String email = newEmail();
        String token = registerAndLogin(email);
        Map<String, String> session = webSession(new TestUser(null, email, token));
        Response account = given().cookies(session).get("/account");
        account.then()
                .statusCode(200)
                .body(containsString("Verify your email address to create API keys."))
                .body(not(containsString("Create API key")));

        Response refused = formPost(session, account, "/account/api-keys", Map.of("name", "Sneaky"));

        assertThat(refused.statusCode()).isEqualTo(302);
        given().cookies(session).get("/account").then().body(containsString("Verify your email address first"));
        assertThat(api(token).get("/api/keys").<List<?>>path("items")).isEmpty();
    }

    @Test
    void theSectionStaysWhenAnotherFormOfThePageIsRefused() {
        TestUser user = verifiedUser();
        api(user.token())
                .body(json(Map.of("name", "Still listed")))
                .post("/api/keys")
                .then()
                .statusCode(201);
        Map<String, String> session = webSession(user);

        Response wrong = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/password",
                Map.of(
                        "currentPassword",
                        "wrong horse",
                        "newPassword",
                        "a different horse",
                        "confirmPassword",
                        "a different horse"));

        wrong.then()
                .statusCode(200)
                .body(containsString("That is not your current password."))
                .body(containsString("Still listed"));
    }

    @Test
    void withoutTheCsrfTokenNothingIsMadeOrRevoked() {
        TestUser user = verifiedUser();
        String id = api(user.token())
                .body(json(Map.of("name", "Guarded")))
                .post("/api/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> session = webSession(user);

        given().cookies(session)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("name", "Forged")
                .post("/account/api-keys")
                .then()
                .statusCode(403);
        given().cookies(session)
                .redirects()
                .follow(false)
                .post("/account/api-keys/" + id + "/delete")
                .then()
                .statusCode(403);

        assertThat(api(user.token()).get("/api/keys").<List<String>>path("items.id"))
                .containsExactly(id);
    }
}
