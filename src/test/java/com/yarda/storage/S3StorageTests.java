package com.yarda.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import com.yarda.test.TestS3;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with its images in an S3 bucket ({@code yarda.storage.type=s3}) on a real S3 server: photos
 * and designs go to the bucket and nowhere on disk, are served through the API with its access checks, leave the
 * bucket with their records, and an unreachable bucket is a storage outage like a full disk.
 */
class S3StorageTests extends IntegrationTest {

    private static final String BUCKET = "yarda-images";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        TestS3 s3 = TestS3.shared();
        s3.bucket(BUCKET);
        registry.add("yarda.storage.type", () -> "s3");
        registry.add("yarda.storage.s3.bucket", () -> BUCKET);
        registry.add("yarda.storage.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("yarda.storage.s3.region", () -> TestS3.REGION);
        registry.add("yarda.storage.s3.path-style-access", () -> "true");
        registry.add("yarda.storage.s3.access-key", () -> TestS3.ACCESS_KEY);
        registry.add("yarda.storage.s3.secret-key", () -> TestS3.SECRET_KEY);
    }

    private final TestS3 s3 = TestS3.shared();

    @Test
    void photosAndDesignsLiveInTheBucketAreServedToTheirOwnerAndLeaveWithTheirRecords() {
        TestUser user = verifiedUser();
        TestUser stranger = verifiedUser();
        Response uploaded =
                upload(user, photo(640, 480)).then().statusCode(201).extract().response();
        String uploadId = uploaded.path("id");
        String id = api(user.token())
                .body(json(Map.of(
                        "input_type", "photo", "input_photo_url", uploaded.path("url"), "style", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        String photoKey = jdbc.sql("SELECT storage_key FROM uploads WHERE id = :id::uuid")
                .param("id", uploadId)
                .query(String.class)
                .single();
        String designKey = jdbc.sql("SELECT output_image_key FROM generations WHERE id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single();

        assertThat(s3.keys(BUCKET)).contains(photoKey, designKey);
        assertThat(imageFiles()).as("images in the data directory").isEmpty();
        assertThat(s3.contentType(BUCKET, photoKey)).isEqualTo("image/jpeg");
        byte[] design = api(user.token())
                .get("/api/generations/" + id + "/image")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(design).isEqualTo(s3.object(BUCKET, designKey));
        byte[] before = api(user.token())
                .get("/api/generations/" + id + "/before")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertThat(before).isEqualTo(s3.object(BUCKET, photoKey));
        for (String path : new String[] {
            "/api/generations/" + id + "/image",
            "/api/generations/" + id + "/before",
            "/api/uploads/" + uploadId + "/image"
        }) {
            api(stranger.token()).get(path).then().statusCode(404).body("error", equalTo("not_found"));
        }

        String otherPhotoId =
                upload(user, photo(800, 600)).then().statusCode(201).extract().path("id");
        String otherPhotoKey = jdbc.sql("SELECT storage_key FROM uploads WHERE id = :id::uuid")
                .param("id", otherPhotoId)
                .query(String.class)
                .single();
        assertThat(s3.keys(BUCKET)).contains(otherPhotoKey);

        // the photo goes with the last design that uses it
        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);
        awaitGoneFromTheBucket(designKey);
        awaitGoneFromTheBucket(photoKey);
        assertThat(s3.keys(BUCKET)).contains(otherPhotoKey);

        api(user.token())
                .body(json(Map.of("password", PASSWORD)))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);
        awaitGoneFromTheBucket(otherPhotoKey);
        assertThat(jdbc.sql("SELECT count(*) FROM image_deletions WHERE image_key IN (:keys)")
                        .param("keys", List.of(photoKey, designKey, otherPhotoKey))
                        .query(Long.class)
                        .single())
                .as("deletions still queued")
                .isZero();
    }

    @Test
    void anUnreachableBucketIsAStorageOutageUntilItAnswersAgain() {
        TestUser user = verifiedUser();

        try (MutableClock.Frozen frozen = clock.freeze()) {
            clock.advance(StorageHealth.CACHED_FOR);
            storage("up", 200);

            s3.stop();
            try {
                clock.advance(StorageHealth.CACHED_FOR);
                storage("down", 503);
                upload(user, photo(640, 480))
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("error", equalTo("unavailable"));
            } finally {
                s3.restart();
            }

            clock.advance(StorageHealth.CACHED_FOR);
            storage("up", 200);
        }
        assertThat(uploadCount(user)).isZero();
        upload(user, photo(640, 480)).then().statusCode(201);
        assertThat(imageFiles()).as("images in the data directory").isEmpty();
    }

    private static void storage(String state, int status) {
        given().get("/health").then().statusCode(status).body("storage", equalTo(state));
    }

    private void awaitGoneFromTheBucket(String key) {
        Awaitility.await("object " + key + " deleted from the bucket")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !s3.keys(BUCKET).contains(key));
    }
}
