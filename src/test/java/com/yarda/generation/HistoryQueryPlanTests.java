package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History stays an index walk for a user with 10,000 generations (the timing itself is measured in bench/). */
class HistoryQueryPlanTests extends IntegrationTest {

    @Test
    void historyPagesOfAUserWithTenThousandGenerationsUseTheIndexWithoutSorting() {
        TestUser user = verifiedUser();
        jdbc.sql("""
                INSERT INTO generations (id, family_id, user_id, status, input_type, input_address, style, credit_type,
                                         output_image_key, error_message, created_at, started_at, completed_at)
                SELECT md5(:user || '-' || n)::uuid, md5(:user || '-' || n)::uuid, :user, CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'completed' END, 'address',
                       n || ' Plan Street', 'japanese_zen', 'token',
                       CASE WHEN n % 10 = 0 THEN NULL ELSE 'x.png' END,
                       CASE WHEN n % 10 = 0 THEN 'failed' END,
                       now() - n * interval '1 minute', now() - n * interval '1 minute', now()
                  FROM generate_series(1, 10000) AS n
                """).param("user", user.id()).update();
        jdbc.sql("ANALYZE generations").update();

        for (boolean byStatus : List.of(false, true)) {
            for (long offset : List.of(0L, 5_000L)) {
                String plan = jdbc
                        .sql("EXPLAIN (FORMAT TEXT) " + GenerationRepository.historySql(byStatus))
                        .param("user", user.id())
                        .param("status", "completed")
                        .param("limit", 20)
                        .param("offset", offset)
                        .query((rs, row) -> rs.getString(1))
                        .list()
                        .stream()
                        .reduce("", (a, b) -> a + b + "\n");
                assertThat(plan)
                        .as("plan for byStatus=%s offset=%d:%n%s", byStatus, offset, plan)
                        // either history index serves both shapes in order; what matters is no scan of the table
                        // and no sort of the user's rows
                        .containsPattern("Index Scan( Backward)? using ix_generations_user_(status_)?history")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Sort");
            }
        }
    }
}
