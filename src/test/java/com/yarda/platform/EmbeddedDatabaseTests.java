package com.yarda.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.YardaApplication;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The default setup of {@code ./mvnw spring-boot:run}: no datasource configured, PostgreSQL in the data dir. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void startsDurableLocalOnlyPostgresInTheDataDirectoryAndKeepsDataAcrossRestarts() throws Exception {
        String email = "restart@example.com";
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
            try (Connection superuser = superuser(first)) {
                // only a superuser may read where the data is
                assertThat(setting(jdbcOf(superuser), "data_directory"))
                        .isEqualTo(dataDir.resolve("postgres").toAbsolutePath().toString());
            }
            register(first, email);
        }
        assertThat(Files.exists(dataDir.resolve("jwt-signing.key"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            login(second, email);
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
    void everyLoginNeedsItsPasswordKeptOwnerOnlyAndTheServiceIsNoSuperuser() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            String url = service.getBean(EmbeddedDatabase.class).jdbcUrl();
            for (String role : List.of("postgres", "yarda")) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, role, null))
                        .as("%s without a password", role)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("no password was provided");
                assertThatThrownBy(() -> DriverManager.getConnection(url, role, "not the password"))
                        .as("%s with a wrong password", role)
                        .isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("SQLState", "28P01"); // invalid_password
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile(role))))
                        .isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres"))))
                    .isEqualTo("rwx------");
            assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")).stream()
                            .filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .containsExactly("host    all    all    127.0.0.1/32    scram-sha-256");

            JdbcClient app = service.getBean(JdbcClient.class);
            assertThat(app.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("yarda");
            try (Connection superuser = superuser(service)) {
                assertThat(setting(jdbcOf(superuser), "unix_socket_directories"))
                        .isEmpty();
            }
            assertThat(setting(app, "password_encryption")).isEqualTo("scram-sha-256");
            // what a superuser could do, and the service cannot
            for (String sql : List.of(
                    "SELECT rolpassword FROM pg_authid",
                    "COPY (SELECT 1) TO PROGRAM 'true'",
                    "SELECT pg_read_file('PG_VERSION')")) {
                assertThatThrownBy(() -> app.sql(sql).query().listOfRows())
                        .as(sql)
                        .rootCause()
                        .hasFieldOrPropertyWithValue("SQLState", "42501"); // insufficient_privilege
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionThatTrustedEveryLocalUserGetsPasswordsAndKeepsItsData() throws Exception {
        String email = "earlier@example.com";
        Path postgresDirectory = dataDir.resolve("postgres");
        // what earlier versions ran: zonky's initdb, which trusts every connection, and the service as superuser
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(postgresDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
                ConfigurableApplicationContext service = new SpringApplicationBuilder(YardaApplication.class)
                        .run(
                                "--server.port=0",
                                "--yarda.data-dir=" + dataDir,
                                "--spring.datasource.url=" + earlier.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres")) {
            register(service, email);
        }
        assertThat(Files.readString(postgresDirectory.resolve("pg_hba.conf"))).contains("trust");
        assertThat(passwordFile("postgres")).doesNotExist();

        try (ConfigurableApplicationContext upgraded = start()) {
            login(upgraded, email);
            String url = upgraded.getBean(EmbeddedDatabase.class).jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(postgresDirectory.resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#].*trust");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile("postgres"))))
                    .isEqualTo("rw-------");
            // the tables the superuser made are the service's now, so that its next migrations can change them
            assertThat(upgraded.getBean(JdbcClient.class)
                            .sql(
                                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'yarda'")
                            .query(String.class)
                            .list())
                    .isEmpty();
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

    @Test
    void aServiceThatFailsToStartStopsThePostgresItStartedMeanwhile() {
        // PostgreSQL starts on its own thread while the context is built; this setting fails the context after that
        assertThatThrownBy(() -> new SpringApplicationBuilder(YardaApplication.class)
                        .run(
                                "--server.port=0",
                                "--yarda.data-dir=" + dataDir,
                                "--yarda.embedded-database.restart-attempts=0"))
                .hasStackTraceContaining("restartAttempts");

        assertThat(dataDir.resolve("postgres").resolve("postgresql.conf"))
                .as("PostgreSQL was started")
                .exists();
        assertThat(new PostgresDataDirectory(dataDir.resolve("postgres"), new SecureRandom()).postmaster())
                .as("and stopped again")
                .isEmpty();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(YardaApplication.class)
                .run("--server.port=0", "--yarda.data-dir=" + dataDir, "--yarda.mail.poll-interval=100ms");
    }

    private Path passwordFile(String role) {
        return dataDir.resolve("postgres").resolve(role + ".password");
    }

    private Connection superuser(ConfigurableApplicationContext service) throws Exception {
        return DriverManager.getConnection(
                service.getBean(EmbeddedDatabase.class).jdbcUrl(),
                "postgres",
                Files.readString(passwordFile("postgres")).strip());
    }

    private static JdbcClient jdbcOf(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    private static void register(ConfigurableApplicationContext service, String email) {
        given().port(port(service))
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"long enough\"}")
                .post("/api/auth/register")
                .then()
                .statusCode(201);
    }

    private static void login(ConfigurableApplicationContext service, String email) {
        given().port(port(service))
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"long enough\"}")
                .post("/api/auth/login")
                .then()
                .statusCode(200);
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
