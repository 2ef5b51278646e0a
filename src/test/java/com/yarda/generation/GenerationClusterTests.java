package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarda.YardaApplication;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import com.yarda.test.TestDatabase;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/** With the rate limit raised: races on credits alone, and two service instances sharing one database. */
@TestPropertySource(properties = "yarda.rate-limit.max-requests=1000")
class GenerationClusterTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Autowired
    Environment environment;

    @Test
    void fortyConcurrentRequestsOnThreeCreditsAcceptExactlyThree() throws Exception {
        TestUser user = verifiedUser();

        List<Response> responses =
                race(40, i -> () -> create(user, address(i + " Scarcity Road", "california_native")));

        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(3);
        assertThat(responses).filteredOn(r -> r.statusCode() == 402).hasSize(37);
        responses.stream()
                .filter(r -> r.statusCode() == 402)
                .forEach(r -> assertThat(r.<String>path("error")).isEqualTo("insufficient_credits"));
        assertThat((Integer) api(user.token()).get("/api/credits/balance").path("total_available"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM generations WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertLedgerMatchesBalances();
    }

    @Test
    void concurrentComparisonsOnASmallBalanceNeverLeaveAPartialComparison() throws Exception {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 4); // 7 credits: two comparisons of three, and one credit over

        List<Response> responses = race(
                12,
                i -> () -> api(user.token())
                        .body(json(Map.of(
                                "input_type",
                                "address",
                                "input_address",
                                i + " Partial Place",
                                "styles",
                                List.of("mediterranean", "japanese_zen", "english_garden"))))
                        .post("/api/comparisons"));

        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(2);
        assertThat(responses).filteredOn(r -> r.statusCode() == 402).hasSize(10);
        // every comparison has all its generations, and no generation is outside a comparison
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM comparisons c
                         WHERE c.user_id = :user
                           AND (SELECT count(*) FROM generations g WHERE g.comparison_id = c.id) <> 3
                        """).param("user", user.id()).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM comparisons WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(generationCount(user)).isEqualTo(6);
        assertThat((Integer) api(user.token()).get("/api/credits/balance").path("total_available"))
                .isOne();
        assertLedgerMatchesBalances();
    }

    @Test
    void twoInstancesOnOneDatabaseProcessEveryGenerationExactlyOnce() throws Exception {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 197);
        String dataDir = environment.getRequiredProperty("yarda.data-dir");

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + dataDir,
                        "--yarda.worker.poll-interval=50ms")) {
            List<Response> accepted =
                    race(200, 8, i -> () -> create(user, address(i + " Cluster Court", "modern_minimalist")));
            assertThat(accepted).extracting(Response::statusCode).containsOnly(202);

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> jdbc.sql("""
                                    SELECT count(*) FROM generations
                                     WHERE user_id = :user AND status IN ('completed', 'failed')
                                    """)
                                    .param("user", user.id())
                                    .query(Long.class)
                                    .single(),
                            finished -> finished == 200);
        }

        Map<String, Object> summary =
                jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'completed') AS completed,
                       count(*) FILTER (WHERE attempts <> 1) AS claimed_more_than_once,
                       count(*) FILTER (WHERE locked_by IS NOT NULL) AS still_claimed,
                       count(DISTINCT processed_by) AS instances
                  FROM generations WHERE user_id = :user
                """).param("user", user.id()).query().singleRow();
        assertThat(summary)
                .containsEntry("completed", 200L)
                .containsEntry("claimed_more_than_once", 0L)
                .containsEntry("still_claimed", 0L)
                .containsEntry("instances", 2L);
        assertThat((Integer) api(user.token()).get("/api/credits/balance").path("total_available"))
                .isZero();
        assertLedgerMatchesBalances();
    }
}
