package com.yarda.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.YardaApplication;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service on a database of its own, which this test stops. */
class DatabaseOutageTests {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(YardaApplication.class)
                // command-line arguments: they outrank application.yaml, as they would in production
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--yarda.data-dir=" + Files.createTempDirectory("yarda-outage"));
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        postgres.close();
    }

    @Test
    void healthGoes503AndRequestsAnswerUnavailableWhenTheDatabaseStops() throws Exception {
        given().port(port).get("/health").then().statusCode(200).body("database", equalTo("up"));
        String account = "{\"email\":\"outage-user@example.com\",\"password\":\"correct horse\"}";
        given().port(port)
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        String token = given().port(port)
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE users SET email_verified_at = now()");
        }
        String apiKey = given().port(port)
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Outage\"}")
                .post("/api/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");

        postgres.close();

        given().port(port)
                .get("/health")
                .then()
                .statusCode(503)
                .body("status", equalTo("unhealthy"))
                .body("database", equalTo("down"));
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"outage@example.com\",\"password\":\"long enough\"}")
                .post("/api/auth/register")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("error", equalTo("unavailable"));
        // a token is checked against the database before anything else: that too answers 503, not 500
        given().port(port)
                .header("Authorization", "Bearer " + token)
                .get("/api/credits/balance")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("error", equalTo("unavailable"));
        // so is an API key, looked up in the database on every request
        given().port(port)
                .header("Authorization", "Bearer " + apiKey)
                .get("/api/credits/balance")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("error", equalTo("unavailable"));
    }
}
