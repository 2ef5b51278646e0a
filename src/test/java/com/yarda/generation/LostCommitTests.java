package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.generation.LostCommits.Cut;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connection to PostgreSQL is lost while an accepted generation commits. Whatever the client is told is true:
 * 202 only if the generation was saved (and then it is charged once and runs), 503 "changed nothing" only if it was
 * not, and when the database cannot say in time, 503 naming the generation; a retry with the same Idempotency-Key
 * never charges twice.
 */
class LostCommitTests extends IntegrationTest {

    private static final Map<String, Object> BODY = address("1 Cut Cable Road, Tucson AZ", "desert_landscape");

    @Autowired
    private LostCommits lostCommits;

    @AfterEach
    void disarm() {
        lostCommits.arm(null);
    }

    @Test
    void aCommitCutOffBeforeItReachedTheDatabaseIsAnswered503AndChangesNothing() {
        TestUser user = verifiedUser();
        lostCommits.arm(Cut.BEFORE_COMMIT);

        create(user, BODY, "cut-before")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("error", equalTo("unavailable"))
                .body("generation_id", nullValue());

        assertThat(generations(user)).isEmpty();
        assertThat(consumes(user)).isZero();
        assertThat(rateLimitAttempts(user)).isZero();
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(3));

        String id = create(user, BODY, "cut-before")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        assertThat(generations(user)).containsExactly(UUID.fromString(id));
        assertThat(consumes(user)).isOne();
        assertLedgerMatchesBalances();
    }

    @Test
    void aCommitWhoseAnswerWasLostIsAnsweredAcceptedChargedOnceAndRuns() {
        TestUser user = verifiedUser();
        lostCommits.arm(Cut.AFTER_COMMIT);

        Response accepted = create(user, BODY, "cut-after");

        accepted.then().statusCode(202).header("Location", "/api/generations/" + accepted.path("id"));
        String id = accepted.path("id");
        assertThat(generations(user)).containsExactly(UUID.fromString(id));
        assertThat(consumes(user)).isOne();
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));

        create(user, BODY, "cut-after")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertThat(consumes(user)).isOne();
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        assertLedgerMatchesBalances();
    }

    @Test
    void whenTheDatabaseCannotTellInTimeThe503NamesTheGenerationAndARetryIsNotChargedAgain() {
        TestUser user = verifiedUser();
        lostCommits.arm(Cut.AFTER_COMMIT_FOR_LONG);

        Response unknown = create(user, BODY, "cut-long");

        unknown.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("error", equalTo("unavailable"));
        String id = unknown.path("generation_id");
        assertThat(generations(user)).containsExactly(UUID.fromString(id));

        create(user, BODY, "cut-long")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertThat(consumes(user)).isOne();
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        assertLedgerMatchesBalances();
    }

    private List<UUID> generations(TestUser user) {
        return jdbc.sql("SELECT id FROM generations WHERE user_id = :user")
                .param("user", user.id())
                .query(UUID.class)
                .list();
    }

    private long consumes(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = :user AND kind = 'consume'")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    private long rateLimitAttempts(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM rate_limit_attempts WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }
}
