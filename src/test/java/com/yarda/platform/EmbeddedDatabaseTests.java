package com.yarda.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.YardaApplication;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default setup of {@code ./mvnw spring-boot:run}: no datasource configured, PostgreSQL in the data dir. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void startsDurableLocalOnlyPostgresInTheDataDirectoryAndKeepsDataAcrossRestarts() {
        String email = "restart@example.com";
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(Path.of(setting(jdbc, "data_directory")).toAbsolutePath())
                    .isEqualTo(dataDir.resolve("postgres").toAbsolutePath());
            given().port(port(first))
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + email + "\",\"password\":\"long enough\"}")
                    .post("/api/auth/register")
                    .then()
                    .statusCode(201);
        }
        assertThat(Files.exists(dataDir.resolve("jwt-signing.key"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            given().port(port(second))
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + email + "\",\"password\":\"long enough\"}")
                    .post("/api/auth/login")
                    .then()
                    .statusCode(200);
            // without a mail server the verification email went to the log and stays in the outbox
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Awaitility.await()
                    .untilAsserted(
                            () -> assertThat(jdbc.sql("SELECT delivered_via FROM mail_outbox WHERE recipient = :email")
                                            .param("email", email)
                                            .query(String.class)
                                            .list())
                                    .containsExactly("log"));
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledServiceIsStoppedAndTheDataDirectoryReused() throws Exception {
        // what kill -9 of the service leaves behind: its PostgreSQL, still running on the data directory
        Process service = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServiceThatDies.class.getName(),
                        dataDir.resolve("postgres").toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new BufferedReader(new InputStreamReader(service.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains("postgres started")) {
                // zonky's start-up output
            }
        }
        service.destroyForcibly().waitFor();
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            given().port(port(restarted)).get("/health").then().statusCode(200);
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(YardaApplication.class)
                .run("--server.port=0", "--yarda.data-dir=" + dataDir, "--yarda.mail.poll-interval=100ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting(:name)")
                .param("name", name)
                .query(String.class)
                .single();
    }
}
