package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.platform.Timestamps;
import com.yarda.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * History stays an index walk for a user with 10,000 generations (the timing itself is measured in bench/): a page by
 * offset or by cursor reads the history index in order (a cursor as the bound where the walk starts), the total is
 * read from history_totals, and a total of one status is counted in the index alone.
 */
class HistoryQueryPlanTests extends IntegrationTest {

    @Test
    void historyPagesOfAUserWithTenThousandGenerationsUseTheIndexWithoutSorting() {
        TestUser user = verifiedUser();
        // four others with as many: the user's rows are a fifth of the table, not all of it (where PostgreSQL would
        // rightly read the whole table to count them)
        for (int other = 0; other < 4; other++) {
            tenThousandDesigns(verifiedUser());
        }
        tenThousandDesigns(user);
        // as autovacuum leaves an older history: the visibility map set, so that counting needs the index alone. A
        // snapshot still open elsewhere (an autovacuum's ANALYZE of the rows just written) keeps a VACUUM from marking
        // them all-visible: again until it has
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    jdbc.sql("VACUUM (ANALYZE) generations").update();
                    return jdbc.sql(
                                    "SELECT relallvisible >= 0.9 * relpages FROM pg_class WHERE oid = 'generations'::regclass")
                            .query(Boolean.class)
                            .single();
                });
        // half way down the history (its rows were made now() - n minutes)
        Instant deep = Instant.now().minus(Duration.ofMinutes(5_000));

        for (boolean byStatus : List.of(false, true)) {
            // the first page; a deep offset is left to the planner: to skip 5,000 rows it may rather fetch the user's
            // 10,000 and sort them (a bitmap scan), which is why deep pages go by cursor
            assertThat(plan(GenerationRepository.historySql(byStatus, false), user, null, 0))
                    .as("byStatus=%s offset=0", byStatus)
                    // either history index serves both shapes in order; what matters is no scan of the table and no
                    // sort of the user's rows
                    .containsPattern("Index Scan( Backward)? using ix_generations_user_(status_)?history")
                    .doesNotContain("Seq Scan")
                    .doesNotContain("Sort");
            for (Instant before : List.of(Instant.now(), deep)) {
                assertThat(plan(GenerationRepository.historySql(byStatus, true), user, before, 0))
                        .as("byStatus=%s before=%s", byStatus, before)
                        // the cursor is a bound of the index scan, not a filter of the rows it reads
                        .containsPattern("Index Scan( Backward)? using ix_generations_user_(status_)?history")
                        .containsPattern("Index Cond: .*ROW\\(created_at, id\\) <")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Sort");
            }
            for (Instant before : Arrays.asList(null, deep)) {
                String extent = plan(GenerationRepository.extentSql(byStatus, before != null), user, before, 0);
                assertThat(extent)
                        .as("total: byStatus=%s before=%s", byStatus, before)
                        .doesNotContain("Seq Scan on generations");
                if (byStatus || before != null) {
                    // counted in the index alone; a cursor's offset up to the cursor
                    assertThat(extent).containsPattern("Index Only Scan using ix_generations_user_(status_)?history");
                }
                if (!byStatus) {
                    assertThat(extent)
                            .as("the whole history's total is read, not counted")
                            // by its key, or a scan of a small table where PostgreSQL rightly prefers one
                            .containsPattern("(Index Scan using|Bitmap Index Scan on|Seq Scan on) history_totals");
                }
                if (!byStatus && before == null) {
                    assertThat(extent).doesNotContain("generations");
                }
            }
        }
    }

    private void tenThousandDesigns(TestUser user) {
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
    }

    private String plan(String sql, TestUser user, @Nullable Instant before, long offset) {
        return jdbc
                .sql("EXPLAIN (FORMAT TEXT) " + sql)
                .param("user", user.id())
                .param("status", "completed")
                .param("createdAt", Timestamps.sql(before))
                .param("id", UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"))
                .param("limit", 21)
                .param("offset", offset)
                .query((rs, row) -> rs.getString(1))
                .list()
                .stream()
                .reduce("", (a, b) -> a + b + "\n");
    }
}
