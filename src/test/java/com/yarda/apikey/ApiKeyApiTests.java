package com.yarda.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.YardaApplication;
import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import com.yarda.test.TestDatabase;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** API keys (API.md "For integrations"): made, listed and deleted with an access token; used like one elsewhere. */
class ApiKeyApiTests extends IntegrationTest {

    private static final String KEY = "yk_[A-Za-z0-9_-]{43}";

    @Autowired
    Environment environment;

    @Test
    void aKeyIsShownOnceListedWithoutItAndStoredOnlyAsAHash() {
        TestUser user = verifiedUser();

        Response created =
                api(user.token()).body(json(Map.of("name", "Nightly import"))).post("/api/keys");

        created.then()
                .statusCode(201)
                .body("name", equalTo("Nightly import"))
                .body("key", matchesPattern(KEY))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        String key = created.path("key");
        String id = created.path("id");
        Response listed = api(user.token()).get("/api/keys");
        listed.then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].name", equalTo("Nightly import"))
                .body("items[0].last_used_at", nullValue());
        assertThat(listed.<Map<String, Object>>path("items[0]"))
                .containsOnlyKeys("id", "name", "created_at", "last_used_at");
        assertThat(listed.asString()).doesNotContain(key.substring(3, 20));
        // the row holds a 32-byte hash and nothing of the key, in any column
        String row = jdbc.sql("SELECT row_to_json(k)::text FROM api_keys k WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(key).doesNotContain(key.substring(3, 23));
        byte[] hash = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(byte[].class)
                .single();
        assertThat(hash).hasSize(32).isNotEqualTo(key.getBytes());
        // two keys are never alike
        String other = api(user.token())
                .body(json(Map.of("name", "Another")))
                .post("/api/keys")
                .path("key");
        assertThat(other).matches(KEY).isNotEqualTo(key);
    }

    @Test
    void aKeyWorksLikeAnAccessTokenOnEveryFamilyOfEndpointsItIsFor() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Everything");

        api(key).get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(user.id().toString()));
        api(key).get("/api/credits/balance").then().statusCode(200).body("trial_credits", equalTo(3));
        api(key).get("/api/credits/transactions").then().statusCode(200).body("items[0].kind", equalTo("trial_grant"));
        api(key).get("/api/styles").then().statusCode(200);
        String upload = api(key).contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", photo(640, 480), "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        api(key).get("/api/uploads").then().statusCode(200).body("items[0].id", equalTo(upload));
        String generation = api(key).body(json(address("3 Key Street, Springfield", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        api(key).get("/api/generations/" + generation).then().statusCode(200).body("id", equalTo(generation));
        // the same user's: the access token sees it too
        api(user.token()).get("/api/generations/" + generation).then().statusCode(200);
        String comparison = api(key).body(json(Map.of(
                        "input_type",
                        "address",
                        "input_address",
                        "4 Key Street, Springfield",
                        "styles",
                        List.of("mediterranean", "english_garden"))))
                .post("/api/comparisons")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        api(key).get("/api/comparisons/" + comparison).then().statusCode(200).body("id", equalTo(comparison));
        api(key).get("/api/webhooks").then().statusCode(200).body("items", equalTo(List.of()));
        api(key).get("/api/rate-limits/status").then().statusCode(200).body("remaining_requests", equalTo(0));
        api(user.token()).get("/api/credits/balance").then().body("total_available", equalTo(0));
    }

    @Test
    void aKeyCannotManageTheAccountItsKeysOrPurchasesAndChangesNothingThere() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Limited");
        String keyId = api(user.token()).get("/api/keys").path("items[0].id");
        Map<String, Response> refused = new HashMap<>();

        refused.put(
                "change password",
                api(key).body(json(Map.of("current_password", PASSWORD, "new_password", "a different horse")))
                        .post("/api/auth/change-password"));
        refused.put("log out everywhere", api(key).post("/api/auth/logout-all"));
        refused.put(
                "delete account",
                api(key).body(json(Map.of("password", PASSWORD))).delete("/api/auth/me"));
        refused.put(
                "change email",
                api(key).body(json(Map.of("password", PASSWORD, "new_email", newEmail())))
                        .post("/api/auth/change-email"));
        refused.put("export", api(key).get("/api/auth/me/export"));
        refused.put("list keys", api(key).get("/api/keys"));
        refused.put("make a key", api(key).body(json(Map.of("name", "Child"))).post("/api/keys"));
        refused.put("delete a key", api(key).delete("/api/keys/" + keyId));
        refused.put("buy", api(key).body(json(Map.of("pack_id", "pack_10"))).post("/api/purchases"));
        refused.put("purchases", api(key).get("/api/purchases"));

        refused.forEach((what, answer) -> answer.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("error", equalTo("api_key_not_allowed")));
        // nothing happened: the token, the password, the account, the key, no purchase
        api(user.token()).get("/api/auth/me").then().statusCode(200);
        login(user.email(), PASSWORD).then().statusCode(200);
        api(user.token()).get("/api/keys").then().body("items.id", equalTo(List.of(keyId)));
        api(user.token()).get("/api/purchases").then().body("items", equalTo(List.of()));
        api(key).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anAdminsKeyIsNoOperatorCredential() {
        TestUser admin = adminUser();
        String key = createKey(admin, "Operator script");

        api(key).get("/api/admin/stats").then().statusCode(403).body("error", equalTo("api_key_not_allowed"));
        api(admin.token()).get("/api/admin/stats").then().statusCode(200);
        api(admin.token())
                .delete("/api/keys/" + idOf(admin, "Operator script"))
                .then()
                .statusCode(204);
    }

    @Test
    void aDeletedKeyIsRefusedAtOnceOnThisAndAnotherInstance() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Soon gone");
        String id = idOf(user, "Soon gone");

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.public-url=" + PUBLIC_URL,
                        "--yarda.worker.enabled=false",
                        "--yarda.webhooks.enabled=false")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            api(key).port(otherPort).get("/api/credits/balance").then().statusCode(200);

            api(user.token()).delete("/api/keys/" + id).then().statusCode(204);

            for (int instance : new int[] {port, otherPort}) {
                api(key).port(instance)
                        .get("/api/credits/balance")
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .body("error", equalTo("unauthenticated"));
            }
        }
        api(user.token()).get("/api/keys").then().body("items", equalTo(List.of()));
        api(user.token()).delete("/api/keys/" + id).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void anotherUsersKeyIsNotFoundAndKeepsWorking() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String key = createKey(owner, "Mine");
        String id = idOf(owner, "Mine");

        api(stranger.token()).delete("/api/keys/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        api(stranger.token()).get("/api/keys").then().body("items", equalTo(List.of()));

        api(key).get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(owner.id().toString()));
        api(owner.token()).delete("/api/keys/not-an-id").then().statusCode(422);
    }

    @Test
    void theLastUseIsRecordedOnTheFirstUseThenAtMostOnceAMinute() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Busy");
        assertThat(lastUsed(user)).isNull();

        Instant before = clock.instant();
        api(key).get("/api/credits/balance").then().statusCode(200);
        Instant first = lastUsed(user);
        assertThat(first).isNotNull().isBetween(before.minusMillis(1), clock.instant());

        clock.advance(Duration.ofSeconds(30));
        api(key).get("/api/credits/balance").then().statusCode(200);
        api(key).get("/api/auth/me").then().statusCode(200);
        assertThat(lastUsed(user))
                .as("used again within the minute: not written")
                .isEqualTo(first);

        clock.advance(Duration.ofSeconds(31));
        api(key).get("/api/credits/balance").then().statusCode(200);
        assertThat(lastUsed(user)).isAfterOrEqualTo(first.plusSeconds(61));
    }

    @Test
    void loggingOutEverywhereAndChangingThePasswordLeaveKeysWorking() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Survivor");

        api(user.token()).post("/api/auth/logout-all").then().statusCode(204);

        api(user.token()).get("/api/auth/me").then().statusCode(401);
        api(key).get("/api/auth/me").then().statusCode(200);
        String fresh = login(user.email(), PASSWORD).path("access_token");
        api(fresh)
                .body(json(Map.of("current_password", PASSWORD, "new_password", "a different horse")))
                .post("/api/auth/change-password")
                .then()
                .statusCode(200);
        api(fresh).get("/api/auth/me").then().statusCode(401);
        api(key).get("/api/credits/balance").then().statusCode(200);
    }

    @Test
    void aSuspendedAccountsKeysAreRefusedUntilItIsReactivated() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        String key = createKey(user, "Paused");

        api(admin.token())
                .body(json(Map.of("reason", "Chargeback, ticket 77")))
                .post("/api/admin/users/" + user.id() + "/suspend")
                .then()
                .statusCode(200);

        for (String path : List.of("/api/auth/me", "/api/credits/balance")) {
            api(key).get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("error", equalTo("account_suspended"));
        }
        api(key).body(json(address("5 Suspended Key Road", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(403)
                .body("error", equalTo("account_suspended"));
        assertThat(generationCount(user)).isZero();

        api(admin.token())
                .body(json(Map.of("reason", "Resolved")))
                .post("/api/admin/users/" + user.id() + "/reactivate")
                .then()
                .statusCode(200);

        api(key).get("/api/auth/me").then().statusCode(200);
        // what the suspension ended stays ended: the access token
        api(user.token()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aDeletedAccountsKeysGoWithIt() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Last one");

        api(user.token())
                .body(json(Map.of("password", PASSWORD)))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);

        api(key).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthenticated"));
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yk_",
                "yk_short",
                "yk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "yk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "yk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "yk_AAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAA",
                "yk_!!!!",
                "yk_a b"
            })
    void aValueThatIsNoKeyIsUnauthenticated(String value) {
        api(value)
                .get("/api/credits/balance")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("error", equalTo("unauthenticated"));
    }

    @Test
    void aKeyWithAWrongLetterIsUnauthenticated() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Exact");
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');

        api(tampered).get("/api/auth/me").then().statusCode(401);
        api(key.toUpperCase(Locale.ROOT)).get("/api/auth/me").then().statusCode(401);
        api(key).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void onlyAVerifiedUserMakesKeys() {
        String token = registerAndLogin(newEmail());

        api(token)
                .body(json(Map.of("name", "Too early")))
                .post("/api/keys")
                .then()
                .statusCode(403)
                .body("error", equalTo("email_not_verified"));
        api(token).get("/api/keys").then().statusCode(200).body("items", equalTo(List.of()));
    }

    /** Each as written in the JSON body: escapes are JSON's. */
    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\\nlines", "tab\\tbed", "nul\\u0000", "half \\ud800 a character"})
    void aNameThatBreaksARuleIsRefusedAndMakesNothing(String name) {
        TestUser user = verifiedUser();

        api(user.token())
                .body("{\"name\":\"" + name + "\"}")
                .post("/api/keys")
                .then()
                .statusCode(422)
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("name"));
        api(user.token()).get("/api/keys").then().body("items", equalTo(List.of()));
    }

    @Test
    void aNameIsOneToAHundredCharactersTrimmedAndRequired() {
        TestUser user = verifiedUser();
        String hundredEmoji = "🌿".repeat(100);

        api(user.token()).body("{}").post("/api/keys").then().statusCode(422).body("errors[0].field", equalTo("name"));
        api(user.token())
                .body(json(Map.of("name", "x".repeat(101))))
                .post("/api/keys")
                .then()
                .statusCode(422)
                .body("errors[0].message", equalTo("must be at most 100 characters"));
        api(user.token())
                .body(json(Map.of("name", hundredEmoji)))
                .post("/api/keys")
                .then()
                .statusCode(201)
                .body("name", equalTo(hundredEmoji));
        api(user.token())
                .body(json(Map.of("name", "  Padded  ")))
                .post("/api/keys")
                .then()
                .statusCode(201)
                .body("name", equalTo("Padded"));
    }

    @Test
    void twentyKeysAtMostEvenWhenRequestedAtOnce() throws Exception {
        TestUser user = verifiedUser();

        List<Response> answers = race(
                25,
                i -> () ->
                        api(user.token()).body(json(Map.of("name", "Key " + i))).post("/api/keys"));

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(20);
        assertThat(answers.stream().filter(a -> a.statusCode() == 422))
                .hasSize(5)
                .allSatisfy(a -> assertThat(a.<String>path("errors[0].message"))
                        .isEqualTo("you have 20 API keys already; delete one first"));
        assertThat(api(user.token()).get("/api/keys").<List<?>>path("items")).hasSize(20);
        api(user.token())
                .delete("/api/keys/" + api(user.token()).get("/api/keys").path("items[0].id"))
                .then()
                .statusCode(204);
        api(user.token())
                .body(json(Map.of("name", "Room again")))
                .post("/api/keys")
                .then()
                .statusCode(201);
    }

    @Test
    void aKeyAndAnAccessTokenShareTheUsersGenerationRateLimit() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Rate limited");

        try (MutableClock.Frozen frozen = clock.freeze()) {
            acceptAddress(user, "10 Shared Limit Road", "japanese_zen");
            acceptAddress(user, "11 Shared Limit Road", "japanese_zen");
            api(key).body(json(address("12 Shared Limit Road", "japanese_zen")))
                    .post("/api/generations")
                    .then()
                    .statusCode(202);

            api(key).body(json(address("13 Shared Limit Road", "japanese_zen")))
                    .post("/api/generations")
                    .then()
                    .statusCode(429)
                    .body("error", equalTo("rate_limited"));
            create(user, address("14 Shared Limit Road", "japanese_zen"))
                    .then()
                    .statusCode(429)
                    .body("error", equalTo("rate_limited"));
        }
        assertThat(generationCount(user)).isEqualTo(3);
    }

    /**
     * Every operation of the API, from its OpenAPI document, sent with a key: those of {@link #REFUSED} answer 403
     * {@code api_key_not_allowed} (and document it), every other takes the key as it takes an access token. An
     * operation on neither list fails the test: whoever adds an endpoint decides whether an integration may use it.
     */
    @Test
    void everyOperationOfTheApiEitherTakesAKeyOrRefusesItAsDocumented() {
        TestUser user = verifiedUser();
        String key = createKey(user, "Walker");
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        Map<String, Object> paths = JSON.readValue(
                        api().get("/api/openapi.json").asString(), Document.class)
                .paths();
        paths.forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
            Map<?, ?> described = (Map<?, ?>) operation;
            if (path.startsWith("/api/") && !List.of().equals(described.get("security"))) {
                operations.put(
                        method.toString().toUpperCase(Locale.ROOT) + " " + path, castMap(described.get("responses")));
            }
        }));

        assertThat(operations.keySet()).containsExactlyInAnyOrderElementsOf(union(REFUSED, TAKEN));
        String unknown = UUID.randomUUID().toString();
        operations.forEach((operation, responses) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", unknown);
            Response answer = api(key).body("{}").request(method, path);
            if (REFUSED.contains(operation)) {
                assertThat(answer.statusCode()).as(operation).isEqualTo(403);
                assertThat(answer.<String>path("error")).as(operation).isEqualTo("api_key_not_allowed");
                assertThat(String.valueOf(castMap(responses.get("403")).get("description")))
                        .as(operation)
                        .contains("api_key_not_allowed");
            } else {
                assertThat(answer.statusCode()).as(operation).isNotIn(401, 403);
                assertThat(String.valueOf(responses.get("403"))).as(operation).doesNotContain("api_key_not_allowed");
            }
        });
        // none of it changed anything: the key and the token both still work
        api(key).get("/api/auth/me").then().statusCode(200);
        api(user.token()).get("/api/keys").then().body("items.name", equalTo(List.of("Walker")));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Document(Map<String, Object> paths) {}

    private static final List<String> REFUSED = List.of(
            "POST /api/auth/change-password",
            "POST /api/auth/logout-all",
            "POST /api/auth/change-email",
            "DELETE /api/auth/me",
            "GET /api/auth/me/export",
            "POST /api/keys",
            "GET /api/keys",
            "DELETE /api/keys/{id}",
            "POST /api/purchases",
            "GET /api/purchases",
            "GET /api/purchases/{id}",
            "GET /api/admin/users",
            "GET /api/admin/users/{id}",
            "POST /api/admin/users/{id}/adjustments",
            "POST /api/admin/users/{id}/suspend",
            "POST /api/admin/users/{id}/reactivate",
            "GET /api/admin/generations/failed",
            "GET /api/admin/stats",
            "GET /api/admin/audit");

    private static final List<String> TAKEN = List.of(
            "GET /api/auth/me",
            "GET /api/credits/balance",
            "GET /api/credits/transactions",
            "GET /api/styles",
            "GET /api/rate-limits/status",
            "POST /api/uploads",
            "GET /api/uploads",
            "GET /api/uploads/{id}",
            "DELETE /api/uploads/{id}",
            "GET /api/uploads/{id}/image",
            "POST /api/generations",
            "GET /api/generations",
            "GET /api/generations/{id}",
            "DELETE /api/generations/{id}",
            "GET /api/generations/{id}/image",
            "GET /api/generations/{id}/before",
            "POST /api/generations/{id}/refinements",
            "GET /api/generations/{id}/versions",
            "POST /api/generations/{id}/share",
            "DELETE /api/generations/{id}/share",
            "POST /api/comparisons",
            "GET /api/comparisons/{id}",
            "POST /api/webhooks",
            "GET /api/webhooks",
            "DELETE /api/webhooks/{id}",
            "GET /api/webhooks/{id}/deliveries");

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static String createKey(TestUser user, String name) {
        return api(user.token())
                .body(json(Map.of("name", name)))
                .post("/api/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    private static String idOf(TestUser user, String name) {
        return api(user.token()).get("/api/keys").path("items.find { it.name == '" + name + "' }.id");
    }

    private Instant lastUsed(TestUser user) {
        String value = api(user.token()).get("/api/keys").path("items[0].last_used_at");
        return value == null ? null : Instant.parse(value);
    }
}
