package com.yarda.generation;

import static com.yarda.generation.GenerationApiTests.address;
import static com.yarda.generation.GenerationApiTests.create;
import static com.yarda.test.ScriptedDesigner.signal;
import static com.yarda.test.ScriptedDesigner.succeed;
import static com.yarda.test.ScriptedDesigner.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GenerationWorkerTests extends IntegrationTest {

    @Autowired
    WorkerProperties worker;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void refundsExactlyOnceWhenTheDesignerFails() {
        TestUser user = verifiedUser();
        String street = "1 Provider Down Road";
        designer().script(street, (request, real) -> {
            throw new DesignFailed("The image service answered with an error (HTTP 500).", true);
        });

        String id = create(user, address(street, "japanese_zen")).path("id");
        Map<String, Object> done = awaitFinished(user, id);

        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertThat((String) done.get("error_message")).contains("HTTP 500").contains("credit was returned");
        assertThat(done.get("output_image_url")).isNull();
        assertThat(refunds(id)).isEqualTo(1);
        api(user.token()).get("/api/credits/balance").then().extract().path("trial_credits");
        assertThat((Integer) api(user.token()).get("/api/credits/balance").path("trial_credits"))
                .isEqualTo(3);
        assertLedgerMatchesBalances();
    }

    @Test
    void anUnexpectedErrorFailsWithAPlainMessageAndARefund() {
        TestUser user = verifiedUser();
        String street = "2 Bug Street";
        designer().script(street, (request, real) -> {
            throw new IllegalStateException("NullPointer deep inside");
        });

        Map<String, Object> done = awaitFinished(
                user, create(user, address(street, "mediterranean")).path("id"));

        assertThat(done.get("status")).isEqualTo("failed");
        assertThat((String) done.get("error_message"))
                .doesNotContain("NullPointer")
                .contains("credit was returned");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertLedgerMatchesBalances();
    }

    @Test
    void aGenerationWhoseWorkerStoppedIsTakenUpAgainAndTheStaleWorkerCannotOverwriteIt() throws Exception {
        TestUser user = verifiedUser();
        String street = "3 Crash Avenue";
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        // attempt 1 hangs (its worker is as good as dead), then, much later, tries to fail the generation
        designer()
                .script(
                        street,
                        signal(firstStarted, waitFor(releaseFirst, (request, real) -> {
                            throw new DesignFailed("stale attempt failing late", false);
                        })),
                        succeed());

        String id = create(user, address(street, "english_garden")).path("id");
        firstStarted.await();
        clock.advance(worker.lease().plusSeconds(1)); // the lease runs out: the generation is claimed again

        Map<String, Object> done = awaitFinished(user, id);
        double staleBefore = staleAttempts();
        releaseFirst.countDown();

        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(designer().calls(UUID.fromString(id))).isEqualTo(2);
        // the late failure of attempt 1 is refused: no refund, still completed
        await().until(() -> staleAttempts() >= staleBefore + 1);
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("completed");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("credit_refunded")).isEqualTo(false);
        assertThat(refunds(id)).isZero();
        assertLedgerMatchesBalances();
    }

    @Test
    void aStaleWorkerCannotOverwriteTheFailureOfANewerAttemptOrRefundTwice() throws Exception {
        TestUser user = verifiedUser();
        String street = "4 Twice Boulevard";
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        designer().script(street, signal(firstStarted, waitFor(releaseFirst, succeed())), (request, real) -> {
            throw new DesignFailed("Attempt two was blocked.", false);
        });

        String id = create(user, address(street, "tropical_resort")).path("id");
        firstStarted.await();
        clock.advance(worker.lease().plusSeconds(1));
        Map<String, Object> done = awaitFinished(user, id);
        double staleBefore = staleAttempts();
        releaseFirst.countDown(); // attempt 1 now finishes a design and tries to complete

        assertThat(done.get("status")).isEqualTo("failed");
        await().until(() -> staleAttempts() >= staleBefore + 1);
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("output_image_key")).isNull();
        assertThat(refunds(id)).isEqualTo(1);
        assertLedgerMatchesBalances();
    }

    @Test
    void afterMaxAttemptsAGenerationEndsFailedWithOneRefund() throws Exception {
        TestUser user = verifiedUser();
        String street = "5 Never Finishes Lane";
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch[] started = new CountDownLatch[worker.maxAttempts()];
        for (int i = 0; i < started.length; i++) {
            started[i] = new CountDownLatch(1);
            designer().script(street, signal(started[i], waitFor(release, succeed())));
        }

        String id = create(user, address(street, "desert_landscape")).path("id");
        for (CountDownLatch attempt : started) {
            attempt.await();
            clock.advance(worker.lease().plusSeconds(1));
        }
        Map<String, Object> done;
        double staleBefore = staleAttempts();
        try {
            done = awaitFinished(user, id);
        } finally {
            release.countDown();
        }

        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertThat((String) done.get("error_message")).contains("interrupted 3 times");
        await().until(() -> staleAttempts() >= staleBefore + 3); // the three stale attempts are refused
        assertThat(row(id).get("status")).isEqualTo("failed");
        assertThat(refunds(id)).isEqualTo(1);
        assertThat(designer().calls(UUID.fromString(id))).isEqualTo(3);
        assertLedgerMatchesBalances();
    }

    @Test
    void aSecondRefundForOneGenerationIsImpossibleInTheDatabase() {
        TestUser user = verifiedUser();
        String street = "6 Constraint Close";
        designer().script(street, (request, real) -> {
            throw new DesignFailed("no", false);
        });
        String id = create(user, address(street, "modern_minimalist")).path("id");
        awaitFinished(user, id);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, generation_id, created_at)
                        VALUES (gen_random_uuid(), :user, 'refund', 'trial', 1, 4, :generation, now())
                        """)
                        .param("user", user.id())
                        .param("generation", UUID.fromString(id))
                        .update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("UPDATE credit_accounts SET trial_credits = -1 WHERE user_id = :user")
                                .param("user", user.id())
                                .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void withTheBuiltinDesignerAGenerationCompletesWellUnderASecond() {
        TestUser user = verifiedUser();
        String id = create(user, address("8 Quick Street", "california_native")).path("id");
        Map<String, Object> done = awaitFinished(user, id);
        Map<String, Object> row =
                jdbc.sql("""
                SELECT EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 AS latency_ms FROM generations WHERE id = :id
                """).param("id", UUID.fromString(id)).query().singleRow();
        assertThat(done.get("status")).isEqualTo("completed");
        // measured on the service's own clock, from acceptance to completion; not a benchmark, a promptness check
        assertThat(((Number) row.get("latency_ms")).doubleValue()).isLessThan(5000);
    }

    private double staleAttempts() {
        return meters.counter("yarda.generations.stale.attempts").count();
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("SELECT status, attempts, credit_refunded, output_image_key FROM generations WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
    }

    private long refunds(String id) {
        return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE generation_id = :id AND kind = 'refund'")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }
}
