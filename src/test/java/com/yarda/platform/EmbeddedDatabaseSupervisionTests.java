package com.yarda.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.YardaApplication;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL killed under a running service (each test on a data directory of its own): requests
 * answer 503 within about one connection timeout meanwhile, and the service carries on once its supervisor has
 * started PostgreSQL again, or stops when it cannot.
 */
class EmbeddedDatabaseSupervisionTests {

    // spring.datasource.hikari.connection-timeout: 3 s in application.yaml, 1 s here for a shorter outage to watch
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    // one connection timeout, and what answering takes on a busy machine; two would be past it
    private static final Duration WITHIN_ONE_TIMEOUT = CONNECTION_TIMEOUT.plusMillis(2500);

    @TempDir
    Path dataDir;

    @Test
    void aKilledPostgresRunsAgainOnItsPortWithItsDataAndRequestsAnswer503Meanwhile() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--yarda.data-dir=" + dataDir,
                        "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT.toMillis(),
                        // long enough to see the outage from outside: the four requests below are over within 11.5 s
                        // (each fails its own time limit otherwise), before PostgreSQL is even started again
                        "--yarda.embedded-database.restart-delay=12s")) {
            int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            EmbeddedDatabase database = service.getBean(EmbeddedDatabase.class);
            int databasePort = database.port();
            long postmaster = database.postmasterPid();
            String body = "{\"email\":\"supervised@example.com\",\"password\":\"long enough\"}";
            given().port(port)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/auth/register")
                    .then()
                    .statusCode(201);
            String token = given().port(port)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/auth/login")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            Map<String, String> browser = browserLogin(port, "supervised@example.com");
            given().port(port).cookies(browser).get("/history").then().statusCode(200);

            ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().join();

            timed(() -> given().port(port)
                    .header("Authorization", "Bearer " + token)
                    .get("/api/credits/balance")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("error", equalTo("unavailable")));
            // an anonymous page with a form starts no session (its CSRF token is a cookie): no database needed
            timed(() -> given().port(port)
                    .accept(ContentType.HTML)
                    .get("/login")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.HTML));
            // a logged-in browser, whose session is in the database
            timed(() -> given().port(port)
                    .accept(ContentType.HTML)
                    .cookies(browser)
                    .redirects()
                    .follow(false)
                    .get("/history")
                    .then()
                    .statusCode(503)
                    .contentType(ContentType.HTML)
                    .body(containsString("Yarda is unavailable for a moment")));
            // the start page of a visitor needs no database at all
            long started = System.nanoTime();
            given().port(port)
                    .accept(ContentType.HTML)
                    .get("/")
                    .then()
                    .statusCode(200)
                    .header("Set-Cookie", nullValue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECTION_TIMEOUT);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> given().port(port).get("/health").then().statusCode(200));
            assertThat(database.port()).isEqualTo(databasePort);
            assertThat(database.postmasterPid()).isNotEqualTo(postmaster);
            // what was written before the kill: the account, and the browser's session
            given().port(port)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/auth/login")
                    .then()
                    .statusCode(200);
            given().port(port)
                    .header("Authorization", "Bearer " + token)
                    .get("/api/credits/balance")
                    .then()
                    .statusCode(200);
            given().port(port)
                    .accept(ContentType.HTML)
                    .cookies(browser)
                    .redirects()
                    .follow(false)
                    .get("/history")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void theServiceStopsWithExitStatus1WhenItsPostgresCannotBeStartedAgain() throws Exception {
        Path log = dataDir.resolve("service.log");
        Process service = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        YardaApplication.class.getName(),
                        "--server.port=0",
                        "--yarda.data-dir=" + dataDir,
                        "--yarda.embedded-database.restart-delay=100ms",
                        "--yarda.embedded-database.restart-attempts=2")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> !service.isAlive() || Files.readString(log).contains("Started YardaApplication"));
            assertThat(service.isAlive()).as("the service started").isTrue();
            // a data directory PostgreSQL can no longer start on, as after a damaged disk
            Files.delete(dataDir.resolve("postgres/postgresql.conf"));
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            assertThat(service.waitFor(2, TimeUnit.MINUTES))
                    .as("the service stopped")
                    .isTrue();
            String output = Files.readString(log);
            assertThat(service.exitValue())
                    .as("the exit status, after this log:%n%s", output.substring(Math.max(0, output.length() - 6000)))
                    .isEqualTo(1);
            assertThat(Files.readString(log)).contains("could not be started again in 2 attempts");
        } finally {
            service.destroyForcibly();
        }
    }

    private static void timed(Runnable request) {
        long started = System.nanoTime();
        request.run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN_ONE_TIMEOUT);
    }

    /** The cookies of a browser logged in through the login form. */
    private static Map<String, String> browserLogin(int port, String email) {
        Response page = given().port(port).get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(csrf.find()).isTrue();
        Response login = given().port(port)
                .redirects()
                .follow(false)
                .cookies(page.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1))
                .formParam("email", email)
                .formParam("password", "long enough")
                .post("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        return login.cookies();
    }
}
