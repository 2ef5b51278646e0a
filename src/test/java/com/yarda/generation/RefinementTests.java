package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.yarda.designer.DesignRequest;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Refining a design with feedback: a version of the same yard, not a reroll. */
class RefinementTests extends IntegrationTest {

    @Test
    void aRefinementIsANewVersionOfTheSameSiteWithTheFeedbackAndCostsOneCredit() {
        TestUser user = verifiedUser();
        String address = "40 Refine Road, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "40 REFINE RD, MINNEAPOLIS, MN, 55401", 44.98, -93.27, "55401");
        SiteServices.naipServes(photo(640, 480));
        String parent = finished(user, acceptAddress(user, address, "english_garden"));

        Response accepted = refine(user, parent, Map.of("feedback", "less lawn, more shade"), null);

        accepted.then()
                .statusCode(202)
                .body("parent_id", equalTo(parent))
                .body("feedback", equalTo("less lawn, more shade"))
                .body("input_address", equalTo(address))
                .body("style", equalTo("english_garden"))
                .body("status", equalTo("pending"));
        assertThat(accepted.header("Location")).isEqualTo("/api/generations/" + accepted.path("id"));
        Map<String, Object> done = awaitFinished(user, accepted.path("id"));
        Map<String, Object> first =
                api(user.token()).get("/api/generations/" + parent).path("$");
        assertThat(done.get("status")).isEqualTo("completed");
        // the same site as the design it refines, its pictures kept as its own
        assertThat(done.get("site")).isEqualTo(first.get("site"));
        api(user.token())
                .get("/api/generations/" + done.get("id") + "/before")
                .then()
                .statusCode(200);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(1));
        api(user.token())
                .get("/api/generations/" + done.get("id") + "/versions")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(parent, done.get("id"))))
                .body("items.parent_id", equalTo(Arrays.asList(null, parent)));
        assertLedgerMatchesBalances();
    }

    @Test
    void theDesignerIsGivenTheDesignToEditAndEveryWishOfItsLineageOldestFirst() {
        TestUser user = verifiedUser();
        String street = "41 Lineage Lane";
        String first = finished(user, acceptAddress(user, street, "japanese_zen"));
        String second = finished(
                user,
                refine(user, first, Map.of("feedback", "more privacy"), null).path("id"));
        AtomicReference<DesignRequest.Refinement> seen = new AtomicReference<>();
        designer().script(street, (request, real) -> {
            seen.set(request.refinement());
            return real.design(request);
        });

        String third = refine(user, second, Map.of("feedback", "add a pond", "style", "mediterranean"), null)
                .then()
                .statusCode(202)
                .body("style", equalTo("mediterranean"))
                .extract()
                .path("id");
        finished(user, third);

        assertThat(seen.get()).isNotNull();
        assertThat(seen.get().feedback()).containsExactly("more privacy", "add a pond");
        assertThat(seen.get().parentStyle().id()).isEqualTo("japanese_zen");
        byte[] secondImage = api(user.token())
                .get("/api/generations/" + second + "/image")
                .then()
                .extract()
                .asByteArray();
        assertThat(seen.get().parentImage()).isEqualTo(secondImage);
        api(user.token())
                .get("/api/generations/" + first + "/versions")
                .then()
                .body("items.id", equalTo(List.of(first, second, third)));
    }

    @Test
    void aDesignStillBeingDrawnCannotBeRefinedAndNothingIsCharged() {
        TestUser user = verifiedUser();
        String street = "42 Not Yet Street";
        try (Held drawing = designer().hold(street)) {
            String parent = acceptAddress(user, street, "mediterranean");
            drawing.awaitStarted();

            refine(user, parent, Map.of("feedback", "more lawn"), null)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("error", equalTo("generation_not_completed"));
        }
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token()).get("/api/rate-limits/status").then().body("remaining_requests", equalTo(2));
    }

    @Test
    void someoneElsesDesignIsNotFoundAndBadFeedbackIs422() {
        TestUser owner = verifiedUser();
        TestUser other = verifiedUser();
        String design = finished(owner, acceptAddress(owner, "43 Mine Street", "english_garden"));

        refine(other, design, Map.of("feedback", "x"), null)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        refine(owner, design, Map.of("feedback", " "), null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("feedback"));
        refine(owner, design, Map.of("feedback", "y".repeat(501)), null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("feedback"));
        refine(owner, design, Map.of("feedback", "more shade", "style", "gothic"), null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("style"));
        api(other.token())
                .get("/api/generations/" + design + "/versions")
                .then()
                .statusCode(404);
        api(owner.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsOneRefinement() {
        TestUser user = verifiedUser();
        String design = finished(user, acceptAddress(user, "44 Retry Road", "desert_landscape"));

        Response first = refine(user, design, Map.of("feedback", "add seating"), "refine-once");
        Response again = refine(user, design, Map.of("feedback", "add seating"), "refine-once");

        first.then().statusCode(202);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(generationCount(user)).isEqualTo(2);
        refine(user, design, Map.of("feedback", "add water"), "refine-once")
                .then()
                .statusCode(422)
                .body("error", equalTo("idempotency_key_reused"));
    }

    @Test
    void deletingARefinedDesignKeepsItsRefinementsAndTheVersionsShowItDeletedWithNothingPersonal() {
        TestUser user = verifiedUser();
        String parent = finished(user, acceptAddress(user, "45 Keep Close", "tropical_resort"));
        String child = finished(
                user,
                refine(user, parent, Map.of("feedback", "more shade"), null).path("id"));

        api(user.token()).delete("/api/generations/" + parent).then().statusCode(204);

        api(user.token())
                .get("/api/generations/" + child)
                .then()
                .statusCode(200)
                .body("parent_id", equalTo(parent))
                .body("status", equalTo("completed"));
        api(user.token()).get("/api/generations/" + child + "/image").then().statusCode(200);
        api(user.token())
                .get("/api/generations/" + child + "/versions")
                .then()
                .body("items.id", equalTo(List.of(parent, child)))
                .body("items[0].deleted", equalTo(true))
                .body("items[0].input_address", nullValue())
                .body("items[0].output_image_url", nullValue())
                .body("items[1].deleted", equalTo(false));
        // a refinement of a deleted design is not possible
        refine(user, parent, Map.of("feedback", "less lawn"), null).then().statusCode(404);
    }

    @Test
    void aDesignWhoseRefinementIsStillBeingDrawnIsNotDeletedYet() {
        TestUser user = verifiedUser();
        String street = "46 Busy Parent Road";
        String parent = finished(user, acceptAddress(user, street, "modern_minimalist"));
        String child;
        try (Held drawing = designer().hold(street)) {
            child = refine(user, parent, Map.of("feedback", "more lawn"), null).path("id");
            drawing.awaitStarted();

            api(user.token())
                    .delete("/api/generations/" + parent)
                    .then()
                    .statusCode(409)
                    .body("error", equalTo("generation_in_progress"));
        }
        assertThat(awaitFinished(user, child)).containsEntry("status", "completed");
        api(user.token()).delete("/api/generations/" + parent).then().statusCode(204);
    }

    private static String finished(TestUser user, String id) {
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        return id;
    }

    private static Response refine(TestUser user, String id, Map<String, ?> body, @Nullable String key) {
        var request = api(user.token()).body(json(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/generations/" + id + "/refinements");
    }
}
