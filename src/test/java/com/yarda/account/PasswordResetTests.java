package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import com.yarda.test.TestMailServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forgot your password: a link by email, a new password, and every token and session of the account ends. */
class PasswordResetTests extends IntegrationTest {

    static final String NEW_PASSWORD = "a fresh garden path";

    @Test
    void aResetByEmailEndsEveryTokenAndSessionAndTheNewPasswordLogsIn() throws Exception {
        TestUser user = verifiedUser();
        String secondDevice = login(user.email(), PASSWORD).path("access_token");
        Map<String, String> browser = webSession(user);

        forgot(user.email()).then().statusCode(202).body("message", containsString("If this address has an account"));
        MimeMessage mail = Mailbox.awaitMessage(user.email(), "Choose a new password for Yarda");
        assertThat(Mailbox.text(mail)).contains("valid for 1 hour").contains("logs you out on every device");
        String token = Mailbox.linkToken(user.email(), 1, "/reset-password");

        reset(token, NEW_PASSWORD).then().statusCode(200).body("message", containsString("every device"));

        for (String ended : new String[] {user.token(), secondDevice}) {
            api(ended).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        }
        RestAssured.given()
                .redirects()
                .follow(false)
                .cookies(browser)
                .get("/account")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/login?ended"));
        login(user.email(), PASSWORD).then().statusCode(401).body("error", equalTo("invalid_credentials"));
        String fresh = login(user.email(), NEW_PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        api(fresh)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(user.id().toString()));
        MimeMessage told = Mailbox.awaitMessage(user.email(), "Your Yarda password was changed");
        assertThat(Mailbox.text(told))
                .contains("every device that was logged in has been logged out")
                .contains(PUBLIC_URL + "/forgot-password");
    }

    @Test
    void aLinkWorksOnceAndANewerOneReplacesTheOlder() {
        TestUser user = verifiedUser();
        forgot(user.email()).then().statusCode(202);
        String first = Mailbox.linkToken(user.email(), 1, "/reset-password");
        clock.advance(Duration.ofSeconds(60));
        forgot(user.email()).then().statusCode(202);
        String second = Mailbox.linkToken(user.email(), 2, "/reset-password");

        reset(first, NEW_PASSWORD).then().statusCode(422).body("error", equalTo("invalid_token"));
        reset(second, NEW_PASSWORD).then().statusCode(200);
        reset(second, "yet another garden path").then().statusCode(422).body("error", equalTo("invalid_token"));
        login(user.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aLinkExpiresAfterOneHour() {
        TestUser early = verifiedUser();
        TestUser late = verifiedUser();
        forgot(early.email()).then().statusCode(202);
        forgot(late.email()).then().statusCode(202);
        String earlyToken = Mailbox.linkToken(early.email(), 1, "/reset-password");
        String lateToken = Mailbox.linkToken(late.email(), 1, "/reset-password");

        clock.advance(Duration.ofMinutes(59));
        reset(earlyToken, NEW_PASSWORD).then().statusCode(200);

        clock.advance(Duration.ofMinutes(1));
        reset(lateToken, NEW_PASSWORD).then().statusCode(422).body("error", equalTo("token_expired"));
        login(late.email(), PASSWORD).then().statusCode(200);
        api(late.token()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
        TestUser user = verifiedUser();
        String unknown = newEmail();

        Response known = forgot(user.email());
        Response stranger = forgot(unknown);

        known.then().statusCode(202);
        stranger.then().statusCode(202);
        assertThat(stranger.asString()).isEqualTo(known.asString());
        Mailbox.awaitOutboxEmpty(jdbc);
        assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
        assertThat(TestMailServer.messagesTo(user.email())).hasSize(2);
        forgot("not an address").then().statusCode(422).body("errors[0].field", equalTo("email"));
    }

    @Test
    void atMostOneEmailPerAddressPerMinute() {
        TestUser user = verifiedUser();
        forgot(user.email()).then().statusCode(202);
        clock.advance(Duration.ofSeconds(59));
        forgot(user.email()).then().statusCode(202);

        Mailbox.awaitOutboxEmpty(jdbc);
        assertThat(TestMailServer.messagesTo(user.email())).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        forgot(user.email()).then().statusCode(202);
        Mailbox.awaitMessages(user.email(), 3);
    }

    @Test
    void aWeakPasswordIsRefusedSayingWhyAndTheLinkStillWorks() {
        TestUser user = verifiedUser();
        forgot(user.email()).then().statusCode(202);
        String token = Mailbox.linkToken(user.email(), 1, "/reset-password");

        reset(token, "password")
                .then()
                .statusCode(422)
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("is too easy to guess: this is a top-10 common password"));
        reset(token, user.email())
                .then()
                .statusCode(422)
                .body("errors[0].message", equalTo("must not be your email address"));
        api(user.token()).get("/api/auth/me").then().statusCode(200);

        reset(token, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void followingTheLinkVerifiesTheEmail() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        forgot(email).then().statusCode(202);

        reset(Mailbox.linkToken(email, 1, "/reset-password"), NEW_PASSWORD)
                .then()
                .statusCode(200);

        String token = login(email, NEW_PASSWORD).path("access_token");
        api(token).get("/api/auth/me").then().body("email_verified", is(true));
    }

    static Response forgot(String email) {
        return api().body(json(Map.of("email", email))).post("/api/auth/forgot-password");
    }

    static Response reset(String token, String password) {
        return api().body(json(Map.of("token", token, "password", password))).post("/api/auth/reset-password");
    }
}
