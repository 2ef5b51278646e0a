package com.yarda.upload;

import static com.yarda.test.YardPhotos.blurred;
import static com.yarda.test.YardPhotos.exposed;
import static com.yarda.test.YardPhotos.jpeg;
import static com.yarda.test.YardPhotos.uniform;
import static com.yarda.test.YardPhotos.yard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.yarda.platform.Timestamps;
import com.yarda.test.IntegrationTest;
import java.awt.Color;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A photo that cannot become a design is refused when it is uploaded, with what to do instead, and leaves nothing:
 * no upload, no file, no place in the daily quota.
 */
class RefusedPhotoTests extends IntegrationTest {

    @Autowired
    private UploadProperties properties;

    static Stream<Arguments> unusablePhotos() {
        return Stream.of(
                Arguments.of("a thumbnail", jpeg(yard(320, 240)), "is too small: send one of at least 640×480 pixels"),
                Arguments.of("a night shot", jpeg(exposed(yard(640, 480), 0.2, 0)), "is too dark: take it in daylight"),
                Arguments.of(
                        "a shot into the sun",
                        jpeg(exposed(yard(640, 480), 2.5, 0)),
                        "is overexposed: avoid pointing at the sun"),
                Arguments.of(
                        "a picture of a wall",
                        jpeg(uniform(640, 480, new Color(200, 190, 170))),
                        "shows almost nothing: point the camera at the yard"),
                Arguments.of(
                        "a shaken shot",
                        jpeg(blurred(yard(640, 480), 3)),
                        "is blurred: hold the phone still and tap to focus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusablePhotos")
    void anUnusablePhotoIs422SayingWhatToDoAndLeavesNothing(String kind, byte[] photo, String message) {
        TestUser user = verifiedUser();
        Set<String> before = imageFiles();

        upload(user, photo)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("error", equalTo("validation_failed"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo(message));

        assertThat(uploadCount(user)).isZero();
        assertThat(quotaRecords(user)).isZero();
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void refusedPhotosDoNotUseUpTheDailyCount() {
        TestUser user = verifiedUser();
        // one photo left today
        jdbc.sql("""
                INSERT INTO upload_usage (user_id, size_bytes, uploaded_at)
                SELECT :user, 1000, :at FROM generate_series(1, :uploads)
                """)
                .param("user", user.id())
                .param("at", Timestamps.sql(clock.instant().minusSeconds(60)))
                .param("uploads", properties.maxPerDay() - 1)
                .update();

        for (int i = 0; i < 3; i++) {
            upload(user, jpeg(exposed(yard(640, 480), 0.2, 0))).then().statusCode(422);
        }
        upload(user, photo(640, 480)).then().statusCode(201);
        upload(user, photo(640, 480)).then().statusCode(429).body("quota", equalTo("photos_per_day"));

        assertThat(uploadCount(user)).isOne();
    }

    private long quotaRecords(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM upload_usage WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }
}
