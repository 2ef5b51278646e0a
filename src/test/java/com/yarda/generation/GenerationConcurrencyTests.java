package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Races against one user's credits and rate limit, with the default limit of 3 per minute. */
class GenerationConcurrencyTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Test
    void twentyConcurrentRequestsWithCreditsToSpareAcceptExactlyThree() throws Exception {
        // exact seconds are counted: a slow machine must not add one between two requests
        try (MutableClock.Frozen frozen = clock.freeze()) {
            TestUser user = verifiedUser();
            credits.adjust(user.id(), CreditType.TOKEN, 20);

            List<Response> responses = race(20, i -> () -> create(user, address(i + " Race Street", "japanese_zen")));

            assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(3);
            List<Response> limited =
                    responses.stream().filter(r -> r.statusCode() == 429).toList();
            assertThat(limited).hasSize(17);
            for (Response response : limited) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.<String>path("error")).isEqualTo("rate_limited");
                assertThat(response.<Integer>path("limit")).isEqualTo(3);
                assertThat(response.<Integer>path("remaining")).isZero();
                assertThat(response.<Integer>path("retry_after")).isEqualTo(60);
                assertThat(response.header("Retry-After"))
                        .isEqualTo(String.valueOf(response.<Integer>path("retry_after")));
                assertThat(response.header("RateLimit")).startsWith("\"generations\";r=0;t=");
            }
            api(user.token()).get("/api/credits/balance").then().extract().path("total_available");
            assertThat((Integer) api(user.token()).get("/api/credits/balance").path("total_available"))
                    .isEqualTo(23 - 3);
            assertLedgerMatchesBalances();
        }
    }

    @Test
    void usersDoNotAffectEachOthersRateLimit() throws Exception {
        TestUser busy = verifiedUser();
        TestUser calm = verifiedUser();
        for (int i = 0; i < 3; i++) {
            create(busy, address(i + " Busy Street", "mediterranean")).then().statusCode(202);
        }
        create(busy, address("4 Busy Street", "mediterranean")).then().statusCode(429);

        create(calm, address("1 Calm Street", "mediterranean")).then().statusCode(202);
        api(calm.token())
                .get("/api/rate-limits/status")
                .then()
                .statusCode(200)
                .body("can_request", is(true))
                .body("remaining_requests", equalTo(2))
                .body("window_seconds", equalTo(60))
                .body("max_requests", equalTo(3));
        api(busy.token())
                .get("/api/rate-limits/status")
                .then()
                .body("can_request", is(false))
                .body("remaining_requests", equalTo(0))
                .body("retry_after_seconds", greaterThan(0));
    }

    @Test
    void anAttemptStopsCountingExactlySixtySecondsAfterItWasMade() {
        // exact seconds are counted: a slow machine must not add one between two requests
        try (MutableClock.Frozen frozen = clock.freeze()) {
            TestUser user = verifiedUser();
            credits.adjust(user.id(), CreditType.TOKEN, 5);
            create(user, address("1 Window Street", "english_garden")).then().statusCode(202);
            clock.advance(Duration.ofSeconds(30));
            create(user, address("2 Window Street", "english_garden")).then().statusCode(202);
            create(user, address("3 Window Street", "english_garden")).then().statusCode(202);

            Response limited = create(user, address("4 Window Street", "english_garden"));
            limited.then().statusCode(429);
            assertThat(limited.<Integer>path("retry_after")).isEqualTo(30);

            clock.advance(Duration.ofSeconds(30));
            create(user, address("5 Window Street", "english_garden")).then().statusCode(202);
            create(user, address("6 Window Street", "english_garden")).then().statusCode(429);
        }
    }

    @Autowired
    Housekeeping housekeeping;

    @Test
    void housekeepingRemovesAttemptsThatNoLongerCountAndOldIdempotencyKeys() {
        TestUser user = verifiedUser();
        create(user, address("1 Tidy Street", "japanese_zen")).then().statusCode(202);
        api(user.token())
                .header("Idempotency-Key", "tidy")
                .body(json(address("2 Tidy Street", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(202);

        clock.advance(Duration.ofSeconds(59));
        housekeeping.clean();
        assertThat(rows("rate_limit_attempts", user)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        housekeeping.clean();
        assertThat(rows("rate_limit_attempts", user)).isZero();
        assertThat(rows("idempotency_keys", user)).isEqualTo(1);

        clock.advance(Housekeeping.IDEMPOTENCY_RETENTION);
        housekeeping.clean();
        assertThat(rows("idempotency_keys", user)).isZero();
    }

    private long rows(String table, TestUser user) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }
}
