package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.yarda.YardaApplication;
import com.yarda.test.IntegrationTest;
import com.yarda.test.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Browser sessions live in PostgreSQL: another instance (or this one after a restart) knows them. Only a login starts
 * one: anonymous page views write nothing.
 */
class WebSessionTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void anonymousPageViewsStartNoSession() {
        long before = sessionRows();
        for (String path : List.of("/", "/login", "/register", "/forgot", "/history", "/generate")) {
            Response page = given().redirects().follow(false).get(path);
            assertThat(page.statusCode()).as(path).isIn(200, 302, 404);
            assertThat(page.cookies()).as(path).doesNotContainKey(WebSecurityConfiguration.SESSION_COOKIE);
        }
        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void afterLoginTheVisitorGoesBackToThePageTheyAskedFor() {
        TestUser user = verifiedUser();
        Response asked = given().redirects().follow(false).get("/history?status=completed");
        assertThat(asked.header("Location")).endsWith("/login");
        assertThat(asked.cookies()).doesNotContainKey(WebSecurityConfiguration.SESSION_COOKIE);

        Response login = browserForm()
                .cookies(asked.cookies())
                .formParam("email", user.email())
                .formParam("password", "correct horse")
                .post("/login");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/history?status=completed");
    }

    @Test
    void aForgedReturnAddressLeadsNowhereElse() {
        TestUser user = verifiedUser();
        for (String forged : List.of("https://elsewhere.example/phish?x=12", "//elsewhere.example/phish")) {
            Response login = browserForm()
                    .cookie("REDIRECT_URI", Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)))
                    .formParam("email", user.email())
                    .formParam("password", "correct horse")
                    .post("/login");

            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.header("Location"))
                    .as(forged)
                    .startsWith("http://127.0.0.1:" + RestAssured.port + "/")
                    .endsWith("/generate");
        }
    }

    private long sessionRows() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }

    @Test
    void aLoggedInBrowserStaysLoggedInOnAnotherInstance() {
        TestUser user = verifiedUser();
        Response login = browserForm()
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> cookies = login.cookies();
        assertThat(cookies).containsKey(WebSecurityConfiguration.SESSION_COOKIE);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :user")
                        .param("user", user.id().toString())
                        .query(Long.class)
                        .single())
                .isOne();

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.public-url=" + PUBLIC_URL,
                        "--yarda.worker.enabled=false")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();

            given().port(otherPort)
                    .redirects()
                    .follow(false)
                    .cookies(cookies)
                    .get("/account")
                    .then()
                    .statusCode(200)
                    .body(containsString(user.email()));
        }
    }
}
