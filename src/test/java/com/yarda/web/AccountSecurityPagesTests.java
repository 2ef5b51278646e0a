package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages of passwords, emails and sessions: forms with CSRF, errors beside their fields, and sessions that end
 * where they should and only there.
 */
class AccountSecurityPagesTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "a fresh garden path";

    @Test
    void changingThePasswordKeepsThisBrowserAndEndsEveryOtherSession() {
        TestUser user = verifiedUser();
        Map<String, String> here = webSession(user);
        Map<String, String> elsewhere = webSession(user);
        Response account = given().cookies(here).get("/account");
        account.then().statusCode(200).body(containsString("Change your password"));

        Response changed = formPost(
                here,
                account,
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.header("Location")).endsWith("/account#security");
        Map<String, String> kept = merged(here, changed);
        given().cookies(kept)
                .get("/account")
                .then()
                .statusCode(200)
                .body(containsString("Your password is changed. Every other device was logged out"));
        assertThat(redirect(elsewhere, "/history")).endsWith("/login?ended");
        api(user.token()).get("/api/auth/me").then().statusCode(401);
        login(user.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aRefusedPasswordChangeShowsItsErrorsBesideTheFields() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);

        Response wrong = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/password",
                Map.of("currentPassword", "wrong horse", "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        wrong.then().statusCode(200).body(containsString("That is not your current password."));
        Response weak = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "password", "confirmPassword", "password"));
        weak.then().statusCode(200).body(containsString("Is too easy to guess: this is a top-10 common password."));
        // beside the new password's field, in the change-password form
        String html = weak.asString();
        assertThat(html.substring(html.indexOf("id=\"newPassword\""), html.indexOf("id=\"confirmPassword\"")))
                .contains("Is too easy to guess: this is a top-10 common password.");
        Response mismatch = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword", "other"));
        mismatch.then().statusCode(200).body(containsString("The two new passwords do not match."));

        login(user.email(), PASSWORD).then().statusCode(200);
        given().cookies(session).get("/account").then().statusCode(200);
    }

    @Test
    void theEmailIsChangedThroughTheLinkSentToTheNewAddress() {
        TestUser user = verifiedUser();
        TestUser other = verifiedUser();
        Map<String, String> session = webSession(user);

        Response taken = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/email",
                Map.of("newEmail", other.email(), "password", PASSWORD));
        taken.then().statusCode(200).body(containsString("Another account uses this address."));
        String wanted = newEmail();
        Response asked = formPost(
                session,
                given().cookies(session).get("/account"),
                "/account/email",
                Map.of("newEmail", wanted, "password", PASSWORD));
        assertThat(asked.header("Location")).endsWith("/account#security");
        given().cookies(session).get("/account").then().body(containsString("We sent a link to " + wanted));

        String token = Mailbox.linkToken(wanted, 1, "/confirm-email-change");
        Response link = given().get("/confirm-email-change?token=" + token);
        link.then()
                .statusCode(200)
                .body(containsString("Confirm your new email"))
                .body(containsString(wanted));
        // opening the link changes nothing; the button does
        login(user.email(), PASSWORD).then().statusCode(200);
        Response confirmed = formPost(link.cookies(), link, "/confirm-email-change", Map.of("token", token));
        confirmed.then().statusCode(200).body(containsString("Your email is changed"));
        login(wanted, PASSWORD).then().statusCode(200);
        // this browser stays logged in, under the new address
        given().cookies(session).get("/account").then().statusCode(200).body(containsString(wanted));
        given().get("/confirm-email-change?token=" + token).then().body(containsString("This link no longer works"));
    }

    @Test
    void loggingOutEverywhereEndsThisSessionAndEveryOther() {
        TestUser user = verifiedUser();
        Map<String, String> here = webSession(user);
        Map<String, String> elsewhere = webSession(user);

        Response out = formPost(here, given().cookies(here).get("/account"), "/account/logout-all", Map.of());

        assertThat(out.header("Location")).endsWith("/login?everywhere");
        given().get("/login?everywhere").then().body(containsString("You are logged out on every device."));
        assertThat(redirect(here, "/account")).endsWith("/login");
        assertThat(redirect(elsewhere, "/generate")).endsWith("/login?ended");
        given().get("/login?ended").then().body(containsString("You were logged out on this device"));
        api(user.token()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aForgottenPasswordIsResetFromTheLinkWithErrorsBesideTheFields() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        given().get("/login").then().body(containsString("href=\"/forgot-password\""));
        Response form = given().get("/forgot-password");
        Map<String, String> anonymous = new HashMap<>(form.cookies());

        formPost(anonymous, form, "/forgot-password", Map.of("email", "nonsense"))
                .then()
                .statusCode(200)
                .body(containsString("Must be a valid email address."));
        Response sent = formPost(anonymous, form, "/forgot-password", Map.of("email", user.email()));
        assertThat(sent.header("Location")).endsWith("/forgot-password");
        anonymous.putAll(sent.cookies()); // the session starts with what it carries to the next page
        given().cookies(anonymous)
                .get("/forgot-password")
                .then()
                .body(containsString("has an account, a link to choose a new password is on"));

        String token = Mailbox.linkToken(user.email(), 1, "/reset-password");
        Response choose = given().get("/reset-password?token=" + token);
        choose.then().statusCode(200).body(containsString("Choose a new password"));
        formPost(
                        choose.cookies(),
                        choose,
                        "/reset-password",
                        Map.of("token", token, "password", "12345678", "confirmPassword", "12345678"))
                .then()
                .statusCode(200)
                .body(containsString("Is too easy to guess: this is a top-10 common password."));
        Response done = formPost(
                choose.cookies(),
                choose,
                "/reset-password",
                Map.of("token", token, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(done.header("Location")).endsWith("/login?password-reset");
        given().get("/login?password-reset").then().body(containsString("Log in with your new password."));
        assertThat(redirect(session, "/account")).endsWith("/login?ended");
        given().get("/reset-password?token=" + token).then().body(containsString("This link no longer works"));
        login(user.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void anExpiredResetLinkSaysSo() {
        TestUser user = verifiedUser();
        Response form = given().get("/forgot-password");
        formPost(form.cookies(), form, "/forgot-password", Map.of("email", user.email()))
                .then()
                .statusCode(302);
        String token = Mailbox.linkToken(user.email(), 1, "/reset-password");

        clock.advance(Duration.ofHours(1));

        given().get("/reset-password?token=" + token)
                .then()
                .statusCode(200)
                .body(containsString("This link has expired"))
                .body(not(containsString("Set the new password")));
    }

    @Test
    void anAdminSuspendsAndReactivatesFromTheUserPage() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        Map<String, String> adminSession = webSession(admin);
        Map<String, String> userSession = webSession(user);
        Response page = given().cookies(adminSession).get("/admin/users/" + user.id());
        page.then().statusCode(200).body(containsString("Suspend the account"));

        Response suspended = formPost(
                adminSession, page, "/admin/users/" + user.id() + "/suspend", Map.of("reason", "Spam designs"));

        assertThat(suspended.header("Location")).endsWith("/admin/users/" + user.id());
        Response after = given().cookies(adminSession).get("/admin/users/" + user.id());
        after.then()
                .body(containsString("Account suspended"))
                .body(containsString("Suspended since"))
                .body(containsString("Spam designs"))
                .body(containsString("Reactivate the account"));
        assertThat(redirect(userSession, "/account")).endsWith("/login?ended");
        browserForm()
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login")
                .then()
                .body(containsString("This account is suspended."));

        formPost(adminSession, after, "/admin/users/" + user.id() + "/reactivate", Map.of("reason", ""));
        given().cookies(adminSession)
                .get("/admin/users/" + user.id())
                .then()
                .body(containsString("The reason must say why"));
        formPost(adminSession, after, "/admin/users/" + user.id() + "/reactivate", Map.of("reason", "Appeal upheld"));
        login(user.email(), PASSWORD).then().statusCode(200);
    }

    private static String redirect(Map<String, String> session, String path) {
        Response response = given().redirects().follow(false).cookies(session).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        return response.header("Location");
    }

    private static Map<String, String> merged(Map<String, String> cookies, Response response) {
        Map<String, String> all = new HashMap<>(cookies);
        all.putAll(response.cookies());
        return all;
    }
}
