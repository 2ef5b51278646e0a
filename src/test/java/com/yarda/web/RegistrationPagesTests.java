package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The register form tells people why they got no account, or no free credits, in words. */
class RegistrationPagesTests extends IntegrationTest {

    @Test
    void theRegisterFormSaysWhenTooManyAccountsCameFromOneAddress() {
        String address = newClientAddress();
        for (int i = 0; i < 10; i++) {
            registerFrom(address, newEmail(), PASSWORD).then().statusCode(201);
        }
        String email = newEmail();

        Response page = registerForm(address, email).answer();

        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString())
                .contains("Too many accounts were created from your network")
                .contains("value=\"" + email + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSecondAccountOfTheSameMailboxIsToldItHasNoFreeCredits() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        String tagged = email.replace("@", "+again@");

        Sent registered = registerForm(newClientAddress(), tagged);

        assertThat(registered.answer().statusCode()).isEqualTo(302);
        assertThat(registered.answer().header("Location")).endsWith("/check-email");
        String checkEmail =
                given().cookies(registered.session()).get("/check-email").asString();
        assertThat(checkEmail).contains(tagged).contains("free trial credits");

        Sent fresh = registerForm(newClientAddress(), newEmail());
        String freshPage = given().cookies(fresh.session()).get("/check-email").asString();
        assertThat(freshPage).contains("We sent a link to").doesNotContain("free trial credits");
    }

    private record Sent(Response answer, Map<String, String> session) {}

    /** The register form, loaded, filled in and sent by a browser at {@code address} (behind the tests' proxy). */
    private static Sent registerForm(String address, String email) {
        Response form = given().header("X-Forwarded-For", address).get("/register");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(csrf.find()).as("the register page carries a CSRF token").isTrue();
        Response answer = given().redirects()
                .follow(false)
                .cookies(form.cookies())
                .header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1))
                .formParam("email", email)
                .formParam("password", PASSWORD)
                .formParam("confirmPassword", PASSWORD)
                .post("/register");
        Map<String, String> cookies = new HashMap<>(form.cookies());
        cookies.putAll(answer.cookies()); // the session starts with the registration, not with the form
        return new Sent(answer, cookies);
    }
}
