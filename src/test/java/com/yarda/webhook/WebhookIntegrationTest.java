package com.yarda.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.yarda.generation.GenerationEnded;
import com.yarda.generation.GenerationStatus;
import com.yarda.test.IntegrationTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The application with deliveries to a local receiver ({@code allow-private-urls}, as in development), retries
 * driven by the test clock (the poll interval is an hour: a retry is sent when a test wakes the dispatcher), and a
 * way to make the transaction that ends a generation roll back at its commit.
 */
@TestPropertySource(
        properties = {
            "yarda.webhooks.allow-private-urls=true",
            "yarda.webhooks.poll-interval=1h",
            "yarda.webhooks.lease=30s",
            "yarda.rate-limit.max-requests=1000"
        })
@Import(WebhookIntegrationTest.Faults.class)
abstract class WebhookIntegrationTest extends IntegrationTest {

    static WireMockServer receiver;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    EndRollbacks endRollbacks;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {
        @Bean
        EndRollbacks endRollbacks() {
            return new EndRollbacks();
        }
    }

    /**
     * Fails the commit of the transaction that ends an armed generation as completed, after every listener of
     * {@link GenerationEnded} wrote what it writes: the end is rolled back with all of it.
     */
    static class EndRollbacks {

        private final Set<UUID> armed = ConcurrentHashMap.newKeySet();

        void arm(UUID generationId) {
            armed.add(generationId);
        }

        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        void rollBack(GenerationEnded ended) {
            if (ended.status() == GenerationStatus.COMPLETED && armed.remove(ended.generationId())) {
                throw new IllegalStateException("the test rolls back the end of generation " + ended.generationId());
            }
        }
    }

    /** An endpoint of {@code user} for {@code url}: its id and secret. */
    record Added(String id, String secret) {}

    static Added addWebhook(TestUser user, String url, List<String> events) {
        ExtractableResponse<Response> added = api(user.token())
                .body(json(events.isEmpty() ? Map.of("url", url) : Map.of("url", url, "events", events)))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract();
        return new Added(added.path("id"), added.path("secret"));
    }

    static Added addWebhook(TestUser user, String url) {
        return addWebhook(user, url, List.of());
    }

    /** The url of the receiver at {@code path}. */
    static String receiverUrl(String path) {
        return receiver.baseUrl() + path;
    }

    /** The deliveries of an endpoint, as the API lists them. */
    static List<Map<String, Object>> deliveries(TestUser user, Added webhook) {
        return api(user.token())
                .get("/api/webhooks/" + webhook.id() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    /**
     * The deliveries of an endpoint as the database has them, newest first, in the API's fields (for a test whose
     * clock runs past the life of an access token).
     */
    List<Map<String, Object>> deliveryRows(Added webhook) {
        return jdbc.sql("""
                        SELECT status, attempts, last_status_code, next_attempt_at
                          FROM webhook_deliveries WHERE endpoint_id = :id ORDER BY created_at DESC
                        """).param("id", UUID.fromString(webhook.id())).query().listOfRows();
    }

    /** Waits (at most 30 s) until the newest delivery of the endpoint satisfies {@code condition}; it. */
    static Map<String, Object> awaitDelivery(TestUser user, Added webhook, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(user, webhook), list -> !list.isEmpty() && condition.test(list.getFirst()))
                .getFirst();
    }

    /** What the receiver got at {@code path}, oldest first. */
    static List<LoggedRequest> received(String path) {
        return receiver.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().equals(path))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .toList();
    }

    static List<LoggedRequest> awaitReceived(String path, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> received(path), requests -> requests.size() >= count);
    }

    /**
     * The request carries a Standard Webhooks signature that the reference library computes for its id, timestamp
     * and body with {@code secret} (its {@code verify} would also check the timestamp against the real clock, which
     * the tests' clock runs ahead of).
     */
    static void assertSigned(LoggedRequest request, String secret) throws Exception {
        String id = request.getHeader("webhook-id");
        long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
        String expected = new Webhook(secret).sign(id, timestamp, request.getBodyAsString());
        assertThat(request.getHeader("webhook-signature")).isEqualTo(expected);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
