package com.yarda.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An image store that cannot be written (a read-only or full disk): {@code /health} says so, and every way a photo
 * comes in answers 503 {@code unavailable} and leaves nothing behind, no photo, no file, no credit spent.
 */
class StorageOutageTests extends IntegrationTest {

    @Autowired
    private Environment environment;

    @Test
    void healthReportsAStoreThatCannotBeWrittenAndUploadsAnswer503ChangingNothing() throws IOException {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Set<String> filesBefore = imageFiles();
        long usageBefore = uploadUsage(user);

        try (MutableClock.Frozen frozen = clock.freeze()) {
            clock.advance(StorageHealth.CACHED_FOR);
            healthy();

            try (UnwritableStore unwritable = new UnwritableStore()) {
                // the last probe is kept for a few seconds: /health stays cheap however often it is asked
                healthy();
                clock.advance(StorageHealth.CACHED_FOR);
                given().get("/health")
                        .then()
                        .statusCode(503)
                        .body("status", equalTo("unhealthy"))
                        .body("database", equalTo("up"))
                        .body("storage", equalTo("down"));

                unavailable(upload(user, photo(640, 480)));
                unavailable(api(user.token())
                        .contentType("multipart/form-data")
                        .multiPart("input_type", "photo")
                        .multiPart("style", "japanese_zen")
                        .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg")
                        .post("/api/generations"));
                Response page = given().cookies(session).get("/generate");
                Matcher csrf =
                        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
                assertThat(csrf.find()).isTrue();
                Response form = given().redirects()
                        .follow(false)
                        .cookies(session)
                        .accept("text/html,*/*")
                        .multiPart("_csrf", csrf.group(1))
                        .multiPart("requestKey", UUID.randomUUID().toString())
                        .multiPart("inputType", "photo")
                        .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg")
                        .multiPart("style", "japanese_zen")
                        .post("/generate");
                assertThat(form.statusCode()).as(form.asString()).isEqualTo(503);
            }

            clock.advance(StorageHealth.CACHED_FOR);
            healthy();
        }

        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isZero();
        assertThat(uploadUsage(user))
                .as("nothing counted against the upload quota")
                .isEqualTo(usageBefore);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(3));
        assertNoImageLeftBehindSince(filesBefore);
        // and once the store is back, photos are taken again
        upload(user, photo(640, 480)).then().statusCode(201);
    }

    private static void healthy() {
        given().get("/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("database", equalTo("up"))
                .body("storage", equalTo("up"));
    }

    private static void unavailable(Response answer) {
        answer.then().statusCode(503).contentType("application/problem+json").body("error", equalTo("unavailable"));
    }

    private long uploadUsage(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM upload_usage WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /**
     * The image directory swapped for a regular file while it is open: nothing can be written or created under it,
     * whoever the service runs as (file permissions do not stop root, whom the tests run as).
     */
    private final class UnwritableStore implements AutoCloseable {

        private final Path images = Path.of(environment.getRequiredProperty("yarda.data-dir"), "images");
        private final Path away = images.resolveSibling("images-away");

        UnwritableStore() throws IOException {
            Files.move(images, away, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(images, "not a directory");
        }

        @Override
        public void close() throws IOException {
            Files.delete(images);
            Files.move(away, images, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
