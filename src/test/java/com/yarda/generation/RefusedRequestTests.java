package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A request with a photo in it that is refused after its photo was read leaves nothing behind: no row, no file. */
class RefusedRequestTests extends IntegrationTest {

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
        RequestSpecification request = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "english_garden")
                .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/generations");
    }
}
