package com.yarda.generation;

import static com.yarda.generation.HistoryPagingTests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import com.yarda.test.TestDatabase;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code total} of a history page is the number the database keeps (history_totals, V29__history_totals.sql)
 * instead of a count of the history: it must always be the number of designs not deleted, whatever made or deleted
 * them, also when that happens at the same time on several connections.
 */
class HistoryTotalsTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Test
    void theTotalIsTheNumberOfDesignsNotDeletedThroughEveryWayOfMakingAndDeletingThem() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 10);
        assertTotal(user, 0);

        String first = completedDesign(user, "1 Total Street, Boise ID 83702");
        assertTotal(user, 1);

        clock.advance(Duration.ofSeconds(61));
        api(user.token())
                .body(json(Map.of(
                        "input_type", "address",
                        "input_address", "2 Total Street, Boise ID 83702",
                        "styles", List.of("mediterranean", "japanese_zen", "english_garden"))))
                .post("/api/comparisons")
                .then()
                .statusCode(202);
        assertTotal(user, 4);

        clock.advance(Duration.ofSeconds(61));
        String refinement = api(user.token())
                .body(json(Map.of("feedback", "more shade by the fence")))
                .post("/api/generations/" + first + "/refinements")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertTotal(user, 5);
        // a refused request writes nothing and counts nothing
        api(user.token())
                .body(json(Map.of("input_type", "address", "input_address", "", "style", "mediterranean")))
                .post("/api/generations")
                .then()
                .statusCode(422);
        assertTotal(user, 5);

        awaitFinished(user, refinement);
        api(user.token()).delete("/api/generations/" + refinement).then().statusCode(204);
        assertTotal(user, 4);
        // deleting it again changes nothing
        api(user.token()).delete("/api/generations/" + refinement).then().statusCode(404);
        assertTotal(user, 4);
        // a status filter still counts its own designs
        long completed = count(user, "AND status = 'completed'");
        assertThat(page(user, "limit=1&status=completed").getLong("total")).isEqualTo(completed);
    }

    @Test
    void designsMadeAndDeletedAtTheSameTimeOnManyConnectionsAddUpExactly() throws Exception {
        TestUser user = verifiedUser();
        TestUser other = verifiedUser();
        // rows written as another instance (or an older version of the service) would, each statement its own
        // transaction: the triggers count them, not the code of this one
        List<UUID> kept = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            kept.add(insertDesign(user, i));
        }
        insertDesign(other, 0);
        AtomicInteger deleted = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            int base = 1000 * (worker + 1);
            List<UUID> mine = kept.subList(worker * 5, worker * 5 + 5);
            work.add(() -> {
                for (int i = 0; i < 25; i++) {
                    UUID made = insertDesign(user, base + i);
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        deleted.addAndGet(softDelete(made));
                    }
                    if (i < mine.size()) {
                        deleted.addAndGet(softDelete(mine.get(i)));
                    }
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        }

        assertThat(usersWhoseTotalIsWrong()).isEmpty();
        assertTotal(user, 40 + 8 * 25 - deleted.get());
        assertTotal(other, 1);
    }

    @Test
    void aDeletedAccountTakesItsTotalWithItAndATotalCannotGoBelowZero() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "9 Gone Road, Boise ID 83702");
        assertTotal(user, 1);
        // the number can be written only as the triggers write it: never negative
        assertThatThrownBy(() -> jdbc.sql("UPDATE history_totals SET designs = designs - 2 WHERE user_id = :user")
                        .param("user", user.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);

        api(user.token())
                .body(json(Map.of("password", PASSWORD)))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);

        assertThat(jdbc.sql("SELECT count(*) FROM history_totals WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM generations WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theMigrationCountsTheHistoriesThatAreThere() {
        // a database as it was before the numbers were kept (V28), with designs, some deleted; then the migration
        DataSource database = TestDatabase.get().getPostgresDatabase();
        String schema = "before_totals_" + UUID.randomUUID().toString().replace("-", "");
        Flyway.configure()
                .dataSource(database)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target("28")
                .load()
                .migrate();
        JdbcClient old = JdbcClient.create(database);
        try {
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            UUID carol = UUID.randomUUID();
            for (UUID owner : List.of(alice, bob, carol)) {
                old.sql("INSERT INTO " + schema + ".users (id, email, password_hash, created_at)"
                                + " VALUES (:id, :email, 'x', now())")
                        .param("id", owner)
                        .param("email", owner + "@yarda.test")
                        .update();
            }
            old.sql("INSERT INTO " + schema + ".generations (id, family_id, user_id, status, input_type, input_address,"
                            + " style, credit_type, error_message, created_at, deleted_at)"
                            + " SELECT id, id, CASE WHEN n <= 7 THEN :alice::uuid"
                            + " ELSE :bob::uuid END, 'failed', 'address', CASE WHEN n % 3 = 0 THEN NULL ELSE 'x Lane' END,"
                            + " 'mediterranean', 'trial', 'failed', now(), CASE WHEN n % 3 = 0 THEN now() END"
                            + " FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 12) AS n) AS design")
                    .param("alice", alice)
                    .param("bob", bob)
                    .update();

            Flyway.configure()
                    .dataSource(database)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            // alice: 1..7 without 3 and 6; bob: 8..12 without 9 and 12; carol has none, and no row
            assertThat(old.sql("SELECT user_id, designs FROM " + schema + ".history_totals")
                            .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                            .list())
                    .containsExactlyInAnyOrder(Map.entry(alice, 5L), Map.entry(bob, 3L));
        } finally {
            old.sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
    }

    /**
     * A design written as a row, as another instance or version would: failed and refunded three days ago, so that the
     * tests sharing this database (the admin's latest failures, the last day's figures) do not see thousands of them.
     */
    private UUID insertDesign(TestUser user, int n) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO generations (id, family_id, user_id, status, input_type, input_address, style,
                                                 credit_type, credit_refunded, error_message, created_at, completed_at)
                        VALUES (:id, :id, :user, 'failed', 'address', :address, 'mediterranean', 'trial', true,
                                'failed', now() - interval '3 days', now() - interval '3 days')
                        """)
                .param("id", id)
                .param("user", user.id())
                .param("address", n + " Parallel Street")
                .update();
        return id;
    }

    private int softDelete(UUID id) {
        return jdbc.sql("""
                        UPDATE generations SET deleted_at = now(), input_address = NULL
                         WHERE id = :id AND deleted_at IS NULL
                        """).param("id", id).update();
    }

    /** Users (of every test) whose kept number differs from a count of their designs. */
    private List<UUID> usersWhoseTotalIsWrong() {
        return jdbc.sql("""
                SELECT u.id FROM users u
                  LEFT JOIN history_totals t ON t.user_id = u.id
                  LEFT JOIN (SELECT user_id, count(*) AS n FROM generations WHERE deleted_at IS NULL GROUP BY user_id) g
                         ON g.user_id = u.id
                 WHERE coalesce(t.designs, 0) <> coalesce(g.n, 0)
                """).query(UUID.class).list();
    }

    private long count(TestUser user, String condition) {
        return jdbc.sql("SELECT count(*) FROM generations WHERE user_id = :user AND deleted_at IS NULL " + condition)
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /** The total as the API tells it on a page that does not end the history (so it is not counted from the page). */
    private void assertTotal(TestUser user, long expected) {
        assertThat(count(user, "")).as("designs not deleted").isEqualTo(expected);
        assertThat(page(user, "limit=1&offset=0").getLong("total")).isEqualTo(expected);
        if (expected > 1) {
            String cursor = page(user, "limit=1").getString("next_before");
            Response second = api(user.token()).get("/api/generations?limit=1&before=" + cursor);
            assertThat(second.jsonPath().getLong("total")).isEqualTo(expected);
            assertThat(second.jsonPath().getLong("offset")).isEqualTo(1);
        }
    }
}
