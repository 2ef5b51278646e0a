package com.yarda.generation;

import static com.yarda.test.ScriptedDesigner.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class GenerationWorkerTests extends IntegrationTest {

    @Autowired
    WorkerProperties worker;

    @Autowired
    GenerationWorker queueWorker;

    @Autowired
    MeterRegistry meters;

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
        // what went wrong, and only that: the credit is the API's credit_refunded and the page's to say
        assertThat((String) done.get("error_message"))
                .isEqualTo("The image service answered with an error (HTTP 500).")
                .doesNotContainIgnoringCase("credit");
        assertThat(done.get("output_image_url")).isNull();
        assertThat(refunds(id)).isEqualTo(1);
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
                .isEqualTo(GenerationWorker.GENERIC_FAILURE)
                .doesNotContain("NullPointer");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertLedgerMatchesBalances();
    }

    @Test
    void aGenerationWhoseWorkerStoppedIsTakenUpAgainAndTheStaleWorkerCannotOverwriteIt() throws Exception {
        TestUser user = verifiedUser();
        String street = "3 Crash Avenue";
        // attempt 1 hangs (its worker is as good as dead), then, much later, tries to fail the generation
        Held first = designer().hold(street, (request, real) -> {
            throw new DesignFailed("stale attempt failing late", false);
        });
        designer().script(street, succeed());

        String id = create(user, address(street, "english_garden")).path("id");
        first.awaitStarted();
        clock.advance(worker.lease().plusSeconds(1)); // the lease runs out: the generation is claimed again
        queueWorker.wakeUp();

        Map<String, Object> done = awaitFinished(user, id);
        double staleBefore = staleAttempts();
        first.release();

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
        Held first = designer().hold(street);
        designer().script(street, (request, real) -> {
            throw new DesignFailed("Attempt two was blocked.", false);
        });

        String id = create(user, address(street, "tropical_resort")).path("id");
        first.awaitStarted();
        clock.advance(worker.lease().plusSeconds(1));
        queueWorker.wakeUp();
        Map<String, Object> done = awaitFinished(user, id);
        double staleBefore = staleAttempts();
        first.release(); // attempt 1 now finishes a design and tries to complete

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
        List<Held> attempts = new ArrayList<>();
        for (int i = 0; i < worker.maxAttempts(); i++) {
            attempts.add(designer().hold(street));
        }

        String id = create(user, address(street, "desert_landscape")).path("id");
        for (Held attempt : attempts) {
            attempt.awaitStarted();
            clock.advance(worker.lease().plusSeconds(1));
            queueWorker.wakeUp();
        }
        Map<String, Object> done;
        double staleBefore = staleAttempts();
        try {
            done = awaitFinished(user, id);
        } finally {
            attempts.forEach(Held::release);
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

        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, generation_id, created_at)
                        VALUES (gen_random_uuid(), :user, 'refund', 'trial', 1, 4, :generation, now())
                        """)
                        .param("user", user.id())
                        .param("generation", UUID.fromString(id))
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE credit_accounts SET trial_credits = -1 WHERE user_id = :user")
                        .param("user", user.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
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
