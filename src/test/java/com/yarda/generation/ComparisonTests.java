package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One yard in two or three styles, side by side: all of them, or none. */
class ComparisonTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Test
    void threeStylesAreAcceptedTogetherInTheOrderGivenAndCostThreeCredits() {
        TestUser user = verifiedUser();

        Response accepted =
                compare(user, "50 Side By Side Street", List.of("mediterranean", "japanese_zen", "english_garden"));

        accepted.then()
                .statusCode(202)
                .body("generations.style", equalTo(List.of("mediterranean", "japanese_zen", "english_garden")))
                .body("generations.status", equalTo(List.of("pending", "pending", "pending")))
                .body(
                        "generations.input_address",
                        equalTo(List.of("50 Side By Side Street", "50 Side By Side Street", "50 Side By Side Street")));
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).isEqualTo("/api/comparisons/" + id);
        List<String> ids = accepted.path("generations.id");
        ids.forEach(generation -> assertThat(awaitFinished(user, generation)).containsEntry("status", "completed"));
        api(user.token())
                .get("/api/comparisons/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("generations.id", equalTo(ids))
                .body("generations.status", equalTo(List.of("completed", "completed", "completed")));
        api(user.token()).get("/api/credits/balance").then().body("total_available", equalTo(0));
        api(user.token()).get("/api/rate-limits/status").then().body("remaining_requests", equalTo(0));
        assertLedgerMatchesBalances();
    }

    @Test
    void aComparisonTheUserCannotAffordWholeIsRefusedAndChargesOrCountsNothing() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TRIAL, -1);

        compare(user, "51 Two Credits Road", List.of("mediterranean", "japanese_zen", "english_garden"))
                .then()
                .statusCode(402)
                .body("error", equalTo("insufficient_credits"));

        assertThat(generationCount(user)).isZero();
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token()).get("/api/rate-limits/status").then().body("remaining_requests", equalTo(3));
        assertLedgerMatchesBalances();
    }

    @Test
    void aComparisonThatDoesNotFitTheRateLimitWholeIsRefusedAndChargesNothing() {
        TestUser user = verifiedUser();
        acceptAddress(user, "52 Busy Minute Road", "japanese_zen");

        compare(user, "52 Busy Minute Road", List.of("mediterranean", "japanese_zen", "english_garden"))
                .then()
                .statusCode(429)
                .body("error", equalTo("rate_limited"));

        assertThat(generationCount(user)).isOne();
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token()).get("/api/rate-limits/status").then().body("remaining_requests", equalTo(2));
    }

    @Test
    void styleListsThatAreNotTwoOrThreeDistinctStylesAre422() {
        TestUser user = verifiedUser();
        for (List<String> styles : List.of(
                List.of("mediterranean"),
                List.of("mediterranean", "japanese_zen", "english_garden", "desert_landscape"),
                List.of("mediterranean", "mediterranean"),
                List.of("mediterranean", "gothic"))) {
            compare(user, "53 Rules Road", styles)
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("validation_failed"))
                    .body("errors.field", equalTo(List.of("styles")));
        }
        api(user.token())
                .body(json(Map.of(
                        "input_type",
                        "address",
                        "input_address",
                        "53",
                        "styles",
                        List.of("mediterranean", "japanese_zen"))))
                .post("/api/comparisons")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("input_address")));
        assertThat(generationCount(user)).isZero();
    }

    @Test
    void someoneElsesComparisonIsNotFound() {
        TestUser owner = verifiedUser();
        String id = compare(owner, "54 Private Way", List.of("mediterranean", "japanese_zen"))
                .path("id");

        api(verifiedUser().token()).get("/api/comparisons/" + id).then().statusCode(404);
        api(owner.token()).get("/api/comparisons/" + id).then().statusCode(200);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsOneComparison() {
        TestUser user = verifiedUser();
        Map<String, Object> body = Map.of(
                "input_type",
                "address",
                "input_address",
                "55 Twice Road",
                "styles",
                List.of("mediterranean", "japanese_zen"));

        Response first = api(user.token())
                .header("Idempotency-Key", "cmp-1")
                .body(json(body))
                .post("/api/comparisons");
        Response again = api(user.token())
                .header("Idempotency-Key", "cmp-1")
                .body(json(body))
                .post("/api/comparisons");

        first.then().statusCode(202);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(generationCount(user)).isEqualTo(2);
    }

    private static Response compare(TestUser user, String address, List<String> styles) {
        return api(user.token())
                .body(json(Map.of("input_type", "address", "input_address", address, "styles", styles)))
                .post("/api/comparisons");
    }
}
