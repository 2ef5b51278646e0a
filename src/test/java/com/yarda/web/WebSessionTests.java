package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.yarda.YardaApplication;
import com.yarda.test.IntegrationTest;
import com.yarda.test.TestDatabase;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Browser sessions live in PostgreSQL: another instance (or this one after a restart) knows them. */
class WebSessionTests extends IntegrationTest {

    @Autowired
    Environment environment;

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
