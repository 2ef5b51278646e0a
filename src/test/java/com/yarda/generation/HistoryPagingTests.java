package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import io.restassured.path.json.JsonPath;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/generations?before=}: paging a history by cursor gives every design once, newest first, whatever
 * is added or deleted between pages, and only the caller's own.
 */
class HistoryPagingTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Test
    void followingNextBeforeGivesEveryDesignOnceNewestFirstAlsoWhereTimesTie() {
        TestUser user = verifiedUser();
        List<String> made = designsInTiedGroups(user, 4, 3);
        List<String> newestFirst = historyInSortOrder(user);
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(made);
        assertThat(distinctCreationTimes(user)).as("designs share a created_at").isEqualTo(4);

        // pages of 2 split every group of 3 designs made at the same instant
        List<JsonPath> pages = followCursors(user, 2, "", null);
        List<String> seen = pages.stream()
                .flatMap(p -> p.<String>getList("items.id").stream())
                .toList();
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages).hasSize(6);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i).getLong("total")).isEqualTo(12);
            assertThat(pages.get(i).getLong("offset"))
                    .as("the page's place in the history")
                    .isEqualTo(2L * i);
            assertThat(pages.get(i).getInt("limit")).isEqualTo(2);
        }
        assertThat(pages.getLast().<String>get("next_before")).isNull();
        // the same order as paging by offset, which carries next_before too
        JsonPath byOffset = page(user, "limit=100&offset=0");
        assertThat(byOffset.<String>getList("items.id")).containsExactlyElementsOf(newestFirst);
        assertThat(byOffset.<String>get("next_before")).isNull();
        // the last page by offset, and one beyond the end, tell the same total
        assertThat(page(user, "limit=5&offset=10").<String>getList("items.id"))
                .containsExactlyElementsOf(newestFirst.subList(10, 12));
        assertThat(page(user, "limit=5&offset=10").getLong("total")).isEqualTo(12);
        assertThat(page(user, "limit=5&offset=100").getLong("total")).isEqualTo(12);
        // a page's cursor is the same however the page was asked for
        assertThat(page(user, "limit=2&offset=4").<String>get("next_before"))
                .isEqualTo(pages.get(2).<String>get("next_before"));
    }

    @Test
    void designsAddedOrDeletedBetweenPagesShiftNoPage() {
        TestUser user = verifiedUser();
        List<String> made = designsInTiedGroups(user, 2, 3);
        made.forEach(id -> awaitFinished(user, id));
        List<String> history = historyInSortOrder(user);
        JsonPath first = page(user, "limit=2");
        assertThat(first.<String>getList("items.id")).containsExactlyElementsOf(history.subList(0, 2));

        // meanwhile: a design of the first page and one of a later page are deleted, two new ones are made
        api(user.token()).delete("/api/generations/" + history.get(0)).then().statusCode(204);
        api(user.token()).delete("/api/generations/" + history.get(4)).then().statusCode(204);
        clock.advance(Duration.ofSeconds(61));
        List<String> added = List.of(
                acceptAddress(user, "1 Newcomer Lane", "mediterranean"),
                acceptAddress(user, "2 Newcomer Lane", "mediterranean"));

        List<JsonPath> rest = followCursors(user, 2, "", first.get("next_before"));
        assertThat(rest.stream().flatMap(p -> p.<String>getList("items.id").stream()))
                .as("the designs after the first page, the deleted one left out")
                .containsExactly(history.get(2), history.get(3), history.get(5))
                .doesNotContainAnyElementsOf(added);
        // the page after the first starts after its last design, wherever that now is: behind the two new designs
        assertThat(rest.getFirst().getLong("offset")).isEqualTo(3);
        assertThat(rest.getFirst().getLong("total")).isEqualTo(6);
        // by offset the same page would have shown the first page's last design again
        assertThat(page(user, "limit=2&offset=2").<String>getList("items.id"))
                .containsExactly(history.get(1), history.get(2));
    }

    @Test
    void aStatusFilterPagesByCursorToo() {
        TestUser user = verifiedUser();
        List<String> made = designsInTiedGroups(user, 2, 3);
        made.forEach(id -> awaitFinished(user, id));
        api(user.token()).delete("/api/generations/" + made.get(1)).then().statusCode(204);
        List<String> completed =
                jdbc.sql("""
                SELECT id FROM generations
                 WHERE user_id = :user AND deleted_at IS NULL AND status = 'completed'
                 ORDER BY created_at DESC, id DESC
                """).param("user", user.id()).query(String.class).list();
        assertThat(completed).hasSize(5);

        List<JsonPath> pages = followCursors(user, 2, "&status=completed", null);
        assertThat(pages.stream().flatMap(p -> p.<String>getList("items.id").stream()))
                .containsExactlyElementsOf(completed);
        assertThat(pages).allSatisfy(p -> assertThat(p.getLong("total")).isEqualTo(5));
        assertThat(page(user, "status=failed").getLong("total")).isZero();
    }

    @Test
    void anotherUsersDesignsNeverAppearAndTheirCursorOnlyPlacesTheCallersOwn() {
        TestUser alice = verifiedUser();
        TestUser bob = verifiedUser();
        credits.adjust(alice.id(), CreditType.TOKEN, 6);
        credits.adjust(bob.id(), CreditType.TOKEN, 6);
        try (MutableClock.Frozen frozen = clock.freeze()) {
            for (int g = 0; g < 3; g++) {
                clock.advance(Duration.ofSeconds(61));
                for (int i = 0; i < 2; i++) {
                    acceptAddress(alice, g + "-" + i + " Alice Row", "english_garden");
                    acceptAddress(bob, g + "-" + i + " Bob Row", "english_garden");
                }
            }
        }
        List<String> alices = historyInSortOrder(alice);
        List<String> bobs = historyInSortOrder(bob);

        List<JsonPath> pages = followCursors(alice, 4, "", null);
        assertThat(pages.stream().flatMap(p -> p.<String>getList("items.id").stream()))
                .containsExactlyElementsOf(alices);

        // a cursor is a place in time, no permission: Bob's request with Alice's reads Bob's designs older than it
        String alicesCursor = pages.getFirst().get("next_before");
        List<String> older = jdbc.sql("""
                SELECT g.id FROM generations g, generations place
                 WHERE place.id = :place AND g.user_id = :user AND g.deleted_at IS NULL
                   AND (g.created_at, g.id) < (place.created_at, place.id)
                 ORDER BY g.created_at DESC, g.id DESC
                """)
                .param("place", UUID.fromString(alices.get(3)))
                .param("user", bob.id())
                .query(String.class)
                .list();
        assertThat(older).isNotEmpty().hasSizeLessThan(bobs.size());
        JsonPath bobsPage = page(bob, "limit=100&before=" + alicesCursor);
        assertThat(bobsPage.<String>getList("items.id"))
                .containsExactlyElementsOf(older)
                .doesNotContainAnyElementsOf(alices);
        assertThat(bobsPage.getLong("total")).isEqualTo(6);
        assertThat(bobsPage.getLong("offset")).isEqualTo(6 - older.size());
    }

    @Test
    void aBeforeThatIsNoCursorIs422AndSoIsOneWithAnOffset() {
        TestUser user = verifiedUser();
        String valid = cursor(1_700_000_000_000_000L, UUID.randomUUID());
        List<String> bad = List.of(
                "",
                "abc",
                "!".repeat(32),
                valid + "=",
                valid.substring(1),
                valid + "AAAA",
                valid.replace(valid.charAt(5), '+'),
                // base64url of 24 bytes, but a time no design can have (before year 1, after year 9999)
                "x".repeat(32),
                cursor(Long.MIN_VALUE, UUID.randomUUID()),
                cursor(Long.MAX_VALUE, UUID.randomUUID()));
        for (String before : bad) {
            api(user.token())
                    .queryParam("before", before)
                    .get("/api/generations")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("error", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("before"));
        }
        for (String offset : List.of("0", "20")) {
            api(user.token())
                    .queryParam("before", valid)
                    .queryParam("offset", offset)
                    .get("/api/generations")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("error", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("before"))
                    .body("errors[0].message", containsString("offset"));
        }
    }

    @Test
    void aCursorBeyondEitherEndOfTheHistoryIsAnEmptyOrAFirstPage() {
        TestUser user = verifiedUser();
        List<String> made = designsInTiedGroups(user, 1, 3);
        JsonPath beyondTheNewest = page(user, "before=" + cursor(253_402_300_799_000_000L, UUID.randomUUID()));
        assertThat(beyondTheNewest.<String>getList("items.id")).containsExactlyElementsOf(historyInSortOrder(user));
        assertThat(beyondTheNewest.getLong("offset")).isZero();
        JsonPath beforeTheOldest = page(user, "before=" + cursor(-62_135_596_800_000_000L, UUID.randomUUID()));
        assertThat(beforeTheOldest.<String>getList("items")).isEmpty();
        assertThat(beforeTheOldest.<String>get("next_before")).isNull();
        assertThat(beforeTheOldest.getLong("total")).isEqualTo(made.size());
        assertThat(beforeTheOldest.getLong("offset")).isEqualTo(made.size());
    }

    /**
     * {@code groups} groups of {@code size} address designs of {@code user}, each group accepted at one instant (a
     * frozen clock) and a minute after the one before (the rate limit allows 3 a minute); their ids, oldest first.
     */
    private List<String> designsInTiedGroups(TestUser user, int groups, int size) {
        credits.adjust(user.id(), CreditType.TOKEN, groups * size);
        List<String> ids = new ArrayList<>();
        try (MutableClock.Frozen frozen = clock.freeze()) {
            for (int g = 0; g < groups; g++) {
                clock.advance(Duration.ofSeconds(61));
                for (int i = 0; i < size; i++) {
                    ids.add(acceptAddress(user, g + "-" + i + " Keyset Lane", "japanese_zen"));
                }
            }
        }
        return ids;
    }

    /** The ids of {@code user}'s designs that are not deleted, in the history's order, as the database sorts them. */
    private List<String> historyInSortOrder(TestUser user) {
        return jdbc.sql("""
                SELECT id FROM generations WHERE user_id = :user AND deleted_at IS NULL
                 ORDER BY created_at DESC, id DESC
                """).param("user", user.id()).query(String.class).list();
    }

    private long distinctCreationTimes(TestUser user) {
        return jdbc.sql("SELECT count(DISTINCT created_at) FROM generations WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /**
     * Every page of {@code user}'s history from the one after {@code start} (from the first when null), each asked for
     * by the next_before of the one before.
     */
    private static List<JsonPath> followCursors(TestUser user, int limit, String query, @Nullable String start) {
        List<JsonPath> pages = new ArrayList<>();
        @Nullable String before = start;
        do {
            JsonPath page = page(user, "limit=" + limit + query + (before == null ? "" : "&before=" + before));
            pages.add(page);
            before = page.get("next_before");
            assertThat(pages).as("pages so far").hasSizeLessThan(100);
        } while (before != null);
        return pages;
    }

    static JsonPath page(TestUser user, String query) {
        return api(user.token())
                .get("/api/generations?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A cursor as next_before writes it, for a place no design of ours can have. */
    static String cursor(long micros, UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(24)
                .putLong(micros)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
