package com.yarda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.test.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and malformed requests to every API endpoint (bodies, content types, headers, query strings, path ids),
 * with and without a valid bearer token: none may answer 5xx (API.md: "No request ever answers 500 for bad
 * input"), and none may change a balance. The callers with a valid token are a verified user without credits (so
 * a well-formed generation request gets as far as the credit check and is refused with 402, rolling back), the same
 * user with an API key, and an unverified user with trial credits (403 before anything is charged).
 *
 * <p>Reproducible: the seed is fixed ({@code -Dyarda.fuzz.seed=…} to try another, {@code -Dyarda.fuzz.requests=…}
 * for a longer run); a failure lists the requests that got a 5xx.
 */
class ApiFuzzTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTests.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEED = Long.getLong("yarda.fuzz.seed", 20261125L);
    private static final int REQUESTS = Integer.getInteger("yarda.fuzz.requests", 1500);

    private enum Body {
        NONE,
        JSON,
        MULTIPART
    }

    private record Endpoint(String method, String path, Body body, List<String> fields, List<String> query) {
        String name() {
            return method + " " + path;
        }
    }

    private static final List<String> GENERATION_FIELDS =
            List.of("input_type", "input_photo_url", "input_address", "style", "custom_prompt");
    private static final List<String> PAGE = List.of("limit", "offset");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/auth/register", Body.JSON, List.of("email", "password"), List.of()),
            new Endpoint("POST", "/api/auth/login", Body.JSON, List.of("email", "password"), List.of()),
            new Endpoint("POST", "/api/auth/verify-email", Body.JSON, List.of("token"), List.of()),
            new Endpoint("POST", "/api/auth/resend-verification", Body.JSON, List.of("email"), List.of()),
            new Endpoint("POST", "/api/auth/forgot-password", Body.JSON, List.of("email"), List.of()),
            new Endpoint("POST", "/api/auth/reset-password", Body.JSON, List.of("token", "password"), List.of()),
            // never with the right current password: a change would end the callers' tokens (so is logout-all left out)
            new Endpoint(
                    "POST",
                    "/api/auth/change-password",
                    Body.JSON,
                    List.of("current_password", "new_password"),
                    List.of()),
            new Endpoint("POST", "/api/auth/change-email", Body.JSON, List.of("password", "new_email"), List.of()),
            new Endpoint("POST", "/api/auth/confirm-email-change", Body.JSON, List.of("token"), List.of()),
            new Endpoint("GET", "/api/auth/me", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/credits/balance", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/credits/transactions", Body.NONE, List.of(), PAGE),
            new Endpoint("GET", "/api/styles", Body.NONE, List.of(), List.of()),
            new Endpoint("POST", "/api/uploads", Body.MULTIPART, List.of("file"), List.of()),
            new Endpoint("GET", "/api/uploads", Body.NONE, List.of(), PAGE),
            new Endpoint("GET", "/api/uploads/{upload}", Body.NONE, List.of(), List.of()),
            new Endpoint("DELETE", "/api/uploads/{upload}", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/auth/me/export", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/uploads/{upload}/image", Body.NONE, List.of(), List.of()),
            new Endpoint("POST", "/api/generations", Body.JSON, GENERATION_FIELDS, List.of()),
            new Endpoint(
                    "POST",
                    "/api/generations",
                    Body.MULTIPART,
                    List.of("input_type", "input_photo_url", "input_address", "style", "custom_prompt", "photo"),
                    List.of()),
            new Endpoint(
                    "GET", "/api/generations", Body.NONE, List.of(), List.of("limit", "offset", "before", "status")),
            new Endpoint("GET", "/api/generations/{generation}", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/generations/{generation}/image", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/rate-limits/status", Body.NONE, List.of(), List.of()),
            new Endpoint("POST", "/api/webhooks", Body.JSON, List.of("url", "events"), List.of()),
            new Endpoint("GET", "/api/webhooks", Body.NONE, List.of(), List.of()),
            new Endpoint("DELETE", "/api/webhooks/{webhook}", Body.NONE, List.of(), List.of()),
            new Endpoint("GET", "/api/webhooks/{webhook}/deliveries", Body.NONE, List.of(), List.of()),
            new Endpoint("POST", "/api/keys", Body.JSON, List.of("name"), List.of()),
            new Endpoint("GET", "/api/keys", Body.NONE, List.of(), List.of()),
            new Endpoint("DELETE", "/api/keys/{key}", Body.NONE, List.of(), List.of()));

    private static final String SYNTAX = "{}[]\"\\%&=?#/;,:<>'";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=ISO-8859-1",
            "application/problem+json",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/mixed; boundary=zz",
            "image/png",
            "application/octet-stream",
            "*/*",
            "application/json; charset=utf-99",
            "gibberish",
            "");
    private static final List<String> ACCEPTS = List.of(
            "application/json",
            "*/*",
            "text/html",
            "application/xml",
            "image/png",
            "application/problem+json",
            "text/event-stream",
            "a/b;q=x",
            "application/json;q=0");

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private record Caller(String name, String authorization, boolean valid) {}

    private record Answer(int status, String contentType, String body) {}

    private List<Caller> callers;
    private String uploadUrl;
    private String uploadId;
    private String foreignGenerationId;
    private byte[] photo;

    @Test
    void randomAndMalformedRequestsToEveryEndpointNeverAnswer5xxNorAnHtmlPageNorChangeABalance() throws Exception {
        photo = photo(640, 480);
        TestUser broke = verifiedUserWithoutCredits();
        String unverifiedEmail = newEmail();
        String unverifiedToken = registerAndLogin(unverifiedEmail);
        TestUser rich = verifiedUser();
        foreignGenerationId = api(rich.token())
                .body(json(Map.of(
                        "input_type",
                        "address",
                        "input_address",
                        "1 Foreign Road, Springfield",
                        "style",
                        "mediterranean")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT status FROM generations WHERE id = :id")
                        .param("id", UUID.fromString(foreignGenerationId))
                        .query(String.class)
                        .single()
                        .matches("completed|failed"));
        uploadUrl = io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + broke.token())
                .multiPart("file", "yard.jpg", photo, "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        uploadId = uploadUrl.replaceAll(".*/uploads/([^/]+).*", "$1");
        String apiKey = api(broke.token())
                .body(json(Map.of("name", "Fuzzed")))
                .post("/api/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        callers = List.of(
                new Caller("verified without credits", "Bearer " + broke.token(), true),
                new Caller("unverified with trial credits", "Bearer " + unverifiedToken, true),
                new Caller("API key of the verified user without credits", "Bearer " + apiKey, true),
                new Caller("no token", null, false),
                new Caller("garbage token", "Bearer " + headerText(40), false),
                new Caller("tampered token", "Bearer " + tamper(broke.token()), false),
                new Caller("unsigned token", "Bearer " + unsigned(broke.id()), false),
                new Caller("basic auth", "Basic dXNlcjpwYXNzd29yZA==", false),
                new Caller("empty bearer", "Bearer ", false),
                new Caller("unknown API key", "Bearer yk_" + "A".repeat(43), false),
                new Caller("malformed API key", "Bearer yk_" + headerText(12), false));
        Map<String, String> balancesBefore = balances();

        List<String> failures = new ArrayList<>();
        List<String> pagesOnTheApi = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> covered = new TreeSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            // half the requests with a valid token, so that they get past authentication into the endpoints
            Caller caller = chance(50)
                    ? callers.get(chance(60) ? 0 : chance(50) ? 1 : 2)
                    : callers.get(3 + random.nextInt(callers.size() - 3));
            Request request = request(endpoint, caller);
            Answer answer = send(request);
            statuses.merge(answer.status(), 1, Integer::sum);
            covered.add(endpoint.name() + " " + (caller.valid() ? "valid" : "invalid"));
            if (answer.status() >= 500) {
                failures.add(
                        "#%d %s (%s) -> %d %s".formatted(i, request, caller.name(), answer.status(), answer.body()));
            }
            if (request.target().startsWith("/api/") && answer.contentType().startsWith("text/html")) {
                pagesOnTheApi.add("#%d %s (%s) -> %d".formatted(i, request, caller.name(), answer.status()));
            }
        }
        log.info("API fuzz, seed {}: {} requests, statuses {}", SEED, REQUESTS, statuses);

        assertThat(failures).as("requests answered with 5xx (seed %d)", SEED).isEmpty();
        assertThat(pagesOnTheApi)
                .as("API requests answered with an HTML page (seed %d)", SEED)
                .isEmpty();
        // accounts the fuzzer registered itself are new; every account that existed before is unchanged
        assertThat(balances()).as("balances and ledger lengths").containsAllEntriesOf(balancesBefore);
        assertLedgerMatchesBalances();
        Set<String> expected = new TreeSet<>();
        ENDPOINTS.forEach(e -> List.of("valid", "invalid").forEach(a -> expected.add(e.name() + " " + a)));
        assertThat(covered)
                .as("endpoints called with and without a valid token")
                .containsAll(expected);
    }

    /** What earlier runs of the fuzzer found answering 500, each now a 4xx (ProblemHandler, request rules). */
    @Test
    void theFuzzersFindingsAnswer4xx() throws Exception {
        TestUser user = verifiedUser();
        String auth = "Bearer " + user.token();

        // a multipart body without a usable boundary: Spring MVC's MultipartException
        Answer multipart = send(new Request(
                "POST",
                "/api/uploads",
                Map.of("Authorization", auth, "Content-Type", "multipart/form-data; boundary="),
                "--x\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(multipart.status()).isEqualTo(400);
        assertThat(multipart.contentType()).isEqualTo("application/problem+json");
        assertThat(multipart.body()).contains("\"error\":\"malformed_request\"");
        // a body declared as */*: IllegalArgumentException from HttpHeaders.setContentType
        Answer wildcard = send(new Request(
                "POST",
                "/api/auth/resend-verification",
                Map.of("Content-Type", "*/*"),
                "{\"email\":\"x@example.com\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(wildcard.status()).isEqualTo(415);
        assertThat(wildcard.body()).contains("\"error\":\"unsupported_media_type\"");
        // a form body whose parameter name Spring Security's firewall refuses (RequestRejectedException)
        Answer form = send(new Request(
                "POST",
                "/api/auth/resend-verification",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "%1B%0A=1".getBytes(StandardCharsets.UTF_8)));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains("\"error\":\"malformed_request\"");
        // a form body that is not valid percent-encoding (Tomcat's InvalidParameterException)
        Answer encoding = send(new Request(
                "POST",
                "/api/auth/verify-email",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "{\"token\":\"%v\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(encoding.status()).isEqualTo(400);
        assertThat(encoding.body()).contains("\"error\":\"malformed_request\"");
        // NUL in a login email: PostgreSQL text cannot hold it
        api().body("{\"email\":\"a\\u0000@example.com\",\"password\":\"correct horse\"}")
                .post("/api/auth/login")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("email"));
        // an unpaired surrogate in a password: Argon2 hashes UTF-8, which cannot encode it
        for (String path : List.of("/api/auth/login", "/api/auth/register")) {
            api().body("{\"email\":\"" + newEmail() + "\",\"password\":\"correct \\ud800 horse\"}")
                    .post(path)
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("password"));
        }
        // NUL in the text of a generation, by a user who can pay for it: refused before anything is charged
        for (String field : List.of("input_address", "custom_prompt")) {
            Map<String, String> body = new LinkedHashMap<>(
                    Map.of("input_type", "address", "input_address", "12 NUL Street", "style", "japanese_zen"));
            body.put(field, "12 NUL\u0000 Street");
            api(user.token())
                    .body(json(body))
                    .post("/api/generations")
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo(field));
        }
        api(user.token()).get("/api/credits/balance").then().statusCode(200).body("trial_credits", equalTo(3));
    }

    private TestUser verifiedUserWithoutCredits() {
        TestUser user = verifiedUser();
        // the trial credits go, with the adjustment that keeps the ledger adding up to the balance
        jdbc.sql("""
                WITH taken AS (
                    UPDATE credit_accounts SET trial_credits = 0, updated_at = now()
                     WHERE user_id = :user RETURNING user_id)
                INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, created_at)
                SELECT gen_random_uuid(), user_id, 'adjustment', 'trial', -3, 0, now() FROM taken
                """).param("user", user.id()).update();
        return user;
    }

    /** Every account's balances and its ledger length: nothing the fuzzer sends may change them. */
    private Map<String, String> balances() {
        Map<String, String> all = new TreeMap<>();
        jdbc.sql("""
                SELECT a.user_id, a.trial_credits, a.token_balance,
                       (SELECT count(*) FROM credit_ledger l WHERE l.user_id = a.user_id) AS entries
                  FROM credit_accounts a
                """)
                .query((rs, row) -> all.put(
                        rs.getString("user_id"),
                        rs.getInt("trial_credits") + "/" + rs.getInt("token_balance") + "/" + rs.getLong("entries")))
                .list();
        return all;
    }

    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " " + headers + " body[" + body.length + "]="
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private Request request(Endpoint endpoint, Caller caller) {
        String method = chance(10) ? pick(METHODS) : endpoint.method();
        String path = endpoint.path()
                .replace("{upload}", pathId(uploadId))
                .replace("{generation}", pathId(foreignGenerationId))
                .replace("{webhook}", pathId(foreignGenerationId))
                .replace("{key}", pathId(foreignGenerationId));
        if (chance(5)) {
            path = pick(List.of(
                    path + "/",
                    path + "/" + encode(randomText(8)),
                    path.replace("/api/", "/api//"),
                    path + ";jsessionid=" + randomText(4).hashCode(),
                    path.toUpperCase()));
        }
        String query = query(endpoint);
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller.authorization() != null) {
            headers.put("Authorization", caller.authorization());
        }
        byte[] body = new byte[0];
        String contentType = null;
        switch (endpoint.body()) {
            case JSON -> {
                body = jsonBody(endpoint.fields());
                contentType = "application/json";
            }
            case MULTIPART -> {
                String boundary = "fuzz" + Long.toHexString(random.nextLong());
                body = multipartBody(endpoint.fields(), boundary);
                contentType = chance(10)
                        ? "multipart/form-data; boundary=" + pick(List.of("other", "", "\"" + boundary, boundary + "x"))
                        : "multipart/form-data; boundary=" + boundary;
            }
            case NONE -> {
                if (chance(10)) {
                    body = jsonBody(List.of("limit", "status", "id"));
                    contentType = "application/json";
                }
            }
        }
        if (chance(15)) {
            contentType = pick(CONTENT_TYPES);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (chance(30)) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (chance(20)) {
            headers.put(
                    "Idempotency-Key",
                    pick(List.of("", "k", headerText(20), "x".repeat(256), "key " + random.nextInt(5))));
        }
        if (chance(10)) {
            headers.put(
                    pick(List.of("X-Forwarded-For", "Content-Encoding", "Range", "If-None-Match", "Origin", "Cookie")),
                    pick(List.of("gzip", "bytes=0-1", "*", "null", "127.0.0.1, ::1", headerText(30))));
        }
        if (chance(5) && body.length > 0) {
            body = mangle(body);
        }
        return new Request(method, path + query, headers, body);
    }

    private Answer send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method(),
                        request.body().length == 0 && !request.method().equals("POST")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                body.length() > 500 ? body.substring(0, 500) : body);
    }

    private String query(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.query());
        if (names.isEmpty() && !chance(10)) {
            return "";
        }
        names.add(randomText(5));
        StringBuilder query = new StringBuilder("?");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                query.append(chance(10) ? "&&" : "&");
            }
            query.append(encode(pick(names)));
            if (!chance(10)) {
                query.append('=').append(encode(queryValue()));
            }
        }
        return query.toString();
    }

    private String queryValue() {
        return pick(List.of(
                "0",
                "1",
                "20",
                "100",
                "101",
                "-1",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999",
                "1.5",
                "1e3",
                "abc",
                "",
                "pending",
                "completed",
                "PENDING",
                "failed,pending",
                " 5",
                // history cursors (next_before): 24 bytes in base64url, of a time far out of range, or of about now
                cursor(random.nextLong()),
                cursor(1_700_000_000_000_000L + random.nextInt()),
                randomText(12)));
    }

    private String pathId(String real) {
        return switch (random.nextInt(8)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "not-a-uuid";
            case 2 -> encode(randomText(10));
            case 3 -> real.toUpperCase();
            case 4 -> "00000000-0000-0000-0000-000000000000";
            case 5 -> real.substring(0, 35);
            case 6 -> "1";
            default -> real;
        };
    }

    private byte[] jsonBody(List<String> fields) {
        if (chance(5)) {
            return pick(List.of("", "null", "[]", "{", "\"text\"", "42", "{\"a\":}", "{}", "[{}]"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (chance(3)) {
            return randomBytes(1 + random.nextInt(200));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : fields) {
            if (!chance(15)) {
                body.put(field, value(field, 0));
            }
        }
        if (chance(15)) {
            body.put(randomText(6), value("", 0));
        }
        return JSON.writeValueAsBytes(body);
    }

    /** A value for {@code field}: often a plausible one, often of the wrong type or shape. */
    private Object value(String field, int depth) {
        if (chance(65)) {
            return plausible(field);
        }
        return switch (random.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextDouble() * 1e300;
            case 2 -> random.nextBoolean();
            case 3 -> "";
            case 4 -> randomText(random.nextInt(chance(10) ? 5000 : 40));
            case 5 -> pick(List.of("\u0000", "\ud800", "\u202e", "🌹", "\r\n", "%00", "' OR 1=1 --"));
            case 6 -> List.of(value(field, depth + 1), value(field, depth + 1));
            default -> Map.of("nested", value(field, depth + 1));
        };
    }

    private Object plausible(String field) {
        return switch (field) {
            case "email" ->
                likely(List.of(
                        "fuzz-" + random.nextInt(50) + "@example.com",
                        " FUZZ@Example.COM ",
                        "no-at-sign",
                        "a@b",
                        "x".repeat(250) + "@example.com"));
            case "password" -> likely(List.of(PASSWORD, "short", "x".repeat(129), "        "));
            case "token" -> likely(List.of(randomText(43), "", "x".repeat(600)));
            case "new_email" -> likely(List.of("fuzz-new-" + random.nextInt(50) + "@example.com", "no-at-sign", ""));
            case "new_password" ->
                // digits and symbols that zxcvbn reads as l33t make its time explode with the length (PasswordRules)
                likely(List.of("short", "4@8({[<3691!|70$5%2+".repeat(6), "x".repeat(129), "password", "🌹".repeat(8)));
            case "input_type" -> likely(List.of("address", "photo", "Address", "video"));
            case "input_address" ->
                likely(List.of("1428 Elm Street, Springfield", "abc", "x".repeat(201), "  12345  "));
            case "style" -> likely(List.of("japanese_zen", "mediterranean", "JAPANESE_ZEN", "brutalist", "0"));
            case "custom_prompt" -> likely(List.of("more roses", "x".repeat(501), "  "));
            case "input_photo_url" ->
                likely(List.of(
                        uploadUrl,
                        uploadUrl + "?x=1",
                        "/api/uploads/" + UUID.randomUUID() + "/image",
                        "http://169.254.169.254/latest/meta-data/",
                        "file:///etc/passwd",
                        "../../etc/passwd"));
            case "limit", "offset" -> random.nextInt(300) - 100;
            case "status" -> likely(List.of("pending", "completed", "x"));
            default -> randomText(8);
        };
    }

    private byte[] multipartBody(List<String> fields, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String newline = chance(5) ? "\n" : "\r\n";
        List<String> names = new ArrayList<>(fields);
        if (chance(20)) {
            names.add(pick(List.of("file", "photo", randomText(4))));
        }
        for (String name : names) {
            if (chance(20)) {
                continue;
            }
            boolean file = name.equals("file") || name.equals("photo");
            write(out, "--" + boundary + newline);
            write(
                    out,
                    "Content-Disposition: form-data; name=\"" + name + "\"" + (file ? "; filename=\"yard.png\"" : ""));
            write(out, newline);
            if (file || chance(10)) {
                write(out, "Content-Type: " + pick(List.of("image/png", "image/jpeg", "text/plain", "x/y")) + newline);
            }
            write(out, newline);
            if (file) {
                out.writeBytes(
                        switch (random.nextInt(5)) {
                            case 0 -> photo;
                            case 1 -> Arrays.copyOf(photo, photo.length / 2);
                            case 2 -> randomBytes(random.nextInt(300));
                            case 3 -> new byte[0];
                            default -> mangle(photo);
                        });
            } else {
                Object value = value(name, 1);
                write(out, value instanceof String text ? text : JSON.writeValueAsString(value));
            }
            write(out, newline);
        }
        if (!chance(10)) {
            write(out, "--" + boundary + "--" + newline);
        }
        return out.toByteArray();
    }

    private byte[] mangle(byte[] bytes) {
        byte[] copy = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return Arrays.copyOf(copy, random.nextInt(copy.length + 1));
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default -> {
                int at = random.nextInt(copy.length + 1);
                byte[] insert = randomBytes(1 + random.nextInt(8));
                byte[] out = new byte[copy.length + insert.length];
                System.arraycopy(copy, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(copy, at, out, at + insert.length, copy.length - at);
                return out;
            }
        }
    }

    private String tamper(String token) {
        char[] chars = token.toCharArray();
        int at = chars.length - 2 - random.nextInt(10);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    /** A token that claims to be {@code userId} with no signature at all ({@code alg: none}). */
    private static String unsigned(UUID userId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(
                ("{\"iss\":\"yarda\",\"sub\":\"" + userId + "\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (random.nextInt(6)) {
                        case 0 -> (char) (0x20 + random.nextInt(0x5F)); // printable ASCII
                        case 1 -> (char) random.nextInt(0x20); // control characters
                        case 2 -> (char) (0xA0 + random.nextInt(0x2000)); // Latin and beyond
                        case 3 -> SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                        default -> (char) ('a' + random.nextInt(26));
                    });
        }
        return text.toString();
    }

    /** Text that is legal in a header value: printable ASCII. */
    private String headerText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5E)));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** The first option half of the time (a valid value), otherwise any. */
    private String cursor(long micros) {
        ByteBuffer bytes = ByteBuffer.allocate(24)
                .putLong(micros)
                .putLong(random.nextLong())
                .putLong(random.nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private <T> T likely(List<T> options) {
        return chance(50) ? options.getFirst() : pick(options);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
