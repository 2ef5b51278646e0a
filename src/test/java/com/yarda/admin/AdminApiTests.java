package com.yarda.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

class AdminApiTests extends IntegrationTest {

    @Test
    void aGrantShowsInTheUsersLedgerAndInTheAuditLog() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();

        adjust(admin, user, "token", 5, "Goodwill after a failed print")
                .then()
                .statusCode(201)
                .body("balance.token_balance", equalTo(5))
                .body("balance.total_available", equalTo(8))
                .body("audit.action", equalTo("credit_adjustment"))
                .body("audit.admin_id", equalTo(admin.id().toString()))
                .body("audit.admin_email", equalTo(ADMIN_EMAIL))
                .body("audit.target_user_id", equalTo(user.id().toString()))
                .body("audit.reason", equalTo("Goodwill after a failed print"))
                .body("audit.details.credit_type", equalTo("token"))
                .body("audit.details.amount", equalTo(5))
                .body("audit.details.balance_after", equalTo(5));

        api(user.token())
                .get("/api/credits/transactions")
                .then()
                .body("items[0].kind", equalTo("adjustment"))
                .body("items[0].credit_type", equalTo("token"))
                .body("items[0].amount", equalTo(5))
                .body("items[0].balance_after", equalTo(5));
        api(admin.token())
                .get("/api/admin/audit?user_id=" + user.id())
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].reason", equalTo("Goodwill after a failed print"))
                .body("items[0].created_at", notNullValue());
        api(admin.token())
                .get("/api/admin/audit")
                .then()
                .body("items.target_user_id", hasItem(user.id().toString()));
        api(admin.token())
                .get("/api/admin/users/" + user.id())
                .then()
                .statusCode(200)
                .body("user.email", equalTo(user.email()))
                .body("user.token_balance", equalTo(5))
                .body("ledger.items[0].kind", equalTo("adjustment"))
                .body("ledger.total", equalTo(2))
                .body("purchases.total", equalTo(0))
                .body("generations.total", equalTo(0))
                .body("audit.total", equalTo(1));

        // a deduction within the balance works the same way
        adjust(admin, user, "trial", -3, "Duplicate account")
                .then()
                .statusCode(201)
                .body("balance.trial_credits", equalTo(0));
        assertLedgerMatchesBalances();
    }

    @Test
    void aDeductionBelowZeroIs422AndChangesNothing() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();

        adjust(admin, user, "token", -1, "Chargeback")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("below zero"));
        adjust(admin, user, "trial", -4, "Chargeback").then().statusCode(422);

        api(user.token())
                .get("/api/credits/balance")
                .then()
                .body("trial_credits", equalTo(3))
                .body("token_balance", equalTo(0));
        api(user.token()).get("/api/credits/transactions").then().body("total", equalTo(1));
        api(admin.token()).get("/api/admin/audit?user_id=" + user.id()).then().body("total", equalTo(0));
        assertLedgerMatchesBalances();
    }

    @Test
    void anAdjustmentNeedsAReasonANonZeroAmountAKnownTypeAndAUser() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();

        adjust(admin, user, "token", 5, "  ").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        adjust(admin, user, "token", 0, "Nothing").then().statusCode(422).body("errors[0].field", equalTo("amount"));
        adjust(admin, user, "gold", 5, "Shiny").then().statusCode(422).body("errors[0].field", equalTo("credit_type"));
        api(admin.token())
                .body(json(Map.of("credit_type", "token", "amount", 1, "reason", "Ghost")))
                .post("/api/admin/users/" + UUID.randomUUID() + "/adjustments")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));

        // a fraction is refused, never rounded to a whole credit behind the admin's back
        api(admin.token())
                .body(json(Map.of("credit_type", "token", "amount", 1.5, "reason", "Half a token")))
                .post("/api/admin/users/" + user.id() + "/adjustments")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed_request"));

        api(user.token()).get("/api/credits/transactions").then().body("total", equalTo(1));
        api(admin.token()).get("/api/admin/audit?user_id=" + user.id()).then().body("total", equalTo(0));
    }

    @Test
    void nonAdminsGet404ForEveryAdminAddress() {
        TestUser user = verifiedUser();
        String id = user.id().toString();
        List<Function<TestUser, Response>> calls = List.of(
                u -> api(u.token()).get("/api/admin/users?email=a"),
                u -> api(u.token()).get("/api/admin/users?limit=1000"),
                u -> api(u.token()).get("/api/admin/users/" + id),
                u -> api(u.token()).get("/api/admin/users/not-a-uuid"),
                u -> api(u.token())
                        .body(json(Map.of("credit_type", "token", "amount", 100, "reason", "Because")))
                        .post("/api/admin/users/" + id + "/adjustments"),
                u -> api(u.token()).body("{}").post("/api/admin/users/" + id + "/adjustments"),
                u -> api(u.token()).get("/api/admin/generations/failed"),
                u -> api(u.token()).get("/api/admin/stats"),
                u -> api(u.token()).get("/api/admin/audit"),
                u -> api(u.token()).get("/api/admin/audit?user_id=" + id));

        for (Function<TestUser, Response> call : calls) {
            call.apply(user)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("error", equalTo("not_found"));
        }
        api().get("/api/admin/stats").then().statusCode(401).body("error", equalTo("unauthenticated"));

        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        TestUser admin = adminUser();
        for (Function<TestUser, Response> call : calls.subList(6, calls.size())) {
            call.apply(admin).then().statusCode(200);
        }
    }

    @Test
    void registeringAnAdminAddressWithoutVerifyingItGivesNoAdminRights() {
        TestUser impostor = unverifiedAdminAddressUser();
        TestUser customer = verifiedUser();
        String id = customer.id().toString();
        List<Function<TestUser, Response>> calls = List.of(
                u -> api(u.token()).get("/api/admin/users?email=a"),
                u -> api(u.token()).get("/api/admin/users/" + id),
                u -> api(u.token())
                        .body(json(Map.of("credit_type", "token", "amount", 1000, "reason", "Mine now")))
                        .post("/api/admin/users/" + impostor.id() + "/adjustments"),
                u -> api(u.token())
                        .body(json(Map.of("credit_type", "token", "amount", 5, "reason", "Because")))
                        .post("/api/admin/users/" + id + "/adjustments"),
                u -> api(u.token()).get("/api/admin/generations/failed"),
                u -> api(u.token()).get("/api/admin/stats"),
                u -> api(u.token()).get("/api/admin/audit"));

        for (Function<TestUser, Response> call : calls) {
            call.apply(impostor)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("error", equalTo("not_found"));
        }

        api(impostor.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        api(customer.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        TestUser admin = adminUser();
        api(admin.token())
                .get("/api/admin/audit?user_id=" + impostor.id())
                .then()
                .body("total", equalTo(0));
        api(admin.token()).get("/api/admin/audit?user_id=" + id).then().body("total", equalTo(0));
    }

    @Test
    void usersAreFoundByAnyPartOfTheirEmail() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        String local = user.email().substring(0, user.email().indexOf('@'));

        api(admin.token())
                .get("/api/admin/users?email=" + local.toUpperCase())
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(user.id().toString()))
                .body("items[0].trial_credits", equalTo(3));
        api(admin.token())
                .get("/api/admin/users?email=" + local.substring(local.length() - 6))
                .then()
                .body("items[0].email", equalTo(user.email()));
        // % and _ are letters here, not wildcards
        api(admin.token()).get("/api/admin/users?email=%25").then().body("total", equalTo(0));
        api(admin.token())
                .get("/api/admin/users?limit=2")
                .then()
                .body("items.size()", equalTo(2))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void failedGenerationsAndStatsShowWhatWentWrong() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        String street = "13 Broken Pipe Road " + UUID.randomUUID().toString().substring(0, 6);
        designer().script(street, (request, real) -> {
            throw new DesignFailed("The image service rejected the request.", false);
        });
        String id = api(user.token())
                .body(json(Map.of("input_type", "address", "input_address", street, "style", "japanese_zen")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "failed"
                        .equals(api(user.token()).get("/api/generations/" + id).path("status")));

        Response failed = api(admin.token()).get("/api/admin/generations/failed?limit=100");
        failed.then().statusCode(200).body("total", greaterThanOrEqualTo(1));
        List<Map<String, Object>> items = failed.path("items");
        Map<String, Object> ours = items.stream()
                .filter(item -> id.equals(item.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(ours)
                .containsEntry("user_id", user.id().toString())
                .containsEntry("style", "japanese_zen")
                .containsEntry("input_type", "address")
                .containsEntry("credit_refunded", true)
                .containsKey("error_message")
                .containsKey("completed_at");

        Response stats = api(admin.token()).get("/api/admin/stats");
        stats.then()
                .statusCode(200)
                .body("last_hour.failed", greaterThanOrEqualTo(1))
                .body("last_day.failed", greaterThanOrEqualTo(1));
        long finished = ((Number) stats.path("last_hour.finished")).longValue();
        long failedCount = ((Number) stats.path("last_hour.failed")).longValue();
        // RestAssured reads JSON numbers as floats
        assertThat(((Number) stats.path("last_hour.failure_rate")).doubleValue())
                .isCloseTo((double) failedCount / finished, within(1e-6));
        assertThat(((Number) stats.path("queue_depth")).longValue())
                .isEqualTo(
                        ((Number) stats.path("pending")).longValue() + ((Number) stats.path("processing")).longValue());
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        TestUser admin = adminUser();
        TestUser user = verifiedUser();
        adjust(admin, user, "token", 2, "Contest prize").then().statusCode(201);

        assertThatThrownBy(() -> jdbc.sql("UPDATE admin_audit SET reason = 'nothing to see' WHERE target_user_id = :u")
                        .param("u", user.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM admin_audit WHERE target_user_id = :u")
                        .param("u", user.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
    }

    private static Response adjust(TestUser admin, TestUser user, String type, int amount, String reason) {
        return api(admin.token())
                .body(json(Map.of("credit_type", type, "amount", amount, "reason", reason)))
                .post("/api/admin/users/" + user.id() + "/adjustments");
    }
}
