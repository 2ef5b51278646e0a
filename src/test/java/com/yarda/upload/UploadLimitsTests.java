package com.yarda.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.yarda.platform.Timestamps;
import com.yarda.platform.YardaProperties;
import com.yarda.storage.ImageStore;
import com.yarda.storage.StorageProperties;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Nobody fills the disk: only verified users upload, within daily quotas, and photos no design uses go away. */
class UploadLimitsTests extends IntegrationTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    private UploadProperties properties;

    @Autowired
    private UploadHousekeeping housekeeping;

    @Autowired
    private ImageStore images;

    @Autowired
    private StorageProperties storage;

    @Autowired
    private YardaProperties yarda;

    @Test
    void anUnverifiedUserCannotUploadWhateverTheySend() {
        String email = newEmail();
        String token = registerAndLogin(email);

        for (Response refused : List.of(
                upload(token, photo(640, 480)),
                upload(token, "this is not a photo".getBytes()),
                upload(token, new byte[0]),
                api(token)
                        .contentType("multipart/form-data")
                        .multiPart("other", "x")
                        .post("/api/uploads"))) {
            refused.then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("error", equalTo("email_not_verified"));
        }
        api().contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", photo(640, 480), "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"));
        assertThat(count(
                        "SELECT count(*) FROM uploads u JOIN users s ON s.id = u.user_id WHERE s.email = :email",
                        email))
                .isZero();
    }

    @Test
    void aLongFileNameIsNoReasonToRefuseAPhoto() {
        TestUser user = verifiedUser();
        // as long as file systems allow (255), in letters that take three bytes each in UTF-8, and longer still
        for (String name : List.of("g".repeat(446) + ".jpg", "庭".repeat(251) + ".jpg")) {
            api(user.token())
                    .contentType("multipart/form-data")
                    .multiPart("file", name, photo(640, 480), "image/jpeg")
                    .post("/api/uploads")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void theUploadAfterTheDailyCountIsRefusedAndDeletingAPhotoDoesNotGiveItBack() {
        TestUser user = verifiedUser();
        int max = properties.maxPerDay();
        byte[] photo = photo(640, 480);
        alreadyUploaded(user, max - 2, 1000);
        upload(user.token(), photo).then().statusCode(201);
        // a photo sent with a design request is an upload too: the last one of the day
        String design = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "japanese_zen")
                .multiPart("photo", "yard.jpg", photo, "image/jpeg")
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Map<String, Object> finished = awaitFinished(user, design);

        Response refused = upload(user.token(), photo);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("error", equalTo("rate_limited"))
                .body("limit", equalTo(max))
                .body("remaining", equalTo(0))
                .body("retry_after", allOf(greaterThan(0), lessThanOrEqualTo((int) DAY.toSeconds())))
                .body("detail", containsString(max + " photos"));
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .isEqualTo(refused.<Integer>path("retry_after").longValue());
        // nor with a design: nothing is charged for it
        api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "japanese_zen")
                .multiPart("photo", "yard.jpg", photo, "image/jpeg")
                .post("/api/generations")
                .then()
                .statusCode(429)
                .body("error", equalTo("rate_limited"))
                .body("detail", containsString("photos"));
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));

        // deleting the design deletes its photo, and the photo's place in the quota stays taken
        String photoUrl = (String) finished.get("input_photo_url");
        api(user.token()).delete("/api/generations/" + design).then().statusCode(204);
        api(user.token()).get(photoUrl).then().statusCode(404);
        upload(user.token(), photo).then().statusCode(429);

        clock.advance(DAY.plusSeconds(1));
        String token = login(user.email(), PASSWORD).path("access_token");
        upload(token, photo).then().statusCode(201);
        assertLedgerMatchesBalances();
    }

    @Test
    void bytesAreCountedAsStoredAndTheUploadThatWouldPassTheDailyBytesIsRefused() throws IOException {
        TestUser user = verifiedUser();
        long max = properties.maxBytesPerDay().toBytes();
        // as if the user had stored all but 500,000 bytes of today's allowance already
        alreadyUploaded(user, 1, max - 500_000);

        Response small = upload(user.token(), photo(640, 480));
        small.then().statusCode(201);
        long left = 500_000 - small.<Integer>path("size_bytes");

        Response refused = upload(user.token(), noise(640, 480));
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("error", equalTo("rate_limited"))
                .body("detail", containsString("MiB"))
                .body("retry_after", allOf(greaterThan(0), lessThanOrEqualTo((int) DAY.toSeconds())));
        assertThat(refused.<Number>path("limit").longValue()).isEqualTo(max);
        assertThat(refused.<Number>path("remaining").longValue()).isEqualTo(left);
        assertThat(count("SELECT count(*) FROM uploads WHERE user_id = :id", user.id()))
                .isOne();
    }

    @Test
    void concurrentUploadsAtTheLimitNeverExceedIt() throws Exception {
        TestUser user = verifiedUser();
        alreadyUploaded(user, properties.maxPerDay() - 3, 1000);
        // a size no other test uses, so that its stored files can be told apart
        byte[] photo = photo(643, 481);

        List<Response> answers = race(12, i -> () -> upload(user.token(), photo));

        assertThat(answers)
                .extracting(Response::statusCode)
                .filteredOn(s -> s == 201)
                .hasSize(3);
        assertThat(answers)
                .extracting(Response::statusCode)
                .filteredOn(s -> s == 429)
                .hasSize(9);
        assertThat(count("SELECT count(*) FROM uploads WHERE user_id = :id", user.id()))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM upload_usage WHERE user_id = :id", user.id()))
                .isEqualTo(properties.maxPerDay());
        // the refused uploads were decoded and stored before the count refused them: their files are gone again
        String accepted = answers.stream()
                .filter(answer -> answer.statusCode() == 201)
                .findFirst()
                .orElseThrow()
                .path("url");
        byte[] stored =
                api(user.token()).get(accepted).then().statusCode(200).extract().asByteArray();
        assertThat(filesHolding(stored)).isEqualTo(3);
    }

    @Test
    void photosNoDesignUsesAreRemovedAfterTheRetentionAndUsedOnesAreKept() {
        TestUser user = verifiedUser();
        Response unused = upload(user.token(), photo(640, 480));
        Response used = upload(user.token(), photo(641, 480));
        String design = api(user.token())
                .body(json(
                        Map.of("input_type", "photo", "input_photo_url", used.path("url"), "style", "mediterranean")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitFinished(user, design);
        String unusedKey = storageKey(unused.path("id"));

        clock.advance(properties.unusedRetention().minusMinutes(1));
        Response young = upload(user.token(), photo(642, 480));
        housekeeping.removeUnused();
        api(user.token()).get("/api/uploads/" + unused.path("id")).then().statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        housekeeping.removeUnused();

        // a day later the access token has expired too
        String token = login(user.email(), PASSWORD).path("access_token");
        api(token).get("/api/uploads/" + unused.path("id")).then().statusCode(404);
        assertThat(images.read(unusedKey)).isEmpty();
        api(token).get((String) used.path("url")).then().statusCode(200);
        api(token).get((String) young.path("url")).then().statusCode(200);
        api(token).get("/api/generations/" + design).then().statusCode(200);
    }

    private long filesHolding(byte[] content) throws IOException {
        Path directory = storage.imagesDirectory(yarda.dataDir());
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return Arrays.equals(Files.readAllBytes(file), content);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .count();
        }
    }

    private static Response upload(String token, byte[] image) {
        return api(token)
                .contentType("multipart/form-data")
                .multiPart("file", "yard.jpg", image, "image/jpeg")
                .post("/api/uploads");
    }

    /** Records {@code uploads} earlier uploads of {@code bytesEach} bytes today, as an upload would. */
    private void alreadyUploaded(TestUser user, int uploads, long bytesEach) {
        jdbc.sql("""
                INSERT INTO upload_usage (user_id, size_bytes, uploaded_at)
                SELECT :user, :bytes, :at FROM generate_series(1, :uploads)
                """)
                .param("user", user.id())
                .param("bytes", bytesEach)
                .param("at", Timestamps.sql(clock.instant().minusSeconds(60)))
                .param("uploads", uploads)
                .update();
    }

    private String storageKey(String uploadId) {
        return jdbc.sql("SELECT storage_key FROM uploads WHERE id = :id")
                .param("id", UUID.fromString(uploadId))
                .query(String.class)
                .single();
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql)
                .param(id instanceof UUID ? "id" : "email", id)
                .query(Long.class)
                .single();
    }

    /**
     * A PNG of random pixels: it does not compress, so it stays large once stored (and, all detail and no blur, it
     * passes the photo check).
     */
    private static byte[] noise(int width, int height) throws IOException {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
