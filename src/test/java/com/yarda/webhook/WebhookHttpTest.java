package com.yarda.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.yarda.webhook.WebhookHttp.AddressNotAllowed;
import com.yarda.webhook.WebhookHttp.HostLookup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery client against a local receiver: it connects to the address it checked and to no other, follows no
 * redirect, and gives up after its timeout.
 */
class WebhookHttpTest {

    private static final byte[] BODY = "{\"type\":\"generation.completed\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of("webhook-id", "msg_1");

    static WireMockServer receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    }

    @Test
    void itConnectsToTheAddressItResolvedAndCheckedSendingTheUrlsHostName() throws IOException {
        // the name exists only in this lookup: the request can only have gone to the address the lookup gave
        List<String> lookedUp = new ArrayList<>();
        HostLookup dns = host -> {
            lookedUp.add(host);
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        try (WebhookHttp http = new WebhookHttp(dns, true, Duration.ofSeconds(5), 4)) {
            int status = http.post(URI.create("http://receiver.invalid:" + receiver.port() + "/hook"), HEADERS, BODY);

            assertThat(status).isEqualTo(204);
        }
        assertThat(lookedUp).containsExactly("receiver.invalid");
        receiver.verify(postRequestedFor(urlEqualTo("/hook"))
                .withHeader("Host", equalTo("receiver.invalid:" + receiver.port()))
                .withHeader("webhook-id", equalTo("msg_1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8")));
    }

    @Test
    void aNameThatResolvesToLoopbackAtDeliveryIsRefusedUnsentThoughItWasPublicWhenAdded() throws IOException {
        // DNS rebinding: public when the url was checked, loopback a moment later
        AtomicInteger lookups = new AtomicInteger();
        HostLookup rebinding = host ->
                new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1")
                };
        WebhookUrls.check("https://rebind.invalid/hook", rebinding, false);
        URI url = URI.create("http://rebind.invalid:" + receiver.port() + "/hook");

        try (WebhookHttp http = new WebhookHttp(rebinding, false, Duration.ofSeconds(5), 4)) {
            assertThatThrownBy(() -> http.post(url, HEADERS, BODY))
                    .isInstanceOf(AddressNotAllowed.class)
                    .hasMessageContaining("127.0.0.1");
        }
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIpLiteralOfThisHostIsRefusedWithoutConnecting() throws IOException {
        try (WebhookHttp http = new WebhookHttp(HostLookup.SYSTEM, false, Duration.ofSeconds(5), 4)) {
            for (String host : List.of("127.0.0.1", "localhost", "[::ffff:127.0.0.1]")) {
                URI url = URI.create("http://" + host + ":" + receiver.port() + "/hook");
                assertThatThrownBy(() -> http.post(url, HEADERS, BODY))
                        .as(host)
                        .isInstanceOf(UnknownHostException.class);
            }
        }
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws IOException {
        receiver.stubFor(post("/moved").willReturn(aResponse().withStatus(307).withHeader("Location", "/hook")));

        try (WebhookHttp http = new WebhookHttp(HostLookup.SYSTEM, true, Duration.ofSeconds(5), 4)) {
            assertThat(http.post(URI.create(receiver.baseUrl() + "/moved"), HEADERS, BODY))
                    .isEqualTo(307);
        }
        receiver.verify(0, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aReceiverThatDoesNotAnswerWithinTheTimeoutFailsTheAttempt() throws IOException {
        receiver.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));

        try (WebhookHttp http = new WebhookHttp(HostLookup.SYSTEM, true, Duration.ofMillis(500), 4)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.post(URI.create(receiver.baseUrl() + "/slow"), HEADERS, BODY))
                    .isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
