package com.yarda.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.storage.ImageStore;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A homeowner's photos: listed newest first, a page at a time, only their own; and deleted one by one, which leaves
 * the designs made from them working, without their "before".
 */
class MyPhotosTests extends IntegrationTest {

    @Autowired
    private ImageStore images;

    @Test
    void myPhotosAreListedNewestFirstInPagesAndNobodyElsesAre() {
        TestUser user = verifiedUser();
        TestUser stranger = verifiedUser();
        String foreign = upload(stranger, photo(640, 480)).path("id");
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploaded.add(upload(user, photo(640 + i, 480))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
            clock.advance(Duration.ofSeconds(1));
        }

        Response first = api(user.token()).queryParam("limit", 2).get("/api/uploads");
        first.then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("limit", equalTo(2))
                .body("offset", equalTo(0))
                .body("items.id", contains(uploaded.get(2), uploaded.get(1)));
        api(user.token())
                .queryParams(Map.of("limit", 2, "offset", 2))
                .get("/api/uploads")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(uploaded.get(0)));
        // each item is the upload as POST and GET /api/uploads/{id} answer it
        Map<String, Object> newest = first.path("items[0]");
        assertThat(newest)
                .isEqualTo(
                        api(user.token()).get("/api/uploads/" + uploaded.get(2)).path("$"))
                .containsEntry("url", "/api/uploads/" + uploaded.get(2) + "/image")
                .containsEntry("content_type", "image/jpeg")
                .containsEntry("width", 642)
                .containsEntry("used_by", List.of());
        api(stranger.token()).get("/api/uploads").then().body("items.id", contains(foreign));

        for (Map<String, ?> bad : List.of(Map.of("limit", 0), Map.of("limit", 101), Map.of("offset", -1))) {
            api(user.token())
                    .queryParams(bad)
                    .get("/api/uploads")
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("validation_failed"));
        }
    }

    @Test
    void aDeletedPhotoIsGoneButTheDesignMadeFromItKeepsItsImageWithoutItsBefore() {
        TestUser user = verifiedUser();
        Response upload = upload(user, photo(800, 600));
        String photo = upload.path("id");
        String key = storageKey(photo);
        String design = create(
                        user,
                        Map.of("input_type", "photo", "input_photo_url", upload.path("url"), "style", "mediterranean"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(user, design)).containsEntry("status", "completed");
        api(user.token()).get("/api/uploads/" + photo).then().body("used_by", contains(design));
        byte[] image =
                api(user.token()).get("/api/generations/" + design + "/image").asByteArray();
        api(user.token()).get("/api/generations/" + design + "/before").then().statusCode(200);
        long quotaUsed = quotaRecords(user);

        api(user.token()).delete("/api/uploads/" + photo).then().statusCode(204);

        api(user.token()).get("/api/uploads/" + photo).then().statusCode(404).body("error", equalTo("not_found"));
        api(user.token()).get("/api/uploads/" + photo + "/image").then().statusCode(404);
        api(user.token()).get("/api/uploads").then().body("total", equalTo(0));
        assertThat(images.read(key)).isEmpty();
        // the design stays, with its image, and loses its before
        api(user.token())
                .get("/api/generations")
                .then()
                .body("items.id", contains(design))
                .body("items[0].input_photo_url", nullValue());
        api(user.token())
                .get("/api/generations/" + design)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("input_type", equalTo("photo"))
                .body("input_photo_url", nullValue());
        assertThat(api(user.token())
                        .get("/api/generations/" + design + "/image")
                        .asByteArray())
                .isEqualTo(image);
        api(user.token())
                .get("/api/generations/" + design + "/before")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("error", equalTo("not_found"));
        // a photo deleted gives no upload quota back
        assertThat(quotaRecords(user)).isEqualTo(quotaUsed);

        // deleting it again is a photo that does not exist
        api(user.token()).delete("/api/uploads/" + photo).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aPhotoDesignWithAnAddressHasNoBeforeOnceItsPhotoIsDeletedNotTheSitesPicture() throws IOException {
        TestUser user = verifiedUser();
        String address = "40 Photo Lane, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "40 PHOTO LANE, MINNEAPOLIS, MN, 55401", 44.98, -93.27, "55401");
        SiteServices.naipServes(aerial());
        Response upload = upload(user, photo(800, 600));
        String design = create(
                        user,
                        Map.of(
                                "input_type",
                                "photo",
                                "input_photo_url",
                                upload.path("url"),
                                "input_address",
                                address,
                                "style",
                                "english_garden"))
                .path("id");
        assertThat(awaitFinished(user, design)).containsEntry("status", "completed");
        api(user.token()).get("/api/generations/" + design).then().body("site.imagery", contains("satellite"));
        String share = api(user.token())
                .post("/api/generations/" + design + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        api(user.token()).delete("/api/uploads/" + upload.path("id")).then().statusCode(204);

        api(user.token()).get("/api/generations/" + design + "/before").then().statusCode(404);
        given().cookies(webSession(user))
                .get("/generations/" + design)
                .then()
                .statusCode(200)
                .body(not(containsString("data-compare")))
                .body(not(containsString("/generations/" + design + "/before")));
        given().get("/s/" + share).then().statusCode(200).body(not(containsString("shared-before")));
        given().get("/s/" + share + "/before").then().statusCode(404);
    }

    @Test
    void aPhotoDeletedWhileADesignIsAcceptedFromItIsEitherKeptForTheDesignOrNeverUsed() throws Exception {
        for (int round = 0; round < 4; round++) {
            TestUser user = verifiedUser();
            Response upload = upload(user, photo(800, 600));
            String photo = upload.path("id");
            String wish = "round " + round + " " + UUID.randomUUID();
            Map<String, Object> body = Map.of(
                    "input_type",
                    "photo",
                    "input_photo_url",
                    upload.path("url"),
                    "style",
                    "mediterranean",
                    "custom_prompt",
                    wish);
            List<Response> answers;
            // an accepted design is held unfinished, so that its photo must be kept whichever request came first
            try (Held drawing = designer().hold(wish)) {
                answers = race(
                        2,
                        i -> i == 0
                                ? () -> create(user, body)
                                : () -> api(user.token()).delete("/api/uploads/" + photo));
                if (answers.get(0).statusCode() == 202) {
                    assertThat(answers.get(1).statusCode())
                            .as("round %d: deleting the photo of a design being accepted", round)
                            .isEqualTo(409);
                }
            }
            int accepted = answers.get(0).statusCode();
            int deleted = answers.get(1).statusCode();
            if (accepted == 202) {
                awaitFinished(user, answers.get(0).path("id"));
                api(user.token())
                        .get("/api/generations/" + answers.get(0).path("id") + "/before")
                        .then()
                        .statusCode(200);
            } else {
                assertThat(List.of(accepted, deleted)).as("round %d", round).isEqualTo(List.of(422, 204));
                assertThat(generationCount(user)).isZero();
                assertThat(uploadCount(user)).isZero();
            }
        }
        assertLedgerMatchesBalances();
    }

    @Test
    void aDesignWhosePhotoIsDeletedCannotBeRefinedAndIsNotCharged() {
        TestUser user = verifiedUser();
        Response upload = upload(user, photo(800, 600));
        String design = create(
                        user,
                        Map.of("input_type", "photo", "input_photo_url", upload.path("url"), "style", "japanese_zen"))
                .path("id");
        awaitFinished(user, design);
        api(user.token()).delete("/api/uploads/" + upload.path("id")).then().statusCode(204);
        int available = api(user.token()).get("/api/credits/balance").path("total_available");

        api(user.token())
                .body(json(Map.of("feedback", "more shade")))
                .post("/api/generations/" + design + "/refinements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("error", equalTo("photo_deleted"));

        api(user.token()).get("/api/credits/balance").then().body("total_available", equalTo(available));
        api(user.token()).get("/api/generations").then().body("total", equalTo(1));
    }

    @Test
    void someoneElsesOrAnUnknownPhotoIsNotFoundAndStays() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String photo = upload(owner, photo(640, 480)).path("id");

        api(stranger.token())
                .delete("/api/uploads/" + photo)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("error", equalTo("not_found"));
        api(owner.token()).delete("/api/uploads/" + UUID.randomUUID()).then().statusCode(404);
        // not an id at all: answered as GET /api/uploads/{id} answers it
        int notAnId = api(owner.token()).get("/api/uploads/not-an-id").statusCode();
        assertThat(notAnId).isBetween(400, 499);
        api(owner.token()).delete("/api/uploads/not-an-id").then().statusCode(notAnId);

        api(owner.token()).get("/api/uploads/" + photo).then().statusCode(200);
        api(owner.token()).get("/api/uploads/" + photo + "/image").then().statusCode(200);
        assertThat(images.read(storageKey(photo))).isPresent();
    }

    @Test
    void thePhotoOfADesignStillBeingDrawnIsKept() {
        TestUser user = verifiedUser();
        Response upload = upload(user, photo(800, 600));
        String photo = upload.path("id");
        String wish = "keep the birch " + UUID.randomUUID();
        String design;
        try (Held drawing = designer().hold(wish)) {
            design = create(
                            user,
                            Map.of(
                                    "input_type",
                                    "photo",
                                    "input_photo_url",
                                    upload.path("url"),
                                    "style",
                                    "english_garden",
                                    "custom_prompt",
                                    wish))
                    .path("id");
            drawing.awaitStarted();

            api(user.token())
                    .delete("/api/uploads/" + photo)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("generation_in_progress"));
        }
        assertThat(awaitFinished(user, design)).containsEntry("status", "completed");
        api(user.token()).get("/api/generations/" + design + "/before").then().statusCode(200);
        api(user.token()).get("/api/uploads/" + photo).then().statusCode(200).body("used_by", contains(design));
    }

    @Test
    void theDatabaseKeepsThePhotoOfADesignStillToBeDrawn() {
        TestUser user = verifiedUser();
        Response upload = upload(user, photo(800, 600));
        String wish = "a pond " + UUID.randomUUID();
        try (Held drawing = designer().hold(wish)) {
            create(
                            user,
                            Map.of(
                                    "input_type",
                                    "photo",
                                    "input_photo_url",
                                    upload.path("url"),
                                    "style",
                                    "english_garden",
                                    "custom_prompt",
                                    wish))
                    .then()
                    .statusCode(202);
            drawing.awaitStarted();

            // whatever the code checks, the rows themselves refuse it (generations_input, V21)
            assertThat(catchThrowable(() -> jdbc.sql("DELETE FROM uploads WHERE id = :id")
                            .param("id", UUID.fromString(upload.path("id")))
                            .update()))
                    .hasMessageContaining("generations_input");
        }
    }

    /** An aerial picture with a road, one that site.Pictures takes for a picture of something. */
    private static byte[] aerial() throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(86, 122, 64));
        g.fillRect(0, 0, 128, 128);
        g.setColor(new Color(60, 60, 62));
        g.fillRect(0, 100, 128, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private String storageKey(String uploadId) {
        return jdbc.sql("SELECT storage_key FROM uploads WHERE id = :id")
                .param("id", UUID.fromString(uploadId))
                .query(String.class)
                .single();
    }

    private long quotaRecords(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM upload_usage WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }
}
