package com.yarda.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.YardaApplication;
import com.yarda.test.IntegrationTest;
import com.yarda.test.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** "Log out everywhere" ends every bearer token and browser session of the account at once, on every instance. */
class LogoutEverywhereTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void endsTokensAndSessionsAtOnceOnThisAndAnotherInstance() {
        TestUser user = verifiedUser();
        String otherToken = login(user.email(), PASSWORD).path("access_token");
        Map<String, String> browser = webSession(user);
        TestUser bystander = verifiedUser();

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.public-url=" + PUBLIC_URL,
                        "--yarda.worker.enabled=false")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            // both instances know the token and the session (one signing key, one database)
            api(otherToken).port(otherPort).get("/api/auth/me").then().statusCode(200);
            given().port(otherPort)
                    .redirects()
                    .follow(false)
                    .cookies(browser)
                    .get("/account")
                    .then()
                    .statusCode(200)
                    .body(containsString(user.email()));

            api(user.token()).post("/api/auth/logout-all").then().statusCode(204);

            for (int instance : new int[] {port, otherPort}) {
                for (String token : new String[] {user.token(), otherToken}) {
                    api(token)
                            .port(instance)
                            .get("/api/auth/me")
                            .then()
                            .statusCode(401)
                            .body("error", equalTo("unauthenticated"));
                }
            }
            given().port(otherPort)
                    .redirects()
                    .follow(false)
                    .cookies(browser)
                    .get("/account")
                    .then()
                    .statusCode(302)
                    .header("Location", endsWith("/login?ended"));
            // the session is gone, not only refused: this instance finds none either
            given().redirects()
                    .follow(false)
                    .cookies(browser)
                    .get("/account")
                    .then()
                    .statusCode(302)
                    .header("Location", endsWith("/login"));
            // a new login works, and nobody else was logged out
            String fresh = login(user.email(), PASSWORD).path("access_token");
            api(fresh).port(otherPort).get("/api/auth/me").then().statusCode(200);
            api(bystander.token()).port(otherPort).get("/api/auth/me").then().statusCode(200);
        }
    }

    @Test
    void needsAToken() {
        api().post("/api/auth/logout-all").then().statusCode(401).body("error", equalTo("unauthenticated"));
    }
}
