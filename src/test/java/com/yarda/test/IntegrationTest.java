package com.yarda.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Designer;
import com.yarda.generation.LostCommits;
import com.yarda.storage.ImageStore;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
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
    // drawing one takes a while; tests send the same few sizes again and again
    private static final Map<List<Integer>, byte[]> PHOTOS = new ConcurrentHashMap<>();
    public static final String PUBLIC_URL = "http://yarda.test";
    /** What the tests' scraper sends to read {@code /actuator/prometheus} ({@code yarda.metrics.token}). */
    public static final String METRICS_TOKEN = "metrics-token-of-the-tests";
    /** The one admin of the tests ({@code yarda.admin.emails}); {@link #adminUser()} logs in as them. */
    public static final String ADMIN_EMAIL = "operator@yarda.test";
    /**
     * Also listed in {@code yarda.admin.emails}, but nobody ever verifies it: whoever registers it must not become an
     * admin ({@link #unverifiedAdminAddressUser()}).
     */
    public static final String UNVERIFIED_ADMIN_EMAIL = "night-operator@yarda.test";
    /**
     * The password of every account the tests register unless a test is about passwords: long enough, and not easy to
     * guess, as every new password must be ({@code PasswordRules}).
     */
    public static final String PASSWORD = "correct horse";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
        registry.add("yarda.public-url", () -> PUBLIC_URL);
        // server.forward-headers-strategy is native by default: Tomcat's RemoteIpValve trusts 127.0.0.1 as a proxy, and
        // tests act as a local proxy in front of many clients, each registration coming from its own X-Forwarded-For
        // address, so that none trips the per-address limit
        registry.add("yarda.metrics.token", () -> METRICS_TOKEN);
        // the suite's own wrong-password logins mostly come from 127.0.0.1, and would add up to the per-client limit
        // across accounts; that limit is tested on LoginAttempts itself (LoginAttemptsTests)
        registry.add("yarda.account.max-failed-logins-per-client", () -> "1000000");
        Path dataDir = Files.createTempDirectory("yarda-test-data");
        registry.add("yarda.data-dir", dataDir::toString);
        // deliveries are woken by commits; the poll only matters for retries, which tests drive themselves
        registry.add("yarda.mail.poll-interval", () -> "1h");
        // the same for image files that could not be deleted at once
        registry.add("yarda.storage.deletion.poll-interval", () -> "1h");
        // the site services are local stand-ins speaking the Census's and NAIP's wire formats
        registry.add("yarda.site.geocoder", () -> "census");
        registry.add("yarda.site.census.base-url", SiteServices::censusBaseUrl);
        registry.add("yarda.site.imagery", () -> "naip");
        registry.add("yarda.site.naip.base-url", SiteServices::naipBaseUrl);
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

        /** Puts a {@link FaultyImageStore} around the application's image store. */
        @Bean
        static BeanPostProcessor faultyImageStore() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ImageStore store && !(bean instanceof FaultyImageStore)
                            ? new FaultyImageStore(store)
                            : bean;
                }
            };
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

    @Autowired
    private ImageStore imageStore;

    /** The image store the application uses, whose deletions a test can make fail. */
    protected FaultyImageStore imageStore() {
        return (FaultyImageStore) imageStore;
    }

    /** The designer the workers call, scriptable per test. */
    protected ScriptedDesigner designer() {
        return (ScriptedDesigner) designer;
    }

    /** A registered user with a verified email, logged in. */
    public record TestUser(UUID id, String email, String token) {}

    protected TestUser verifiedUser() {
        String email = newEmail();
        String id = register(email, PASSWORD).then().statusCode(201).extract().path("id");
        // the verification journey has tests of its own; here it only has to be done
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        String token = login(email, PASSWORD).then().statusCode(200).extract().path("access_token");
        return new TestUser(UUID.fromString(id), email, token);
    }

    /** The admin, registered on first use (the test database lives as long as the JVM), verified and logged in. */
    protected TestUser adminUser() {
        Response registered = register(ADMIN_EMAIL, PASSWORD);
        assertThat(registered.statusCode()).isIn(201, 409);
        UUID id = jdbc.sql("UPDATE users SET email_verified_at = now() WHERE email = :email RETURNING id")
                .param("email", ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        String token =
                login(ADMIN_EMAIL, PASSWORD).then().statusCode(200).extract().path("access_token");
        return new TestUser(id, ADMIN_EMAIL, token);
    }

    /**
     * Whoever registered {@link #UNVERIFIED_ADMIN_EMAIL} (registered on first use, never verified), logged in: an
     * address on the admin list that its holder has not proven to own.
     */
    protected TestUser unverifiedAdminAddressUser() {
        Response registered = register(UNVERIFIED_ADMIN_EMAIL, PASSWORD);
        Assertions.assertThat(registered.statusCode()).isIn(201, 409);
        UUID id = jdbc.sql("SELECT id FROM users WHERE email = :email AND email_verified_at IS NULL")
                .param("email", UNVERIFIED_ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        String token = login(UNVERIFIED_ADMIN_EMAIL, PASSWORD)
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
        assertThat(mismatches)
                .as("users whose ledger does not add up to their balance")
                .isEmpty();
    }

    @BeforeEach
    void pointRestAssuredAtTheApp() {
        RestAssured.port = port;
        RestAssured.baseURI = "http://127.0.0.1";
    }

    /** {@code count} requests from {@code clients} concurrent clients, all released at once; answers in order. */
    protected static List<Response> race(int count, int clients, IntFunction<Callable<Response>> request)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < count; i++) {
                Callable<Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    /** {@code count} requests, each from its own client, all released at once. */
    protected static List<Response> race(int count, IntFunction<Callable<Response>> request) throws Exception {
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
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError("the login page carries no CSRF token");
        }
        return given().redirects()
                .follow(false)
                .cookies(page.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token.group(1));
    }

    /**
     * A form post from {@code page} as a browser sends it: with the page's CSRF token and the session's cookies; a
     * field whose value is a list is sent once per element (checkboxes).
     */
    protected static Response formPost(Map<String, String> session, Response page, String path, Map<String, ?> fields) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        if (!csrf.find()) {
            throw new AssertionError("the page carries no CSRF token");
        }
        return given().redirects()
                .follow(false)
                .cookies(session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1))
                .formParams(fields)
                .post(path);
    }

    /** The cookies of a browser session of {@code user}, logged in through the login form. */
    protected static Map<String, String> webSession(TestUser user) {
        Response login = browserForm()
                .formParam("email", user.email())
                .formParam("password", PASSWORD)
                .post("/login");
        assertThat(login.statusCode()).as("logging in through the form").isEqualTo(302);
        return login.cookies();
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

    /** Logs in from {@code clientAddress}, as a proxy in front of that client would send it. */
    protected static Response loginFrom(String clientAddress, String email, String password) {
        return api().header("X-Forwarded-For", clientAddress)
                .body(json(Map.of("email", email, "password", password)))
                .post("/api/auth/login");
    }

    protected static Response login(String email, String password) {
        return api().body(json(Map.of("email", email, "password", password))).post("/api/auth/login");
    }

    /** Registers {@code email} and returns an access token for it (the email stays unverified). */
    protected static String registerAndLogin(String email) {
        register(email, PASSWORD).then().statusCode(201);
        return login(email, PASSWORD).then().statusCode(200).extract().path("access_token");
    }

    /** The JSON body of a request for a design of {@code address} in {@code style}. */
    protected static Map<String, Object> address(String address, String style) {
        return Map.of("input_type", "address", "input_address", address, "style", style);
    }

    /** {@code POST /api/generations} with a JSON {@code body}, as {@code user}. */
    protected static Response create(TestUser user, Map<String, ?> body) {
        return api(user.token()).body(json(body)).post("/api/generations");
    }

    /** {@code POST /api/generations} with a JSON {@code body} under an {@code Idempotency-Key}, as {@code user}. */
    protected static Response create(TestUser user, Map<String, ?> body, String idempotencyKey) {
        return api(user.token())
                .header("Idempotency-Key", idempotencyKey)
                .body(json(body))
                .post("/api/generations");
    }

    /** Asks for a design of {@code address} in {@code style} as {@code user}, expecting 202; its id. */
    protected static String acceptAddress(TestUser user, String address, String style) {
        return create(user, address(address, style))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** {@code POST /api/uploads} of {@code image} as {@code user} (its type is judged by its bytes, not its name). */
    protected static Response upload(TestUser user, byte[] image) {
        return api(user.token())
                .contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", image, "image/jpeg")
                .post("/api/uploads");
    }

    /** Waits (at most 30 s) until generation {@code id} of {@code user} is completed or failed; as the API shows it. */
    /** A completed design of {@code user} for {@code address}, in English Garden style. */
    protected static String completedDesign(TestUser user, String address) {
        String id = acceptAddress(user, address, "english_garden");
        Map<String, Object> finished = awaitFinished(user, id);
        if (!"completed".equals(finished.get("status"))) {
            throw new AssertionError("the design did not complete: " + finished);
        }
        return id;
    }

    protected static Map<String, Object> awaitFinished(TestUser user, String id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> api(user.token())
                                .get("/api/generations/" + id)
                                .then()
                                .extract()
                                .<Map<String, Object>>path("$"),
                        generation -> "completed".equals(generation.get("status"))
                                || "failed".equals(generation.get("status")));
    }

    /** How many generations {@code user} has, deleted ones included. */
    protected long generationCount(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM generations WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /** How many photos {@code user} has stored. */
    protected long uploadCount(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM uploads WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /** The names of every image file the application keeps now (designs and photos). */
    protected Set<String> imageFiles() {
        Path images = Path.of(environment.getRequiredProperty("yarda.data-dir"), "images");
        if (!Files.isDirectory(images)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(images)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every image file stored since {@code before} belongs to a photo or a design on record. Other tests' designs may
     * still be finishing (their image is stored just before their row says so), hence the short wait.
     */
    protected void assertNoImageLeftBehindSince(Set<String> before) {
        Awaitility.await("image files that no upload or design records")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Set<String> added = new HashSet<>(imageFiles());
                    added.removeAll(before);
                    added.removeAll(jdbc.sql("""
                                    SELECT storage_key FROM uploads WHERE storage_key = ANY (:keys)
                                    UNION ALL
                                    SELECT output_image_key FROM generations WHERE output_image_key = ANY (:keys)
                                    """)
                            .param("keys", added.toArray(String[]::new))
                            .query(String.class)
                            .list());
                    assertThat(added).isEmpty();
                });
    }

    /**
     * A photo of a yard as a phone takes it: a JPEG of {@link YardPhotos#yard}, sharp and textured, so that it passes
     * the photo check. The same bytes for the same size (another size for another photo); {@code 640 × 480} is the
     * smallest photo accepted.
     */
    protected static byte[] photo(int width, int height) {
        return PHOTOS.computeIfAbsent(List.of(width, height), size -> YardPhotos.jpeg(YardPhotos.yard(width, height)))
                .clone();
    }

    /**
     * A small flat PNG: a lawn with a house on it, as a designer might draw a design. Too small and too plain to pass
     * for an uploaded photo ({@link #photo} is one).
     */
    protected static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 70));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 190, 170));
        g.fillRect(width / 4, height / 4, width / 2, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The clock every component of the application reads. */
    protected Clock clock() {
        return clock;
    }
}
