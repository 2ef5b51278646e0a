package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import com.yarda.test.YardPhotos;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request with a photo in it that is refused after its photo was read leaves nothing behind: no row, no file. A
 * photo that cannot become a design is refused before the rate limit and the credit are looked at.
 */
class RefusedRequestTests extends IntegrationTest {

    private static final byte[] DARK_PHOTO = YardPhotos.jpeg(YardPhotos.exposed(YardPhotos.yard(640, 480), 0.2, 0));

    @Autowired
    Credits credits;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRequestRefusedForWantOfCreditsKeepsNoPhoto() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TRIAL, -3);
        Set<String> before = imageFiles();

        withPhoto(user, null).then().statusCode(402).body("error", equalTo("insufficient_credits"));

        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isZero();
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void aRequestOverTheRateLimitKeepsNoPhoto() {
        TestUser user = verifiedUser();
        for (int i = 0; i < 3; i++) {
            acceptAddress(user, i + " Busy Street", "japanese_zen");
        }
        Set<String> before = imageFiles();

        withPhoto(user, null).then().statusCode(429).body("error", equalTo("rate_limited"));

        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isEqualTo(3);
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void aRequestWhoseIdempotencyKeyIsInFlightKeepsNoPhoto() {
        TestUser user = verifiedUser();
        String key = "photo-in-flight";
        Set<String> before = imageFiles();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // exactly what an accepting request holds until it commits
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .param("lock", "idempotency:" + user.id() + ":" + key)
                    .query((rs, row) -> 1)
                    .single();
            withPhoto(user, key).then().statusCode(409).body("error", equalTo("idempotency_in_flight"));
        });

        assertThat(uploadCount(user)).isZero();
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void aRequestWithADarkPhotoIs422NamingThePhotoAndCostsNothing() {
        TestUser user = verifiedUser();
        Set<String> before = imageFiles();

        withPhoto(user, DARK_PHOTO, null)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("photo"))
                .body("errors[0].message", equalTo("is too dark: take it in daylight"));

        api(user.token()).get("/api/credits/balance").then().body("total_available", equalTo(3));
        api(user.token())
                .get("/api/rate-limits/status")
                .then()
                .body("remaining_requests", equalTo(3))
                .body("can_request", equalTo(true));
        api(user.token()).get("/api/credits/transactions").then().body("total", equalTo(1));
        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isZero();
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void aDarkPhotoIsRefusedBeforeTheRateLimitAndTheCredit() {
        TestUser user = verifiedUser();
        // three designs: the rate limit is reached and the trial credits are spent
        for (int i = 0; i < 3; i++) {
            acceptAddress(user, i + " Dusk Street", "japanese_zen");
        }
        withPhoto(user, photo(640, 480), null).then().statusCode(429).body("error", equalTo("rate_limited"));
        Set<String> before = imageFiles();

        withPhoto(user, DARK_PHOTO, null).then().statusCode(422).body("errors[0].field", equalTo("photo"));

        clock.advance(Duration.ofMinutes(2));
        withPhoto(user, photo(640, 480), null).then().statusCode(402).body("error", equalTo("insufficient_credits"));
        withPhoto(user, DARK_PHOTO, null).then().statusCode(422).body("errors[0].field", equalTo("photo"));
        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isEqualTo(3);
        assertNoImageLeftBehindSince(before);
    }

    @Test
    void anAcceptedRequestKeepsItsPhotoAndAReplayOfItAddsNone() {
        TestUser user = verifiedUser();

        Response first = withPhoto(user, "photo-once");
        Response replay = withPhoto(user, "photo-once");

        first.then().statusCode(202);
        replay.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(uploadCount(user)).isEqualTo(1);
        api(user.token()).get(first.<String>path("input_photo_url")).then().statusCode(200);
    }

    private static Response withPhoto(TestUser user, @Nullable String idempotencyKey) {
        return withPhoto(user, photo(640, 480), idempotencyKey);
    }

    private static Response withPhoto(TestUser user, byte[] photo, @Nullable String idempotencyKey) {
        RequestSpecification request = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "english_garden")
                .multiPart("photo", "yard.jpg", photo, "image/jpeg");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/generations");
    }
}
