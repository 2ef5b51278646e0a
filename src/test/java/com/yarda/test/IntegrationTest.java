package com.yarda.test;

import static io.restassured.RestAssured.given;

import com.yarda.designer.Designer;
import com.yarda.generation.LostCommits;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    public static final String PUBLIC_URL = "http://yarda.test";
    /** The one admin of the tests ({@code yarda.admin.emails}); {@link #adminUser()} logs in as them. */
    public static final String ADMIN_EMAIL = "operator@yarda.test";
    /**
     * Also listed in {@code yarda.admin.emails}, but nobody ever verifies it: whoever registers it must not become an
     * admin ({@link #unverifiedAdminAddressUser()}).
     */
    public static final String UNVERIFIED_ADMIN_EMAIL = "night-operator@yarda.test";

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
        // Tomcat's RemoteIpValve trusts 127.0.0.1 as a proxy: tests act as a local proxy in front of many clients, each
        // registration coming from its own X-Forwarded-For address, so that none trips the per-address limit
        registry.add("server.forward-headers-strategy", () -> "native");
        Path dataDir = Files.createTempDirectory("yarda-test-data");
        registry.add("yarda.data-dir", dataDir::toString);
        // deliveries are woken by commits; the poll only matters for retries, which tests drive themselves
        registry.add("yarda.mail.poll-interval", () -> "1h");
        registry.add(
                "yarda.admin.emails",
                () -> "someone-else@yarda.test, " + ADMIN_EMAIL.toUpperCase() + ", " + UNVERIFIED_ADMIN_EMAIL);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        @Bean
        AccountDeletionGate accountDeletionGate() {
            return new AccountDeletionGate();
        }

        @Bean
        LostCommits lostCommits(DataSource dataSource, MutableClock clock) {
            return new LostCommits(dataSource, clock);
        }

        /** Puts a {@link ScriptedDesigner} around whichever designer the configuration chose. */
        @Bean
        static BeanPostProcessor scriptedDesigner() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Designer designer && !(bean instanceof ScriptedDesigner)
                            ? new ScriptedDesigner(designer)
                            : bean;
                }
            };
        }
    }

    @Autowired
    private Designer designer;

    /** The designer the workers call, scriptable per test. */
    protected ScriptedDesigner designer() {
        return (ScriptedDesigner) designer;
    }

    /** A registered user with a verified email, logged in. */
    public record TestUser(UUID id, String email, String token) {}

    protected TestUser verifiedUser() {
        String email = newEmail();
        String id = register(email, "correct horse")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the verification journey has tests of its own; here it only has to be done
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        String token =
                login(email, "correct horse").then().statusCode(200).extract().path("access_token");
        return new TestUser(UUID.fromString(id), email, token);
    }

    /** The admin, registered on first use (the test database lives as long as the JVM), verified and logged in. */
    protected TestUser adminUser() {
        Response registered = register(ADMIN_EMAIL, "correct horse");
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).isIn(201, 409);
        UUID id = jdbc.sql("UPDATE users SET email_verified_at = now() WHERE email = :email RETURNING id")
                .param("email", ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        String token = login(ADMIN_EMAIL, "correct horse")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return new TestUser(id, ADMIN_EMAIL, token);
    }

    /**
     * Whoever registered {@link #UNVERIFIED_ADMIN_EMAIL} (registered on first use, never verified), logged in: an
     * address on the admin list that its holder has not proven to own.
     */
    protected TestUser unverifiedAdminAddressUser() {
        Response registered = register(UNVERIFIED_ADMIN_EMAIL, "correct horse");
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).isIn(201, 409);
        UUID id = jdbc.sql("SELECT id FROM users WHERE email = :email AND email_verified_at IS NULL")
                .param("email", UNVERIFIED_ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        String token = login(UNVERIFIED_ADMIN_EMAIL, "correct horse")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return new TestUser(id, UNVERIFIED_ADMIN_EMAIL, token);
    }

    /** For every user and credit type, the ledger's sum equals the balance, and no balance is negative. */
    protected void assertLedgerMatchesBalances() {
        List<Map<String, Object>> mismatches = jdbc.sql("""
                SELECT a.user_id, a.trial_credits, a.token_balance,
                       COALESCE(SUM(l.amount) FILTER (WHERE l.credit_type = 'trial'), 0) AS trial_sum,
                       COALESCE(SUM(l.amount) FILTER (WHERE l.credit_type = 'token'), 0) AS token_sum
                  FROM credit_accounts a LEFT JOIN credit_ledger l ON l.user_id = a.user_id
                 GROUP BY a.user_id, a.trial_credits, a.token_balance
                HAVING a.trial_credits <> COALESCE(SUM(l.amount) FILTER (WHERE l.credit_type = 'trial'), 0)
                    OR a.token_balance <> COALESCE(SUM(l.amount) FILTER (WHERE l.credit_type = 'token'), 0)
                    OR a.trial_credits < 0 OR a.token_balance < 0
                """).query().listOfRows();
        org.assertj.core.api.Assertions.assertThat(mismatches)
                .as("users whose ledger does not add up to their balance")
                .isEmpty();
    }

    @BeforeEach
    void pointRestAssuredAtTheApp() {
        RestAssured.port = port;
        RestAssured.baseURI = "http://127.0.0.1";
    }

    /** {@code count} requests from {@code clients} concurrent clients, all released at once; answers in order. */
    protected static List<Response> race(
            int count, int clients, java.util.function.IntFunction<java.util.concurrent.Callable<Response>> request)
            throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < count; i++) {
                java.util.concurrent.Callable<Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<Response> responses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    /** {@code count} requests, each from its own client, all released at once. */
    protected static List<Response> race(
            int count, java.util.function.IntFunction<java.util.concurrent.Callable<Response>> request)
            throws Exception {
        return race(count, count, request);
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

    /**
     * A form post as a browser sends it: with the session cookie and the CSRF token of a page it loaded first.
     */
    protected static RequestSpecification browserForm() {
        Response page = given().get("/login");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError("the login page carries no CSRF token");
        }
        return given().redirects()
                .follow(false)
                .cookies(page.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token.group(1));
    }

    /** Registers {@code email}, as a client of its own ({@link #newClientAddress()}). */
    protected static Response register(String email, String password) {
        return registerFrom(newClientAddress(), email, password);
    }

    /** Registers {@code email} from {@code clientAddress}, as a proxy in front of that client would send it. */
    protected static Response registerFrom(String clientAddress, String email, String password) {
        return api().header("X-Forwarded-For", clientAddress)
                .body(json(Map.of("email", email, "password", password)))
                .post("/api/auth/register");
    }

    /**
     * A client address that nothing else in this JVM uses, from 198.18.0.0/15 (set aside for benchmarks: never a real
     * client, and not a private range that Tomcat would take for another proxy).
     */
    public static String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198." + (18 + ((n >> 16) & 1)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    protected static Response login(String email, String password) {
        return api().body(json(Map.of("email", email, "password", password))).post("/api/auth/login");
    }

    /** Registers {@code email} and returns an access token for it (the email stays unverified). */
    protected static String registerAndLogin(String email) {
        register(email, "correct horse").then().statusCode(201);
        return login(email, "correct horse").then().statusCode(200).extract().path("access_token");
    }

    /** Asks for a design of {@code address} in {@code style} as {@code user}, expecting 202; its id. */
    protected static String acceptAddress(TestUser user, String address, String style) {
        return api(user.token())
                .body(json(Map.of("input_type", "address", "input_address", address, "style", style)))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** Waits (at most 30 s) until generation {@code id} of {@code user} is completed or failed; as the API shows it. */
    protected static Map<String, Object> awaitFinished(TestUser user, String id) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(
                        () -> api(user.token())
                                .get("/api/generations/" + id)
                                .then()
                                .extract()
                                .<Map<String, Object>>path("$"),
                        generation -> "completed".equals(generation.get("status"))
                                || "failed".equals(generation.get("status")));
    }

    /** A small PNG that passes for a photo of a yard: a lawn with a house on it. */
    protected static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(90, 140, 70));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(200, 190, 170));
        g.fillRect(width / 4, height / 4, width / 2, height / 3);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The clock every component of the application reads. */
    protected Clock clock() {
        return clock;
    }
}
