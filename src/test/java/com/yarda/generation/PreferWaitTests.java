package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.DesignFailed;
import com.yarda.test.IntegrationTest;
import com.yarda.test.ScriptedDesigner.Held;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Prefer: wait=N}: the finished design in the answer when it ends within N seconds, else 202 as always. */
class PreferWaitTests extends IntegrationTest {

    @Test
    void aDesignThatEndsWithinTheWaitIsAnswered201WithTheFinishedGeneration() {
        TestUser user = verifiedUser();

        Response answer = api(user.token())
                .header("Prefer", "wait=30")
                .body(json(address("1 Patient Road", "japanese_zen")))
                .post("/api/generations");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=30");
        String id = answer.path("id");
        assertThat(answer.header("Location")).endsWith("/api/generations/" + id);
        assertThat(answer.<String>path("status")).isEqualTo("completed");
        assertThat(answer.<String>path("output_image_url")).isNotBlank();
        assertThat(answer.header("RateLimit")).isNotBlank();
    }

    @Test
    void aFailedDesignIsAnsweredToo() {
        TestUser user = verifiedUser();
        String street = "2 Broken Pencil Way";
        designer().script(street, (request, real) -> {
            throw new DesignFailed("The image service refused the request.", false);
        });

        Response answer = api(user.token())
                .header("Prefer", "wait=30")
                .body(json(address(street, "japanese_zen")))
                .post("/api/generations");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.<String>path("status")).isEqualTo("failed");
        assertThat(answer.<String>path("error_message")).isNotBlank();
    }

    @Test
    void aDesignStillDrawingWhenTheWaitIsOverIsAnswered202() {
        TestUser user = verifiedUser();
        String street = "3 Slow Brush Lane";
        try (Held drawing = designer().hold(street)) {
            Response answer = api(user.token())
                    .header("Prefer", "wait=1")
                    .body(json(address(street, "japanese_zen")))
                    .post("/api/generations");

            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.header("Preference-Applied")).isNull();
            assertThat(answer.<String>path("status")).isEqualTo("pending");
        }
    }

    @Test
    void theWaitingRequestIsWokenByTheEndOfItsDesign() throws Exception {
        TestUser user = verifiedUser();
        String street = "4 Wake Me Street";
        try (Held drawing = designer().hold(street)) {
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> api(user.token())
                    .header("Prefer", "wait=60")
                    .body(json(address(street, "japanese_zen")))
                    .post("/api/generations"));
            drawing.awaitStarted();
            assertThat(answer).isNotDone();

            drawing.release();

            // answered once the design is done, long before the 60 s the client would wait
            Response finished = answer.get(20, TimeUnit.SECONDS);
            assertThat(finished.statusCode()).isEqualTo(201);
            assertThat(finished.<String>path("status")).isEqualTo("completed");
        }
    }

    @Test
    void aRefinementWaitsForItsEndToo() {
        TestUser user = verifiedUser();
        String first = completedDesign(user, "6 Second Thoughts Road");

        Response answer = api(user.token())
                .header("Prefer", "wait=30")
                .body(json(Map.of("feedback", "more lavender along the path")))
                .post("/api/generations/" + first + "/refinements");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=30");
        assertThat(answer.<String>path("status")).isEqualTo("completed");
        assertThat(answer.<String>path("parent_id")).isEqualTo(first);
    }

    @Test
    void withoutThePreferenceTheAnswerIs202AtOnce() {
        TestUser user = verifiedUser();

        Response answer = api(user.token())
                .header("Prefer", "respond-async")
                .body(json(address("5 Hurried Avenue", "japanese_zen")))
                .post("/api/generations");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.<String>path("status")).isEqualTo("pending");
    }
}
