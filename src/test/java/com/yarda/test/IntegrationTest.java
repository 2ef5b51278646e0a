package com.yarda.test;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application on a random port, against the shared test PostgreSQL and the test SMTP server. Every
 * subclass shares one application context; tests isolate by creating their own users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PUBLIC_URL = "http://yarda.test";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
        registry.add("yarda.public-url", () -> PUBLIC_URL);
        Path dataDir = Files.createTempDirectory("yarda-test-data");
        registry.add("yarda.data-dir", dataDir::toString);
        // deliveries are woken by commits; the poll only matters for retries, which tests drive themselves
        registry.add("yarda.mail.poll-interval", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void pointRestAssuredAtTheApp() {
        RestAssured.port = port;
        RestAssured.baseURI = "http://127.0.0.1";
    }

    /** A fresh, unused email address. */
    protected static String newEmail() {
        return "user" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    protected static RequestSpecification api() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification api(String accessToken) {
        return api().header("Authorization", "Bearer " + accessToken);
    }

    protected static Response register(String email, String password) {
        return api().body(json(Map.of("email", email, "password", password))).post("/api/auth/register");
    }

    protected static Response login(String email, String password) {
        return api().body(json(Map.of("email", email, "password", password))).post("/api/auth/login");
    }

    /** Registers {@code email} and returns an access token for it (the email stays unverified). */
    protected static String registerAndLogin(String email) {
        register(email, "correct horse").then().statusCode(201);
        return login(email, "correct horse").then().statusCode(200).extract().path("access_token");
    }

    /** The clock every component of the application reads. */
    protected Clock clock() {
        return clock;
    }
}
