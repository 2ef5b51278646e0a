package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refining a design and comparing styles from the web app: forms with CSRF, honest about credits and refusals. */
class RefineComparePagesTests extends IntegrationTest {

    @Autowired
    Credits credits;

    @Test
    void aDesignIsRefinedFromItsPageAndItsVersionsShowAsATimeline() {
        TestUser user = verifiedUser();
        String first = completedDesign(user, "8 Timeline Lane, Eugene OR");
        Map<String, String> session = webSession(user);
        Response page = given().cookies(session).get("/generations/" + first);
        page.then()
                .statusCode(200)
                .body(containsString("Refine this design"))
                .body(containsString("Refine · 1 credit"))
                // one version: no timeline yet
                .body(not(containsString("id=\"versions\"")));

        Response refined = formPost(
                session,
                page,
                "/generations/" + first + "/refine",
                Map.of("feedback", "less lawn, more privacy", "style", "", "requestKey", "refine-1"));

        assertThat(refined.statusCode()).isEqualTo(302);
        String second = refined.header("Location").replaceFirst(".*/generations/", "");
        assertThat(second).isNotEqualTo(first);
        assertThat(awaitFinished(user, second)).containsEntry("status", "completed");
        api(user.token())
                .get("/api/generations/" + second)
                .then()
                .body("parent_id", equalTo(first))
                .body("feedback", equalTo("less lawn, more privacy"));
        String timeline = given().cookies(session).get("/generations/" + second).asString();
        assertThat(timeline)
                .contains("id=\"versions\"", "Version 1", "Version 2", "less lawn, more privacy")
                .contains("Refined with:")
                // the version shown is marked, the other links to its page
                .containsPattern("aria-current=\"page\"\\s+data-version=\"" + second + "\"")
                .contains("href=\"/generations/" + first + "\"");
        // a double submit of the same form is the same refinement, charged once
        Response again = formPost(
                session,
                page,
                "/generations/" + first + "/refine",
                Map.of("feedback", "less lawn, more privacy", "style", "", "requestKey", "refine-1"));
        assertThat(again.header("Location")).endsWith("/generations/" + second);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(1));
    }

    @Test
    void emptyFeedbackIsShownBesideTheFormAndChargesNothing() {
        TestUser user = verifiedUser();
        String first = completedDesign(user, "9 Blank Wish Way, Eugene OR");
        Map<String, String> session = webSession(user);
        Response page = given().cookies(session).get("/generations/" + first);

        Response refused =
                formPost(session, page, "/generations/" + first + "/refine", Map.of("feedback", "   ", "style", ""));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("id=\"refine-form\"").contains("Is required (1 to 500 characters).");
        assertThat(generationCount(user)).isEqualTo(1);
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
    }

    @Test
    void stylesAreComparedFromTheWebAppAndShownSideBySide() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response form = given().cookies(session).get("/compare");
        form.then()
                .statusCode(200)
                .body(containsString("Compare styles"))
                .body(containsString("type=\"checkbox\" name=\"styles\""));

        Response accepted = formPost(
                session,
                form,
                "/compare",
                Map.of(
                        "inputType", "address",
                        "inputAddress", "12 Side By Side Street, Eugene OR",
                        "styles", List.of("english_garden", "japanese_zen"),
                        "customPrompt", "",
                        "requestKey", "compare-1"));

        assertThat(accepted.statusCode()).isEqualTo(302);
        String comparison = accepted.header("Location").replaceFirst(".*/comparisons/", "");
        Map<String, Object> api =
                api(user.token()).get("/api/comparisons/" + comparison).path("$");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> generations = (List<Map<String, Object>>) api.get("generations");
        assertThat(generations).extracting(g -> g.get("style")).containsExactly("english_garden", "japanese_zen");
        generations.forEach(g -> awaitFinished(user, (String) g.get("id")));
        String page = given().cookies(session).get("/comparisons/" + comparison).asString();
        assertThat(page)
                .contains("comparison of-2", "English Garden", "Japanese Zen", "Every design is finished.")
                .containsPattern("\\d+ (plants of \\d+ kinds|kinds of plants)")
                .contains("/generations/" + generations.get(0).get("id") + "/image")
                .contains("/generations/" + generations.get(1).get("id") + "/image")
                // finished: no more polling
                .doesNotContain("hx-trigger");
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(1));
        // someone else's comparison is not found
        given().cookies(webSession(verifiedUser()))
                .get("/comparisons/" + comparison)
                .then()
                .statusCode(404);
    }

    @Test
    void aComparisonTheUserCannotAffordIsRefusedWholeWithTheReason() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response form = given().cookies(session).get("/compare");

        Response refused = formPost(
                session,
                form,
                "/compare",
                Map.of(
                        "inputType", "address",
                        "inputAddress", "13 Too Many Styles Road, Eugene OR",
                        "styles", List.of("english_garden", "japanese_zen", "modern_minimalist", "desert_landscape"),
                        "customPrompt", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("Choose 2 or 3 different styles.");

        // 3 styles with 2 credits left are refused as unaffordable, all of them
        credits.adjust(user.id(), CreditType.TRIAL, -1);
        Response poor = formPost(
                session,
                given().cookies(session).get("/compare"),
                "/compare",
                Map.of(
                        "inputType", "address",
                        "inputAddress", "13 Too Many Styles Road, Eugene OR",
                        "styles", List.of("english_garden", "japanese_zen", "modern_minimalist"),
                        "customPrompt", ""));
        assertThat(poor.statusCode()).isEqualTo(200);
        assertThat(poor.asString()).contains("Not enough credits for <span>3</span> designs.", "nothing was charged");
        assertThat(generationCount(user)).isZero();
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        api(user.token()).get("/api/rate-limits/status").then().body("remaining_requests", equalTo(3));
    }
}
