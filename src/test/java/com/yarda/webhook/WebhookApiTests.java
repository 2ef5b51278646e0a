package com.yarda.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook endpoints of API.md, with the production rules: https only, and never to this host or its network. */
class WebhookApiTests extends IntegrationTest {

    private static final String PUBLIC_URL = "https://93.184.215.14/yarda-hooks";

    @Test
    void anAddedWebhookShowsItsSecretOnceAndIsListedWithout() {
        TestUser user = verifiedUser();

        Response added = api(user.token())
                .body(json(Map.of("url", PUBLIC_URL, "events", List.of("generation.completed"))))
                .post("/api/webhooks");

        added.then()
                .statusCode(201)
                .body("url", equalTo(PUBLIC_URL))
                .body("events", equalTo(List.of("generation.completed")))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        String secret = added.path("secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
        String id = added.path("id");

        Response listed = api(user.token()).get("/api/webhooks");
        listed.then().statusCode(200).body("items.id", equalTo(List.of(id)));
        assertThat(listed.<Map<String, Object>>path("items[0]")).containsOnlyKeys("id", "url", "events", "created_at");
        assertThat(listed.asString()).doesNotContain(secret.substring(6, 20));
        api(user.token())
                .get("/api/webhooks/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void leftOutEventsMeanBothAndTheSecretIsNotStoredReadably() {
        TestUser user = verifiedUser();

        Response added = api(user.token()).body(json(Map.of("url", PUBLIC_URL))).post("/api/webhooks");

        added.then().statusCode(201).body("events", equalTo(List.of("generation.completed", "generation.failed")));
        String secret = added.path("secret");
        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM webhook_endpoints WHERE id = :id")
                .param("id", UUID.fromString(added.path("id")))
                .query(byte[].class)
                .single();
        String stored = HexFormat.of().formatHex(sealed) + new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(stored)
                .doesNotContain(secret)
                .doesNotContain(secret.substring(6, 26))
                .doesNotContain(HexFormat.of().formatHex(Base64.getDecoder().decode(secret.substring(6))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hooks",
                "https://127.0.0.1/hooks",
                "https://localhost:8443/hooks",
                "https://[::1]/hooks",
                "https://10.0.0.5/hooks",
                "https://172.20.1.1/hooks",
                "https://192.168.1.10/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hooks",
                "https://224.0.0.1/hooks",
                "https://user:secret@93.184.215.14/hooks",
                "not a url",
                ""
            })
    void aUrlThatIsNotHttpsOrReachesThisHostOrItsNetworkIs422AndAddsNothing(String url) {
        TestUser user = verifiedUser();

        api(user.token())
                .body(json(Map.of("url", url)))
                .post("/api/webhooks")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("error", equalTo("validation_failed"))
                .body("errors.field", hasItem("url"));

        api(user.token()).get("/api/webhooks").then().body("items", equalTo(List.of()));
    }

    @Test
    void anUnknownEventIs422AndAMissingOrMistypedBodyIs400() {
        TestUser user = verifiedUser();

        api(user.token())
                .body(json(Map.of("url", PUBLIC_URL, "events", List.of("generation.completed", "design.done"))))
                .post("/api/webhooks")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("events"));
        api(user.token())
                .body("{\"url\": \"" + PUBLIC_URL + "\", \"events\": \"generation.completed\"}")
                .post("/api/webhooks")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed_request"));
        api(user.token()).body("{").post("/api/webhooks").then().statusCode(400);
        api(user.token()).get("/api/webhooks").then().body("items", equalTo(List.of()));
    }

    @Test
    void atMostTenWebhooksPerAccount() {
        TestUser user = verifiedUser();
        for (int i = 0; i < 10; i++) {
            api(user.token())
                    .body(json(Map.of("url", PUBLIC_URL + "/" + i)))
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201);
        }

        api(user.token())
                .body(json(Map.of("url", PUBLIC_URL + "/10")))
                .post("/api/webhooks")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("url"));
        api(user.token()).get("/api/webhooks").then().body("items.size()", equalTo(10));
    }

    @Test
    void someoneElsesWebhookIsNotFoundAndADeletedOneIsGone() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String id = api(owner.token())
                .body(json(Map.of("url", PUBLIC_URL)))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        api(stranger.token()).get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
        api(stranger.token())
                .delete("/api/webhooks/" + id)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        api(stranger.token()).get("/api/webhooks").then().body("items", equalTo(List.of()));

        api(owner.token()).delete("/api/webhooks/" + id).then().statusCode(204);

        api(owner.token()).delete("/api/webhooks/" + id).then().statusCode(404);
        api(owner.token()).get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
        api(owner.token()).get("/api/webhooks").then().body("items", equalTo(List.of()));
        api(owner.token()).get("/api/webhooks/not-a-uuid/deliveries").then().statusCode(422);
    }

    @Test
    void withoutATokenEveryWebhookEndpointIs401() {
        api().body(json(Map.of("url", PUBLIC_URL))).post("/api/webhooks").then().statusCode(401);
        api().get("/api/webhooks").then().statusCode(401);
        api().delete("/api/webhooks/" + UUID.randomUUID()).then().statusCode(401);
        api().get("/api/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(401);
    }
}
