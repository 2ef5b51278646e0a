package com.yarda.generation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import com.yarda.test.YardPhotos;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class GenerationApiTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAddressBecomesACompletedDesignPaidWithATrialCredit() throws Exception {
        TestUser user = verifiedUser();

        Response accepted = create(user, address("12 Garden Lane, Springfield", "japanese_zen"));

        accepted.then()
                .statusCode(202)
                .contentType("application/json")
                .body("status", equalTo("pending"))
                .body("input_type", equalTo("address"))
                .body("input_address", equalTo("12 Garden Lane, Springfield"))
                .body("style", equalTo("japanese_zen"))
                .body("credit_type", equalTo("trial"))
                .body("credit_refunded", is(false))
                .body("output_image_url", nullValue());
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).isEqualTo("/api/generations/" + id);
        assertThat(accepted.header("RateLimit-Policy")).isEqualTo("\"generations\";q=3;w=60");
        assertThat(accepted.header("RateLimit")).isEqualTo("\"generations\";r=2;t=60");

        Map<String, Object> done = awaitFinished(user, id);
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("output_image_url")).isEqualTo("/api/generations/" + id + "/image");
        assertThat(done.get("started_at")).isNotNull();
        assertThat(done.get("completed_at")).isNotNull();
        assertThat(done.get("processing_time_ms")).isNotNull();

        byte[] png = api(user.token())
                .get("/api/generations/" + id + "/image")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(400);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token())
                .get("/api/credits/transactions")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].kind", equalTo("consume"))
                .body("items[0].amount", equalTo(-1))
                .body("items[0].balance_after", equalTo(2))
                .body("items[0].generation_id", equalTo(id))
                .body("items[1].kind", equalTo("trial_grant"));
        assertLedgerMatchesBalances();
    }

    @Test
    void trialCreditsAreSpentBeforeTokensAndAnEmptyAccountGets402() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 1);

        for (int i = 0; i < 3; i++) {
            create(user, address("1 Trial Street " + i, "modern_minimalist"))
                    .then()
                    .statusCode(202)
                    .body("credit_type", equalTo("trial"));
        }
        clock.advance(Duration.ofSeconds(60));
        create(user, address("1 Token Street", "modern_minimalist"))
                .then()
                .statusCode(202)
                .body("credit_type", equalTo("token"));
        create(user, address("1 Broke Street", "modern_minimalist"))
                .then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("error", equalTo("insufficient_credits"))
                .body("detail", Matchers.containsString("Buy"));

        api(user.token())
                .get("/api/credits/balance")
                .then()
                .body("trial_credits", equalTo(0))
                .body("token_balance", equalTo(0))
                .body("total_available", equalTo(0));
        assertThat(generationCount(user)).isEqualTo(4);
        assertLedgerMatchesBalances();
    }

    @Test
    void anUnverifiedUserIsRefusedBeforeAnythingElse() {
        String token = registerAndLogin(newEmail());

        api(token)
                .body(json(Map.of("input_type", "address", "style", "nope")))
                .post("/api/generations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("error", equalTo("email_not_verified"));
        api(token).get("/api/credits/balance").then().body("total_available", equalTo(3));
    }

    @Test
    void invalidRequestsAre422NamingTheFieldsAndChangeNothing() {
        TestUser user = verifiedUser();
        TestUser other = verifiedUser();
        String foreignUpload = upload(other, photo(640, 480)).path("url");

        List<Map<String, Object>> invalid = List.of(
                Map.of("input_type", "address", "input_address", "1234", "style", "japanese_zen"),
                Map.of("input_type", "address", "input_address", "x".repeat(201), "style", "japanese_zen"),
                Map.of("input_type", "address", "input_address", "12 Valid Road", "style", "gothic"),
                Map.of("input_type", "sketch", "style", "japanese_zen"),
                Map.of("input_type", "photo", "style", "japanese_zen"),
                Map.of("input_type", "photo", "style", "japanese_zen", "input_photo_url", foreignUpload),
                Map.of("input_type", "photo", "style", "japanese_zen", "input_photo_url", "http://169.254.169.254/x"),
                Map.of(
                        "input_type",
                        "address",
                        "input_address",
                        "12 Valid Road",
                        "style",
                        "japanese_zen",
                        "custom_prompt",
                        "y".repeat(501)));
        List<String> fields = List.of(
                "input_address",
                "input_address",
                "style",
                "input_type",
                "input_photo_url",
                "input_photo_url",
                "input_photo_url",
                "custom_prompt");
        for (int i = 0; i < invalid.size(); i++) {
            create(user, invalid.get(i))
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("error", equalTo("validation_failed"))
                    .body("errors.field", containsInAnyOrder(fields.get(i)));
        }
        api(user.token())
                .body("{\"input_type\": [1]}")
                .post("/api/generations")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed_request"));

        assertThat(generationCount(user)).isZero();
        api(user.token()).get("/api/credits/balance").then().body("total_available", equalTo(3));
        // only requests that pass validation count against the rate limit
        api(user.token())
                .get("/api/rate-limits/status")
                .then()
                .body("remaining_requests", equalTo(3))
                .body("can_request", is(true));
    }

    @Test
    void aCustomPromptOfExactly500CharactersIsAccepted() {
        TestUser user = verifiedUser();
        Map<String, Object> request = new HashMap<>(address("9 Prompt Avenue", "english_garden"));
        request.put("custom_prompt", "z".repeat(500));
        create(user, request).then().statusCode(202).body("custom_prompt", equalTo("z".repeat(500)));
    }

    @Test
    void aPhotoUploadedFirstOrSentInTheSameRequestBecomesADesign() throws Exception {
        TestUser user = verifiedUser();
        Response upload = upload(user, YardPhotos.yardPng(800, 600));
        upload.then()
                .statusCode(201)
                .body("content_type", equalTo("image/png"))
                .body("width", equalTo(800))
                .body("height", equalTo(600))
                .body("size_bytes", notNullValue())
                .body("url", startsWith("/api/uploads/"));

        Response fromUrl = create(
                user, Map.of("input_type", "photo", "input_photo_url", upload.path("url"), "style", "mediterranean"));
        fromUrl.then().statusCode(202).body("input_photo_url", equalTo(upload.path("url")));

        Response multipart = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "tropical_resort")
                .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg")
                .post("/api/generations");
        multipart.then().statusCode(202).body("input_photo_url", startsWith("/api/uploads/"));

        for (Response accepted : List.of(fromUrl, multipart)) {
            Map<String, Object> done = awaitFinished(user, accepted.path("id"));
            assertThat(done.get("status")).isEqualTo("completed");
            api(user.token()).get((String) done.get("output_image_url")).then().statusCode(200);
            api(user.token()).get((String) done.get("input_photo_url")).then().statusCode(200);
        }
    }

    @Test
    void uploadsThatAreNotImagesOrTooLargeAreRefused() {
        TestUser user = verifiedUser();
        api(user.token())
                .contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", "this is not a photo".getBytes(), "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("error", equalTo("unsupported_media_type"));
        api(user.token())
                .contentType("multipart/form-data")
                .multiPart("file", "huge.png", new byte[10 * 1024 * 1024 + 1], "image/png")
                .post("/api/uploads")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("error", equalTo("payload_too_large"));
        api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "tropical_resort")
                .multiPart("photo", "notes.txt", "plain text".getBytes(), "text/plain")
                .post("/api/generations")
                .then()
                .statusCode(415);
        assertThat(generationCount(user)).isZero();
    }

    @Test
    void anotherUsersGenerationImageAndUploadAreNotFound() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String uploadId = upload(owner, photo(640, 480)).path("id");
        String id = create(owner, address("7 Private Road", "desert_landscape")).path("id");
        awaitFinished(owner, id);

        for (String path : List.of(
                "/api/generations/" + id,
                "/api/generations/" + id + "/image",
                "/api/uploads/" + uploadId,
                "/api/uploads/" + uploadId + "/image",
                "/api/generations/" + UUID.randomUUID())) {
            api(stranger.token())
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("error", equalTo("not_found"));
        }
        api(stranger.token()).get("/api/generations").then().body("total", equalTo(0));
    }

    @Test
    void historyIsNewestFirstWithPagingAndAStatusFilter() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 5);
        String failing = "404 Failing Street";
        designer().script(failing, (request, real) -> {
            throw new DesignFailed("The designer is unavailable.", false);
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i == 3) {
                clock.advance(Duration.ofSeconds(60));
            }
            String street = i == 2 ? failing : i + " History Road";
            ids.add(create(user, address(street, "california_native")).path("id"));
            clock.advance(Duration.ofMillis(10));
        }
        ids.forEach(id -> awaitFinished(user, id));

        api(user.token())
                .get("/api/generations?limit=2&offset=0")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("limit", equalTo(2))
                .body("offset", equalTo(0))
                .body("items.id", Matchers.contains(ids.get(4), ids.get(3)));
        api(user.token())
                .get("/api/generations?limit=2&offset=4")
                .then()
                .body("items.id", Matchers.contains(ids.get(0)));
        api(user.token())
                .get("/api/generations?status=failed")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(ids.get(2)))
                .body("items[0].error_message", Matchers.containsString("unavailable"));
        api(user.token()).get("/api/generations?status=completed").then().body("total", equalTo(4));
        for (String bad : List.of("limit=0", "limit=101", "offset=-1", "status=done", "limit=abc")) {
            api(user.token())
                    .get("/api/generations?" + bad)
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("validation_failed"));
        }
    }

    @Test
    void anIdempotentRetryGetsTheFirstAnswerAndIsChargedOnce() {
        TestUser user = verifiedUser();
        Map<String, Object> body = address("3 Retry Court", "english_garden");

        Response first = create(user, body, "key-1");
        Response retry = create(user, body, "key-1");

        first.then().statusCode(202);
        retry.then().statusCode(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(generationCount(user)).isEqualTo(1);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));

        create(user, address("4 Other Court", "english_garden"), "key-1")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("error", equalTo("idempotency_key_reused"));
        // the same key of another user is another key
        TestUser other = verifiedUser();
        create(other, body, "key-1").then().statusCode(202).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aRetryWhileTheFirstRequestIsInFlightGets409() {
        TestUser user = verifiedUser();
        String key = "in-flight-key";
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            // exactly what an accepting request holds until it commits
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .param("lock", "idempotency:" + user.id() + ":" + key)
                    .query((rs, row) -> 1)
                    .single();
            create(user, address("5 Busy Way", "mediterranean"), key)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("idempotency_in_flight"));
        });
        create(user, address("5 Busy Way", "mediterranean"), key).then().statusCode(202);
    }

    @Test
    void stylesListTheCatalog() {
        TestUser user = verifiedUser();
        api(user.token())
                .get("/api/styles")
                .then()
                .statusCode(200)
                .body(
                        "id",
                        containsInAnyOrder(
                                "modern_minimalist",
                                "california_native",
                                "japanese_zen",
                                "english_garden",
                                "desert_landscape",
                                "mediterranean",
                                "tropical_resort"))
                .body("name", not(Matchers.hasItem(nullValue())))
                .body("description", not(Matchers.hasItem(nullValue())))
                // what to take to a nursery or a contractor: the plants and materials every design of a style uses
                .body("find { it.id == 'japanese_zen' }.plants[0].common_name", equalTo("Japanese maple"))
                .body("find { it.id == 'japanese_zen' }.plants[0].botanical_name", equalTo("Acer palmatum"))
                .body("find { it.id == 'japanese_zen' }.plants[0].sun", notNullValue())
                .body("find { it.id == 'japanese_zen' }.plants[0].water", notNullValue())
                .body("find { it.id == 'japanese_zen' }.materials.name", Matchers.hasItem("Raked granite gravel"))
                .body("plants.collect { it.size() }", Matchers.everyItem(Matchers.greaterThanOrEqualTo(5)))
                .body("materials.collect { it.size() }", Matchers.everyItem(Matchers.greaterThanOrEqualTo(4)));
    }

    @Test
    void aJpegDesignIsServedAndDownloadedAsAJpeg() throws Exception {
        TestUser user = verifiedUser();
        String street = "7 Jpeg Junction";
        byte[] jpeg = jpeg(320, 240);
        designer().script(street, (request, real) -> new Design(jpeg, "image/jpeg", "a prompt"));
        String id = acceptAddress(user, street, "mediterranean");
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");

        Response fromApi = api(user.token()).get("/api/generations/" + id + "/image");
        Response fromPage = given().cookies(webSession(user)).get("/generations/" + id + "/image?download");

        for (Response image : List.of(fromApi, fromPage)) {
            image.then().statusCode(200).contentType("image/jpeg");
            assertThat(image.asByteArray()).isEqualTo(jpeg);
            assertThat(image.header("Content-Disposition")).matches(".*filename=\"yarda-[a-z-]*" + id + "\\.jpg\"");
        }
    }

    @Test
    void aGenerationIsWrittenAndReadBackUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        // where "trial".toUpperCase() is "TRİAL" and "TRIAL".toLowerCase() is "trıal"
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            TestUser user = verifiedUser();
            String id = acceptAddress(user, "1 Istiklal Avenue", "mediterranean");

            Map<String, Object> done = awaitFinished(user, id);

            assertThat(done)
                    .containsEntry("status", "completed")
                    .containsEntry("input_type", "address")
                    .containsEntry("style", "mediterranean")
                    .containsEntry("credit_type", "trial");
            api(user.token())
                    .get("/api/generations?status=completed")
                    .then()
                    .statusCode(200)
                    .body("items[0].id", equalTo(id))
                    .body("items[0].credit_type", equalTo("trial"));
            api(user.token()).get("/api/credits/transactions").then().body("items[0].credit_type", equalTo("trial"));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(width, height)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
