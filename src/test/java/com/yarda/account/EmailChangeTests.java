package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import com.yarda.test.TestMailServer;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change of email: a link to the new address, a notice to the old one, and the change only when the link is
 * followed.
 */
class EmailChangeTests extends IntegrationTest {

    @Test
    void theNewAddressConfirmsTheChangeAndTheOldOneWorksUntilThen() throws Exception {
        TestUser user = verifiedUser();
        String newEmail = newEmail();

        changeEmail(user, PASSWORD, newEmail)
                .then()
                .statusCode(202)
                .body("message", containsString("Follow the link we sent to the new address"));

        MimeMessage link = Mailbox.awaitMessages(newEmail, 1).getFirst();
        assertThat(link.getSubject()).isEqualTo("Confirm your new email for Yarda");
        MimeMessage notice = Mailbox.awaitMessage(user.email(), "Your Yarda email is being changed");
        assertThat(Mailbox.text(notice)).contains(newEmail).contains(PUBLIC_URL + "/forgot-password");
        // nothing changed yet
        login(user.email(), PASSWORD).then().statusCode(200);
        login(newEmail, PASSWORD).then().statusCode(401);
        api(user.token()).get("/api/auth/me").then().body("email", equalTo(user.email()));

        confirm(Mailbox.linkToken(newEmail, 1, "/confirm-email-change"))
                .then()
                .statusCode(200)
                .body("message", containsString(newEmail));

        api(user.token())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(newEmail))
                .body("email_verified", is(true));
        login(newEmail, PASSWORD).then().statusCode(200);
        login(user.email(), PASSWORD).then().statusCode(401);
        // the old address is free for a new account (without a second free trial: its mailbox had it)
        register(user.email(), PASSWORD).then().statusCode(201).body("trial_credits", equalTo(0));
    }

    @Test
    void anAddressOfAnotherAccountIsRefusedAndNothingIsSent() {
        TestUser user = verifiedUser();
        TestUser other = verifiedUser();

        changeEmail(user, PASSWORD, other.email().toUpperCase())
                .then()
                .statusCode(409)
                .body("error", equalTo("email_taken"));
        changeEmail(user, PASSWORD, user.email()).then().statusCode(422).body("errors[0].field", equalTo("new_email"));
        changeEmail(user, PASSWORD, "not an address")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("new_email"));
        changeEmail(user, "wrong horse", newEmail())
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_credentials"));

        Mailbox.awaitOutboxEmpty(jdbc);
        assertThat(TestMailServer.messagesTo(user.email())).hasSize(1);
        assertThat(TestMailServer.messagesTo(other.email())).hasSize(1);
    }

    @Test
    void anAddressTakenBeforeTheLinkIsFollowedStaysWithItsAccount() {
        TestUser user = verifiedUser();
        String wanted = newEmail();
        changeEmail(user, PASSWORD, wanted).then().statusCode(202);
        String token = Mailbox.linkToken(wanted, 1, "/confirm-email-change");

        register(wanted, PASSWORD).then().statusCode(201);

        confirm(token).then().statusCode(409).body("error", equalTo("email_taken"));
        api(user.token()).get("/api/auth/me").then().body("email", equalTo(user.email()));
    }

    @Test
    void aLinkWorksOnceForAnHourAndANewerRequestReplacesIt() {
        TestUser user = verifiedUser();
        String first = newEmail();
        String second = newEmail();
        changeEmail(user, PASSWORD, first).then().statusCode(202);
        changeEmail(user, PASSWORD, second).then().statusCode(202);
        String firstToken = Mailbox.linkToken(first, 1, "/confirm-email-change");
        String secondToken = Mailbox.linkToken(second, 1, "/confirm-email-change");

        confirm(firstToken).then().statusCode(422).body("error", equalTo("invalid_token"));
        clock.advance(Duration.ofMinutes(59));
        confirm(secondToken).then().statusCode(200);
        confirm(secondToken).then().statusCode(422).body("error", equalTo("invalid_token"));

        TestUser late = verifiedUser();
        String lateEmail = newEmail();
        changeEmail(late, PASSWORD, lateEmail).then().statusCode(202);
        clock.advance(Duration.ofHours(1));
        confirm(Mailbox.linkToken(lateEmail, 1, "/confirm-email-change"))
                .then()
                .statusCode(422)
                .body("error", equalTo("token_expired"));
        login(late.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void loggingOutEverywhereCancelsAPendingChange() {
        TestUser user = verifiedUser();
        String wanted = newEmail();
        changeEmail(user, PASSWORD, wanted).then().statusCode(202);
        String token = Mailbox.linkToken(wanted, 1, "/confirm-email-change");

        api(user.token()).post("/api/auth/logout-all").then().statusCode(204);

        confirm(token).then().statusCode(422).body("error", equalTo("invalid_token"));
        login(user.email(), PASSWORD).then().statusCode(200);
        login(wanted, PASSWORD).then().statusCode(401);
    }

    @Test
    void changingTheEmailNeverGrantsTrialCredits() {
        // an account whose mailbox had its trial with an earlier account: it starts with none
        TestUser first = verifiedUser();
        String plusTagged = first.email().replace("@", "+again@");
        register(plusTagged, PASSWORD).then().statusCode(201).body("trial_credits", equalTo(0));
        String token = login(plusTagged, PASSWORD).path("access_token");
        String fresh = newEmail();

        api(token)
                .body(json(Map.of("password", PASSWORD, "new_email", fresh)))
                .post("/api/auth/change-email")
                .then()
                .statusCode(202);
        confirm(Mailbox.linkToken(fresh, 1, "/confirm-email-change")).then().statusCode(200);

        api(token)
                .get("/api/auth/me")
                .then()
                .body("email", equalTo(fresh))
                .body("trial_credits", equalTo(0))
                .body("token_balance", equalTo(0));
        List<String> kinds =
                jdbc.sql("""
                        SELECT l.kind FROM credit_ledger l JOIN users u ON u.id = l.user_id WHERE u.email = :email
                        """).param("email", fresh).query(String.class).list();
        assertThat(kinds).isEmpty();
        assertLedgerMatchesBalances();
    }

    static Response changeEmail(TestUser user, String password, String newEmail) {
        return api(user.token())
                .body(json(Map.of("password", password, "new_email", newEmail)))
                .post("/api/auth/change-email");
    }

    static Response confirm(String token) {
        return api().body(json(Map.of("token", token))).post("/api/auth/confirm-email-change");
    }
}
