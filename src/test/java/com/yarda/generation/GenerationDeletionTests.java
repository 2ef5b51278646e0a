package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.yarda.designer.DesignFailed;
import com.yarda.storage.ImageStore;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting a design: gone for its owner with its images and words, while the credits it used still add up. */
class GenerationDeletionTests extends IntegrationTest {

    @Autowired
    private ImageStore images;

    @Test
    void aDeletedDesignIsGoneWithItsImageAndAddressButItsCreditEntriesStay() {
        TestUser user = verifiedUser();
        String id = create(
                        user,
                        Map.of(
                                "input_type", "address",
                                "input_address", "12 Private Lane, Boise ID",
                                "style", "english_garden",
                                "custom_prompt", "keep the old apple tree"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        String imageKey = outputImageKey(id);
        assertThat(images.read(imageKey)).isPresent();

        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

        api(user.token()).get("/api/generations/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        api(user.token()).get("/api/generations/" + id + "/image").then().statusCode(404);
        api(user.token()).get("/api/generations").then().body("total", equalTo(0));
        assertThat(images.read(imageKey)).isEmpty();
        Map<String, Object> row =
                jdbc.sql("""
                SELECT input_address, custom_prompt, prompt, output_image_key, deleted_at IS NOT NULL AS deleted
                  FROM generations WHERE id = :id
                """).param("id", UUID.fromString(id)).query().singleRow();
        assertThat(row)
                .containsEntry("input_address", null)
                .containsEntry("custom_prompt", null)
                .containsEntry("prompt", null)
                .containsEntry("output_image_key", null)
                .containsEntry("deleted", true);
        // the credit it used stays spent, and the ledger still adds up
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token())
                .get("/api/credits/transactions")
                .then()
                .body("items.find { it.kind == 'consume' }.generation_id", equalTo(id));
        assertLedgerMatchesBalances();

        api(user.token()).delete("/api/generations/" + id).then().statusCode(404);
    }

    @Test
    void anIdempotentRetryAfterTheDeletionIsANewRequestNotTheDeletedAnswer() {
        TestUser user = verifiedUser();
        Map<String, Object> body = address("3 Replay Road, Reno NV", "desert_landscape");
        String id = create(user, body, "delete-me").path("id");
        awaitFinished(user, id);

        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE generation_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        String again =
                create(user, body, "delete-me").then().statusCode(202).extract().path("id");
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void aFailedDesignCanBeDeletedAndKeepsItsRefund() {
        TestUser user = verifiedUser();
        String street = "9 Broken Designer Way";
        designer().script(street, (request, real) -> {
            throw new DesignFailed("The designer is unavailable.", false);
        });
        String id = create(user, address(street, "japanese_zen")).path("id");
        assertThat(awaitFinished(user, id)).containsEntry("status", "failed");

        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(3));
        assertLedgerMatchesBalances();
    }

    @Test
    void aDesignStillBeingDrawnCannotBeDeleted() throws Exception {
        TestUser user = verifiedUser();
        String street = "5 Unfinished Avenue";
        String id;
        try (Held drawing = designer().hold(street)) {
            id = create(user, address(street, "mediterranean")).path("id");
            drawing.awaitStarted();

            api(user.token())
                    .delete("/api/generations/" + id)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("generation_in_progress"));
        }
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        api(user.token()).get("/api/generations/" + id + "/image").then().statusCode(200);
    }

    @Test
    void nobodyElseCanDeleteADesign() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String id = create(owner, address("7 Mine Street, Austin TX", "california_native"))
                .path("id");
        awaitFinished(owner, id);

        api(stranger.token()).delete("/api/generations/" + id).then().statusCode(404);
        api(stranger.token())
                .delete("/api/generations/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        api(stranger.token()).delete("/api/generations/not-a-uuid").then().statusCode(422);
        given().delete("/api/generations/" + id).then().statusCode(401);

        api(owner.token()).get("/api/generations/" + id).then().statusCode(200);
    }

    @Test
    void thePhotoGoesWithTheLastDesignThatUsesIt() {
        TestUser user = verifiedUser();
        String photoUrl =
                upload(user, photo(640, 480)).then().statusCode(201).extract().path("url");
        Map<String, Object> body =
                Map.of("input_type", "photo", "input_photo_url", photoUrl, "style", "tropical_resort");
        String first = create(user, body).then().statusCode(202).extract().path("id");
        String second = create(user, body).then().statusCode(202).extract().path("id");
        awaitFinished(user, first);
        awaitFinished(user, second);
        String photoKey = jdbc.sql("SELECT storage_key FROM uploads WHERE user_id = :user")
                .param("user", user.id())
                .query(String.class)
                .single();

        api(user.token()).delete("/api/generations/" + first).then().statusCode(204);

        api(user.token()).get(photoUrl).then().statusCode(200);
        api(user.token()).get("/api/generations").then().body("items.id", not(hasItem(first)));

        api(user.token()).delete("/api/generations/" + second).then().statusCode(204);

        api(user.token()).get(photoUrl).then().statusCode(404);
        assertThat(images.read(photoKey)).isEmpty();
    }

    private String outputImageKey(String id) {
        return jdbc.sql("SELECT output_image_key FROM generations WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
