package com.yarda.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST/DELETE /api/generations/{id}/share} and the life of a link: made, shown again, stopped, ended. */
class ShareApiTests extends IntegrationTest {

    @Autowired
    private ShareTokens tokens;

    @Test
    void sharingACompletedDesignAnswers201WithALinkThenTheSameLinkWith200() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "10 Share Street, Springfield");

        Response first = share(user, id);
        first.then().statusCode(201).contentType("application/json");
        String token = first.path("token");
        assertThat(token).as("base64url of 32 bytes: 256 random bits").matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(first.<String>path("url")).isEqualTo(PUBLIC_URL + "/s/" + token);
        assertThat(first.header("Location")).isEqualTo(PUBLIC_URL + "/s/" + token);
        assertThat(first.<String>path("created_at")).isNotBlank();

        Response again = share(user, id);
        again.then().statusCode(200);
        assertThat(again.<Map<String, Object>>path("$")).isEqualTo(first.<Map<String, Object>>path("$"));
        // another design gets a link of its own
        String other = completedDesign(user, "12 Share Street, Springfield");
        assertThat(share(user, other).then().statusCode(201).extract().<String>path("token"))
                .isNotEqualTo(token);
    }

    @Test
    void theDatabaseKeepsNoTokenThatOpensALinkOnlyItsHash() throws Exception {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "14 Share Street, Springfield");
        String token = share(user, id).then().statusCode(201).extract().path("token");

        Map<String, Object> row = jdbc.sql("SELECT * FROM shares WHERE generation_id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        assertThat((byte[]) row.get("token_hash"))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        byte[] tokenBytes = Base64.getUrlDecoder().decode(token);
        for (Map.Entry<String, Object> column : row.entrySet()) {
            Object value = column.getValue();
            if (value instanceof byte[] bytes) {
                assertThat(bytes).as(column.getKey()).isNotEqualTo(tokenBytes);
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .as(column.getKey())
                        .doesNotContain(token);
            } else {
                assertThat(String.valueOf(value)).as(column.getKey()).doesNotContain(token);
            }
        }
        // neither of the stored values opens the page
        byte[] seed = (byte[]) row.get("token_seed");
        for (String guess : List.of(
                Base64.getUrlEncoder().withoutPadding().encodeToString(seed),
                Base64.getUrlEncoder().withoutPadding().encodeToString((byte[]) row.get("token_hash")))) {
            given().get("/s/" + guess).then().statusCode(404);
        }
        given().get("/s/" + token).then().statusCode(200);
    }

    @Test
    void stoppingSharingEndsTheLinkAtOnceAndSharingAgainMakesANewOne() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "16 Share Street, Springfield");
        String token = share(user, id).then().statusCode(201).extract().path("token");
        given().get("/s/" + token).then().statusCode(200);

        api(user.token()).delete("/api/generations/" + id + "/share").then().statusCode(204);

        for (String path : List.of("", "/image", "/before", "/pdf")) {
            given().get("/s/" + token + path).then().statusCode(404);
        }
        // stopping what is not shared changes nothing
        api(user.token()).delete("/api/generations/" + id + "/share").then().statusCode(204);
        String renewed = share(user, id).then().statusCode(201).extract().path("token");
        assertThat(renewed).isNotEqualTo(token);
        given().get("/s/" + renewed).then().statusCode(200);
        given().get("/s/" + token).then().statusCode(404);
    }

    @Test
    void someoneElsesDesignCannotBeSharedOrStoppedAndAnUnknownOneIsNotFound() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String id = completedDesign(owner, "18 Share Street, Springfield");
        String token = share(owner, id).then().statusCode(201).extract().path("token");

        share(stranger, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("error", equalTo("not_found"));
        api(stranger.token())
                .delete("/api/generations/" + id + "/share")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        share(owner, UUID.randomUUID().toString()).then().statusCode(404);

        given().get("/s/" + token).then().statusCode(200);
        api().post("/api/generations/" + id + "/share").then().statusCode(401);
    }

    @Test
    void aDesignThatHasNotCompletedCannotBeShared() {
        TestUser user = verifiedUser();
        String broken = "20 Broken Share Street, Springfield";
        designer().script(broken, (request, real) -> {
            throw new DesignFailed("The designer is unavailable.", false);
        });
        String failed = acceptAddress(user, broken, "japanese_zen");
        assertThat(awaitFinished(user, failed)).containsEntry("status", "failed");
        share(user, failed)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("error", equalTo("generation_not_completed"));

        String slow = "22 Slow Share Street, Springfield";
        try (Held drawing = designer().hold(slow)) {
            String id = acceptAddress(user, slow, "japanese_zen");
            drawing.awaitStarted();
            share(user, id).then().statusCode(409).body("error", equalTo("generation_not_completed"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM shares WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void deletingTheDesignEndsItsLink() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "24 Share Street, Springfield");
        String token = share(user, id).then().statusCode(201).extract().path("token");

        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

        for (String path : List.of("", "/image", "/before", "/pdf")) {
            given().get("/s/" + token + path).then().statusCode(404);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM shares WHERE generation_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .as("links of a deleted design")
                .isZero();
        share(user, id).then().statusCode(404);
    }

    @Test
    void deletingTheAccountEndsItsLinks() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "26 Share Street, Springfield");
        String token = share(user, id).then().statusCode(201).extract().path("token");

        api(user.token())
                .body(json(Map.of("password", PASSWORD)))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);

        given().get("/s/" + token).then().statusCode(404);
        given().get("/s/" + token + "/image").then().statusCode(404);
        assertThat(jdbc.sql("SELECT count(*) FROM shares WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownRevokedOrDeletedLinkAnswersTheSame404() {
        TestUser user = verifiedUser();
        String revokedDesign = completedDesign(user, "28 Share Street, Springfield");
        String revoked =
                share(user, revokedDesign).then().statusCode(201).extract().path("token");
        api(user.token())
                .delete("/api/generations/" + revokedDesign + "/share")
                .then()
                .statusCode(204);
        String deletedDesign = completedDesign(user, "30 Share Street, Springfield");
        String deleted =
                share(user, deletedDesign).then().statusCode(201).extract().path("token");
        api(user.token()).delete("/api/generations/" + deletedDesign).then().statusCode(204);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        Set<String> answers = List.of(unknown, revoked, deleted, "not-a-token").stream()
                .map(token -> {
                    Response answer = given().get("/s/" + token);
                    assertThat(answer.statusCode()).as(token).isEqualTo(404);
                    assertThat(answer.header("X-Robots-Tag")).contains("noindex");
                    return answer.asString();
                })
                .collect(Collectors.toSet());
        assertThat(answers).as("one and the same page for every dead link").hasSize(1);
        assertThat(answers.iterator().next()).doesNotContain(user.email());
    }

    @Test
    void requestsAtOnceForOneDesignMakeOneLink() throws Exception {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "32 Share Street, Springfield");

        List<Response> answers = race(6, i -> () -> share(user, id));

        assertThat(answers.stream().map(Response::statusCode).sorted().toList())
                .containsExactly(200, 200, 200, 200, 200, 201);
        assertThat(answers.stream().map(a -> a.<String>path("token")).collect(Collectors.toSet()))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shares WHERE generation_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tokensCarry256RandomBitsAndTheSameSeedAlwaysGivesTheSameToken() {
        int count = 10_000;
        Set<String> seen = new HashSet<>();
        int[] ones = new int[ShareTokens.SEED_BYTES * 8];
        for (int i = 0; i < count; i++) {
            byte[] seed = tokens.newSeed();
            String token = tokens.token(seed);
            assertThat(token).hasSize(ShareTokens.TOKEN_LENGTH).matches("[A-Za-z0-9_-]+");
            assertThat(tokens.token(seed)).as("shown again").isEqualTo(token);
            assertThat(seen.add(token)).as("a new token").isTrue();
            byte[] bits = Base64.getUrlDecoder().decode(token);
            assertThat(bits).hasSize(32);
            for (int bit = 0; bit < ones.length; bit++) {
                ones[bit] += (bits[bit / 8] >> (bit % 8)) & 1;
            }
        }
        // every one of the 256 bits is set in about half of the tokens: 45 % to 55 % is ten standard deviations wide
        for (int bit = 0; bit < ones.length; bit++) {
            assertThat(ones[bit]).as("bit %d", bit).isBetween(count * 45 / 100, count * 55 / 100);
        }
    }

    private static Response share(TestUser user, String id) {
        return api(user.token()).post("/api/generations/" + id + "/share");
    }
}
