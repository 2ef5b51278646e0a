package com.yarda.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yarda.designer.DesignFailed;
import com.yarda.test.ScriptedDesigner;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries of generations' ends to a local receiver: signed, with the generation as the API shows it, retried with
 * the same webhook-id until the receiver answers 2xx, and written in the transaction that ends the generation.
 */
class WebhookDeliveryTests extends WebhookIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCompletedDesignIsPostedSignedWithTheGenerationAsTheApiShowsIt() throws Exception {
        TestUser user = verifiedUser();
        Added webhook = addWebhook(user, receiverUrl("/hook"));

        String id = completedDesign(user, "1 Webhook Way, Springfield");

        LoggedRequest request = awaitReceived("/hook", 1).stream()
                .filter(r -> r.getBodyAsString().contains(id))
                .findFirst()
                .orElseThrow();
        assertSigned(request, webhook.secret());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        Map<String, Object> body = JSON.readValue(request.getBodyAsString(), Map.class);
        Map<String, Object> generation = JSON.readValue(
                api(user.token())
                        .get("/api/generations/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Map.class);
        assertThat(body)
                .containsOnlyKeys("type", "timestamp", "data")
                .containsEntry("type", "generation.completed")
                .containsEntry("timestamp", generation.get("completed_at"))
                .containsEntry("data", generation);
        Map<String, Object> delivery = awaitDelivery(user, webhook, d -> "delivered".equals(d.get("status")));
        assertThat(delivery)
                .containsEntry("event_type", "generation.completed")
                .containsEntry("generation_id", id)
                .containsEntry("attempts", 1)
                .containsEntry("last_status_code", 204)
                .containsEntry("message_id", request.getHeader("webhook-id"))
                .containsEntry("next_attempt_at", null);
        assertThat(Long.parseLong(request.getHeader("webhook-timestamp")))
                .isCloseTo(clock.instant().getEpochSecond(), Offset.offset(30L));
    }

    @Test
    void aFailedDesignIsSentAsGenerationFailedOnlyToTheEndpointsThatAskedForIt() throws Exception {
        TestUser user = verifiedUser();
        String address = "2 Broken Brush Lane, Springfield";
        designer().script(address, (request, real) -> {
            throw new DesignFailed("The designer could not draw this yard.", false);
        });
        Added failures = addWebhook(user, receiverUrl("/hook?failures"), List.of("generation.failed"));
        Added completions = addWebhook(user, receiverUrl("/hook?completions"), List.of("generation.completed"));

        String id = acceptAddress(user, address, "japanese_zen");

        assertThat(awaitFinished(user, id)).containsEntry("status", "failed");
        LoggedRequest request = awaitReceived("/hook?failures", 1).getFirst();
        assertSigned(request, failures.secret());
        Map<String, Object> body = JSON.readValue(request.getBodyAsString(), Map.class);
        assertThat(body).containsEntry("type", "generation.failed");
        assertThat((Map<String, Object>) body.get("data"))
                .containsEntry("id", id)
                .containsEntry("status", "failed")
                .containsEntry("credit_refunded", true);
        assertThat(deliveries(user, completions)).isEmpty();
        assertThat(received("/hook?completions")).isEmpty();
    }

    @Test
    void aReceiverThatIsDownGetsTheDeliveryOnceItIsUpWithinTenSecondsOfTheFailure() throws Exception {
        TestUser user = verifiedUser();
        int port = freePort();
        Added webhook = addWebhook(user, "http://127.0.0.1:" + port + "/late");

        String id = completedDesign(user, "3 Downtime Drive, Springfield");

        Map<String, Object> failed =
                awaitDelivery(user, webhook, d -> ((Integer) d.get("attempts")) == 1 && d.get("last_error") != null);
        Instant failedAt = clock.instant();
        assertThat(failed).containsEntry("status", "pending").containsEntry("last_status_code", null);
        Instant retryAt = Instant.parse((String) failed.get("next_attempt_at"));
        assertThat(Duration.between(failedAt, retryAt)).isLessThanOrEqualTo(Duration.ofSeconds(10));

        WireMockServer late =
                new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        late.start();
        try {
            late.stubFor(post("/late").willReturn(aResponse().withStatus(200)));
            clock.advance(Duration.ofSeconds(10));
            dispatcher.wake();

            Map<String, Object> delivered = awaitDelivery(user, webhook, d -> "delivered".equals(d.get("status")));
            assertThat(delivered).containsEntry("attempts", 2).containsEntry("last_status_code", 200);
            LoggedRequest request = late.getAllServeEvents().getFirst().getRequest();
            assertThat(late.getAllServeEvents()).hasSize(1);
            assertThat(request.getBodyAsString()).contains(id);
            assertThat(request.getHeader("webhook-id")).isEqualTo(delivered.get("message_id"));
            assertSigned(request, webhook.secret());
        } finally {
            late.stop();
        }
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheFourthAttemptWithTheSameIdAndBody() throws Exception {
        TestUser user = verifiedUser();
        for (int i = 0; i < 3; i++) {
            receiver.stubFor(post("/flaky")
                    .inScenario("flaky")
                    .whenScenarioStateIs(i == 0 ? STARTED : "failed " + i)
                    .willReturn(aResponse().withStatus(500))
                    .willSetStateTo("failed " + (i + 1)));
        }
        receiver.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("failed 3")
                .willReturn(aResponse().withStatus(200)));
        Added webhook = addWebhook(user, receiverUrl("/flaky"));

        completedDesign(user, "4 Flaky Fork, Springfield");

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            int made = attempt;
            Map<String, Object> failed = awaitDelivery(user, webhook, d -> ((Integer) d.get("attempts")) == made);
            Instant failedAt = clock.instant();
            assertThat(failed)
                    .containsEntry("status", "pending")
                    .containsEntry("last_status_code", 500)
                    .containsEntry("last_error", "answered 500");
            Instant retryAt = Instant.parse((String) failed.get("next_attempt_at"));
            waits.add(Duration.between(failedAt, retryAt));
            if (attempt > 1) {
                // not before it is due: nothing is claimed, nothing sent
                assertThat(dispatcher.claimForFreeSlots()).isZero();
                assertThat(received("/flaky")).hasSize(attempt);
            }
            clock.advance(Duration.between(clock.instant(), retryAt).plusMillis(1));
            dispatcher.wake();
        }

        Map<String, Object> delivered = awaitDelivery(user, webhook, d -> "delivered".equals(d.get("status")));
        assertThat(delivered).containsEntry("attempts", 4).containsEntry("last_status_code", 200);
        List<LoggedRequest> requests = received("/flaky");
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(r -> r.getHeader("webhook-id")).containsOnly((String)
                delivered.get("message_id"));
        assertThat(requests)
                .extracting(LoggedRequest::getBodyAsString)
                .containsOnly(requests.getFirst().getBodyAsString());
        for (LoggedRequest request : requests) {
            assertSigned(request, webhook.secret());
        }
        // each attempt is signed at its own time
        assertThat(requests).extracting(r -> r.getHeader("webhook-timestamp")).doesNotHaveDuplicates();
        assertThat(waits.getFirst()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(waits.get(2)).isGreaterThan(waits.get(1));
    }

    @Test
    void anEndThatRollsBackLeavesNoDeliveryAndTheEndThatCommitsHasItsOwn() {
        TestUser user = verifiedUser();
        Added webhook = addWebhook(user, receiverUrl("/hook?rollback"));
        String address = "5 Rollback Row, Springfield";
        ScriptedDesigner.Held held = designer().hold(address);
        try (held) {
            String id = acceptAddress(user, address, "mediterranean");
            held.awaitStarted();
            // the completion's transaction writes its delivery, then fails at its commit; the worker then ends the
            // generation failed, in a transaction of its own, which commits
            endRollbacks.arm(UUID.fromString(id));
            held.release();

            assertThat(awaitFinished(user, id)).containsEntry("status", "failed");
            List<Map<String, Object>> rows =
                    jdbc.sql("""
                            SELECT event_type FROM webhook_deliveries WHERE generation_id = :id
                            """).param("id", UUID.fromString(id)).query().listOfRows();
            assertThat(rows).containsExactly(Map.of("event_type", "generation.failed"));
            Map<String, Object> body =
                    JSON.readValue(awaitReceived("/hook?rollback", 1).getFirst().getBodyAsString(), Map.class);
            assertThat(body).containsEntry("type", "generation.failed");
            assertThat(deliveries(user, webhook))
                    .singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("event_type", "generation.failed"));
        }
    }

    @Test
    void deletingADesignDeletesItsDeliveriesAndDeletingTheAccountItsWebhooks() {
        TestUser user = verifiedUser();
        Added webhook = addWebhook(user, receiverUrl("/hook?deleted"));
        String first = completedDesign(user, "6 Forget Me Street, Springfield");
        String second = completedDesign(user, "7 Forget Me Street, Springfield");
        awaitReceived("/hook?deleted", 2);
        awaitDelivery(user, webhook, d -> "delivered".equals(d.get("status")));

        api(user.token()).delete("/api/generations/" + first).then().statusCode(204);

        assertThat(deliveries(user, webhook))
                .extracting(d -> d.get("generation_id"))
                .containsExactly(second);

        api(user.token())
                .body(json(Map.of("password", "correct horse")))
                .delete("/api/auth/me")
                .then()
                .statusCode(204);

        assertThat(jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE user_id = :user")
                        .param("user", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :id")
                        .param("id", UUID.fromString(webhook.id()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeliveryThatNeverSucceedsIsGivenUpAfterTheLastRetryAndMoreThanADay() {
        TestUser user = verifiedUser();
        receiver.stubFor(post("/never").willReturn(aResponse().withStatus(503)));
        Added webhook = addWebhook(user, receiverUrl("/never"));
        Instant start = clock.instant();

        completedDesign(user, "8 Never Lane, Springfield");

        for (int attempt = 1; attempt <= 8; attempt++) {
            int made = attempt;
            Map<String, Object> row = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> deliveryRows(webhook),
                            rows -> !rows.isEmpty()
                                    && ((Integer) rows.getFirst().get("attempts")) == made
                                    && rows.getFirst().get("last_status_code") != null)
                    .getFirst();
            if (attempt < 8) {
                assertThat(row).containsEntry("status", "pending");
                Instant retryAt = ((Timestamp) row.get("next_attempt_at")).toInstant();
                clock.advance(Duration.between(clock.instant(), retryAt).plusMillis(1));
                dispatcher.wake();
            } else {
                assertThat(row).containsEntry("status", "failed");
            }
        }
        assertThat(Duration.between(start, clock.instant())).isGreaterThan(Duration.ofHours(24));
        assertThat(received("/never")).hasSize(8);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :id AND body IS NOT NULL")
                        .param("id", UUID.fromString(webhook.id()))
                        .query(Long.class)
                        .single())
                .as("the body (it names the address) is dropped once the delivery is settled")
                .isZero();
    }
}
