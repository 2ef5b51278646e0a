package com.yarda.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yarda.YardaApplication;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.TestDatabase;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * More than one instance on one database: each event is delivered by one of them, and a delivery whose instance is
 * killed (SIGKILL, a real kill -9 of a second JVM) mid-delivery is delivered by another once its lease has run out,
 * with the same webhook-id.
 */
class WebhookClusterTests extends WebhookIntegrationTest {

    @Autowired
    Credits credits;

    @Autowired
    Environment environment;

    @Test
    void twoInstancesDeliverEveryEventOnceBetweenThem() throws Exception {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TOKEN, 37);
        receiver.stubFor(post("/cluster").willReturn(aResponse().withStatus(204).withFixedDelay(50)));
        Added webhook = addWebhook(user, receiverUrl("/cluster"));

        // the second instance reads the tests' clock too, so that what is due for one is due for the other
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(YardaApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("sharedClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)))
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.worker.poll-interval=50ms",
                        "--yarda.webhooks.allow-private-urls=true",
                        "--yarda.webhooks.poll-interval=20ms",
                        "--yarda.mail.poll-interval=1h")) {
            assertThat(second.getBean(Clock.class)).isSameAs(clock);

            List<Response> accepted =
                    race(40, 8, i -> () -> create(user, address(i + " Cluster Hook Court", "modern_minimalist")));
            assertThat(accepted).extracting(Response::statusCode).containsOnly(202);

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> delivered(webhook), count -> count == 40);
        }

        List<LoggedRequest> requests = received("/cluster");
        assertThat(requests).hasSize(40);
        assertThat(requests).extracting(r -> r.getHeader("webhook-id")).doesNotHaveDuplicates();
        Map<String, Object> summary = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE attempts <> 1) AS attempted_more_than_once,
                               count(*) FILTER (WHERE locked_by IS NOT NULL) AS still_claimed,
                               count(DISTINCT delivered_by) AS instances
                          FROM webhook_deliveries WHERE endpoint_id = :endpoint
                        """)
                .param("endpoint", UUID.fromString(webhook.id()))
                .query()
                .singleRow();
        assertThat(summary)
                .containsEntry("attempted_more_than_once", 0L)
                .containsEntry("still_claimed", 0L)
                .containsEntry("instances", 2L);
        // every generation that ended has its delivery, written with its end
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM generations g
                         WHERE g.user_id = :user AND g.status IN ('completed', 'failed')
                           AND (SELECT count(*) FROM webhook_deliveries d WHERE d.generation_id = g.id) <> 1
                        """).param("user", user.id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void aDeliveryWhoseInstanceIsKilledMidDeliveryIsDeliveredByAnotherWithTheSameId() throws Exception {
        TestUser user = verifiedUser();
        receiver.stubFor(post("/crash")
                .inScenario("crash")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("held"));
        // the second attempt is held by the receiver while its instance is killed
        receiver.stubFor(post("/crash")
                .inScenario("crash")
                .whenScenarioStateIs("held")
                .willReturn(aResponse().withStatus(200).withFixedDelay(20_000))
                .willSetStateTo("up"));
        receiver.stubFor(post("/crash")
                .inScenario("crash")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        Added webhook = addWebhook(user, receiverUrl("/crash"));
        completedDesign(user, "9 Sudden Stop, Springfield");
        awaitDelivery(user, webhook, d -> ((Integer) d.get("attempts")) == 1 && d.get("last_status_code") != null);
        UUID delivery =
                UUID.fromString((String) deliveries(user, webhook).getFirst().get("id"));
        // kept from this instance until the other one is up (its clock is the real one, ours runs ahead)
        jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = 'infinity' WHERE id = :id")
                .param("id", delivery)
                .update();

        Path log = Files.createTempFile("webhook-instance", ".log");
        Process other = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        YardaApplication.class.getName(),
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.worker.enabled=false",
                        "--yarda.mail.poll-interval=1h",
                        "--yarda.webhooks.allow-private-urls=true",
                        "--yarda.webhooks.poll-interval=100ms",
                        "--yarda.webhooks.lease=30s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !other.isAlive() || Files.readString(log).contains("Started YardaApplication"));
            assertThat(other.isAlive())
                    .as("the other instance started; its log: %s", log)
                    .isTrue();

            jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = :id")
                    .param("id", delivery)
                    .update();
            awaitReceived("/crash", 2);
            Map<String, Object> claimed = jdbc.sql(
                            "SELECT locked_by, locked_until, attempts FROM webhook_deliveries WHERE id = :id")
                    .param("id", delivery)
                    .query()
                    .singleRow();
            assertThat(claimed.get("locked_by")).isNotNull().isNotEqualTo(dispatcher.workerId());
            assertThat(claimed).containsEntry("attempts", 2);

            other.destroyForcibly().waitFor(); // SIGKILL, mid-delivery
        } finally {
            other.destroyForcibly();
        }

        Instant leaseEnds = ((Timestamp) jdbc.sql("SELECT locked_until FROM webhook_deliveries WHERE id = :id")
                        .param("id", delivery)
                        .query()
                        .singleValue())
                .toInstant();
        if (clock.instant().isBefore(leaseEnds)) {
            // while the dead instance's lease lasts, nobody sends it again
            assertThat(dispatcher.claimForFreeSlots()).isZero();
            clock.advance(Duration.between(clock.instant(), leaseEnds).plusSeconds(1));
        }
        dispatcher.wake();

        Map<String, Object> delivered = awaitDelivery(user, webhook, d -> "delivered".equals(d.get("status")));
        assertThat(delivered).containsEntry("attempts", 3).containsEntry("last_status_code", 200);
        List<LoggedRequest> requests = awaitReceived("/crash", 3);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader("webhook-id")).containsOnly((String)
                delivered.get("message_id"));
        for (LoggedRequest request : requests) {
            assertSigned(request, webhook.secret());
        }
        assertThat(jdbc.sql("SELECT delivered_by FROM webhook_deliveries WHERE id = :id")
                        .param("id", delivery)
                        .query(String.class)
                        .single())
                .isEqualTo(dispatcher.workerId());
    }

    private long delivered(Added webhook) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :id AND status = 'delivered'")
                .param("id", UUID.fromString(webhook.id()))
                .query(Long.class)
                .single();
    }
}
