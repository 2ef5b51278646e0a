package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The web app's session and CSRF protection, seen from outside. */
class WebSecurityTests extends IntegrationTest {

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        TestUser user = verifiedUser();
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login")
                .then()
                .statusCode(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        TestUser user = verifiedUser();
        Response loginPage = given().get("/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.asString());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1);

        Response login = given().redirects()
                .follow(false)
                .cookies(loginPage.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf)
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/generate");
        String cookie = login.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(WebSecurityConfiguration.SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // the login page starts no session (so none can be fixed on a victim); the login starts a new one
        assertThat(loginPage.cookie(WebSecurityConfiguration.SESSION_COOKIE)).isNull();
    }

    @Test
    void anUnverifiedRegistrantOfAnAdminAddressFindsNoAdminPages() {
        TestUser impostor = unverifiedAdminAddressUser();
        Response login = browserForm()
                .formParam("email", impostor.email())
                .formParam("password", PASSWORD)
                .post("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> session = login.cookies();

        Response generate = given().cookies(session).get("/generate");
        assertThat(generate.statusCode()).isEqualTo(200);
        assertThat(generate.asString()).doesNotContain("href=\"/admin\"");
        for (String path : List.of("/admin", "/admin/users", "/admin/audit", "/admin/users/" + impostor.id())) {
            Response page = given().cookies(session).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.asString()).as(path).contains("We could not find that page");
        }
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(generate.asString());
        assertThat(csrf.find()).isTrue();
        Response grant = given().redirects()
                .follow(false)
                .cookies(session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1))
                .formParam("creditType", "token")
                .formParam("amount", "1000")
                .formParam("reason", "Mine now")
                .post("/admin/users/" + impostor.id() + "/adjustments");
        assertThat(grant.statusCode()).isEqualTo(404);
        api(impostor.token()).get("/api/credits/balance").then().body("token_balance", Matchers.equalTo(0));
    }

    @Test
    void behindAnHttpsProxyAnswersSendHstsAndRedirectToHttps() {
        Response viaProxy = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "yarda.example.com")
                .header("X-Forwarded-For", newClientAddress())
                .get("/history");

        assertThat(viaProxy.statusCode()).isEqualTo(302);
        assertThat(viaProxy.header("Location")).isEqualTo("https://yarda.example.com/login");
        assertThat(viaProxy.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(given().header("X-Forwarded-Proto", "https")
                        .get("/api/credits/packs")
                        .header("Strict-Transport-Security"))
                .contains("max-age=");
        // over plain http no HSTS: browsers would ignore it, and it must not pin a host that has no https
        assertThat(given().redirects().follow(false).get("/history").header("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void pagesOfUsersRedirectAnonymousVisitorsToTheLogin() {
        for (String path : WebSecurityConfiguration.USER_PAGES) {
            String concrete = path.replace("/**", "/00000000-0000-0000-0000-000000000000");
            Response response = given().redirects().follow(false).get(concrete);
            assertThat(response.statusCode()).as(concrete).isEqualTo(302);
            assertThat(response.header("Location")).as(concrete).endsWith("/login");
        }
    }
}
