package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing the password ends every other token and session; the caller goes on with a fresh token. */
class PasswordChangeTests extends IntegrationTest {

    static final String NEW_PASSWORD = "hedge maze 7";

    @Test
    void theOldTokensEndAndTheFreshOneWorks() throws Exception {
        TestUser user = verifiedUser();
        String otherDevice = login(user.email(), PASSWORD).path("access_token");

        Response changed = change(user.token(), PASSWORD, NEW_PASSWORD);

        changed.then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("access_token", notNullValue())
                .body("access_token", not(equalTo(user.token())))
                .body("user.id", equalTo(user.id().toString()));
        String fresh = changed.path("access_token");
        api(fresh).get("/api/auth/me").then().statusCode(200);
        api(fresh).get("/api/credits/balance").then().statusCode(200);
        for (String ended : new String[] {user.token(), otherDevice}) {
            api(ended).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
            // also where no handler asks who is calling
            api(ended).get("/api/styles").then().statusCode(401);
        }
        login(user.email(), PASSWORD).then().statusCode(401);
        login(user.email(), NEW_PASSWORD).then().statusCode(200);
        MimeMessage told = Mailbox.awaitMessage(user.email(), "Your Yarda password was changed");
        assertThat(Mailbox.text(told)).contains("every other device that was logged in has been logged out");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndThrottledLikeLogins() {
        TestUser user = verifiedUser();
        for (int i = 0; i < 5; i++) {
            change(user.token(), "wrong horse " + i, NEW_PASSWORD)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("error", equalTo("invalid_credentials"));
        }

        change(user.token(), PASSWORD, NEW_PASSWORD).then().statusCode(429).body("error", equalTo("rate_limited"));
        api(user.token()).get("/api/auth/me").then().statusCode(200);
        // the password did not change (asked from elsewhere: this client address is still slowed down)
        loginFrom(newClientAddress(), user.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void aWeakNewPasswordIsRefusedSayingWhyAndNothingChanges() {
        TestUser user = verifiedUser();

        change(user.token(), PASSWORD, "12345678")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("new_password"))
                .body("errors[0].message", equalTo("is too easy to guess: this is a top-10 common password"));
        change(user.token(), PASSWORD, user.email())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("new_password"))
                .body("errors[0].message", equalTo("must not be your email address"));
        change(user.token(), PASSWORD, "short").then().statusCode(422);

        api(user.token()).get("/api/auth/me").then().statusCode(200);
        login(user.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void needsATokenOfItsOwn() {
        api().body(json(Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD)))
                .post("/api/auth/change-password")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"));
    }

    static Response change(String token, String current, String replacement) {
        return api(token)
                .body(json(Map.of("current_password", current, "new_password", replacement)))
                .post("/api/auth/change-password");
    }
}
