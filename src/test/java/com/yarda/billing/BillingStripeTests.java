package com.yarda.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.test.IntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Purchases with a Stripe account: Checkout Sessions created through stripe-java against a local server speaking
 * Stripe's API, and webhooks signed with Stripe's scheme ({@code t=…,v1=HMAC-SHA256(secret, t + "." + body)}).
 */
class BillingStripeTests extends IntegrationTest {

    private static final String SECRET_KEY = "sk_test_51YardaBillingTests";
    private static final String WEBHOOK_SECRET = "whsec_yardaBillingTestsSigningSecret";
    private static final String SESSIONS = "/v1/checkout/sessions";
    private static final WireMockServer stripe = start();

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void useStripe(DynamicPropertyRegistry registry) {
        registry.add("yarda.billing.stripe.secret-key", () -> SECRET_KEY);
        registry.add("yarda.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("yarda.billing.stripe.api-base", () -> "http://127.0.0.1:" + stripe.port());
        registry.add("yarda.billing.stripe.timeout", () -> "5s");
        // nothing here waits for designs: this instance only accepts them
        registry.add("yarda.worker.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        stripe.stop();
    }

    @Autowired
    Credits credits;

    private String sessionId;

    @BeforeEach
    void stubStripe() {
        stripe.resetAll();
        sessionId = "cs_test_a1" + UUID.randomUUID().toString().replace("-", "");
        stripe.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(checkoutSession(sessionId))));
    }

    @Test
    void startingAPurchaseCreatesACheckoutSessionForThePack() {
        TestUser user = verifiedUser();

        Response started = buy(user, "pack_50");

        started.then()
                .statusCode(201)
                .body("checkout_url", equalTo("https://checkout.stripe.com/c/pay/" + sessionId))
                .body("status", equalTo("pending"));
        String purchaseId = started.path("id");
        assertThat(started.header("Location")).isEqualTo("/api/purchases/" + purchaseId);

        List<LoggedRequest> requests = stripe.findAll(postRequestedFor(urlPathEqualTo(SESSIONS)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(request.getHeader("Idempotency-Key")).contains(purchaseId);
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form)
                .containsEntry("mode", "payment")
                .containsEntry("client_reference_id", purchaseId)
                .containsEntry("metadata[purchase_id]", purchaseId)
                .containsEntry("metadata[user_id]", user.id().toString())
                .containsEntry("metadata[pack_id]", "pack_50")
                .containsEntry("customer_email", user.email())
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "4500")
                .containsEntry("line_items[0][price_data][product_data][name]", "Yarda: 50 tokens")
                .containsEntry("success_url", PUBLIC_URL + "/billing/success?purchase=" + purchaseId)
                .containsEntry("cancel_url", PUBLIC_URL + "/billing/cancel?purchase=" + purchaseId);

        api(user.token())
                .get("/api/purchases")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(purchaseId))
                .body("items[0].pack_id", equalTo("pack_50"))
                .body("items[0].tokens", equalTo(50))
                .body("items[0].amount_cents", equalTo(4500))
                .body("items[0].currency", equalTo("usd"))
                .body("items[0].status", equalTo("pending"))
                .body("items[0].created_at", notNullValue())
                .body("items[0].completed_at", nullValue());
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        // with a Stripe account there is no free way out
        browserForm()
                .formParam("token", "anything")
                .post("/billing/test-checkout/" + purchaseId)
                .then()
                .statusCode(404);
    }

    @Test
    void whenStripeRefusesTheSessionThePurchaseFailsWith502AndNobodyPays() {
        TestUser user = verifiedUser();
        stripe.resetAll();
        stripe.stubFor(post(urlPathEqualTo(SESSIONS))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"type": "invalid_request_error", "code": "parameter_invalid_integer",
                                           "message": "Invalid integer: unit_amount"}}
                                """)));

        buy(user, "pack_10")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("error", equalTo("payment_provider_unavailable"));

        api(user.token())
                .get("/api/purchases")
                .then()
                .body("items[0].status", equalTo("failed"))
                .body("items[0].completed_at", notNullValue());
    }

    @Test
    void aPaidSessionGrantsThePacksTokensExactlyOnce() {
        TestUser user = verifiedUser();
        String purchaseId = buy(user, "pack_10").path("id");
        String completed = event("checkout.session.completed", purchaseId, "paid");

        deliver(completed).then().statusCode(200).body("received", equalTo(true));
        deliver(completed).then().statusCode(200);
        // the same session reported paid again under another event id changes nothing either
        deliver(event("checkout.session.async_payment_succeeded", purchaseId, "paid"))
                .then()
                .statusCode(200);

        api(user.token())
                .get("/api/credits/balance")
                .then()
                .body("trial_credits", equalTo(3))
                .body("token_balance", equalTo(10))
                .body("total_available", equalTo(13));
        api(user.token())
                .get("/api/purchases/" + purchaseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("paid"))
                .body("completed_at", notNullValue());
        api(user.token())
                .get("/api/credits/transactions")
                .then()
                .body("items[0].kind", equalTo("purchase"))
                .body("items[0].credit_type", equalTo("token"))
                .body("items[0].amount", equalTo(10))
                .body("items[0].balance_after", equalTo(10))
                .body("items[0].purchase_id", equalTo(purchaseId));
        assertThat(purchaseEntries(user)).isEqualTo(1);
        assertLedgerMatchesBalances();
    }

    @Test
    void tenConcurrentDeliveriesOfOneEventGrantTheTokensOnce() throws Exception {
        TestUser user = verifiedUser();
        String purchaseId = buy(user, "pack_100").path("id");
        String completed = event("checkout.session.completed", purchaseId, "paid");

        List<Response> responses = race(10, () -> deliver(completed));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(100));
        assertThat(purchaseEntries(user)).isEqualTo(1);
        assertLedgerMatchesBalances();
    }

    @Test
    void tenConcurrentDifferentEventsPayingOneSessionGrantTheTokensOnce() throws Exception {
        TestUser user = verifiedUser();
        String purchaseId = buy(user, "pack_50").path("id");

        List<Response> responses = race(
                10,
                i -> () -> deliver(event(
                        i % 2 == 0 ? "checkout.session.completed" : "checkout.session.async_payment_succeeded",
                        purchaseId,
                        "paid")));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(50));
        assertThat(purchaseEntries(user)).isEqualTo(1);
        assertLedgerMatchesBalances();
    }

    @Test
    void onlyCorrectlySignedFreshUntamperedEventsCount() {
        TestUser user = verifiedUser();
        String purchaseId = buy(user, "pack_10").path("id");
        String body = event("checkout.session.completed", purchaseId, "paid");
        long now = clock.instant().getEpochSecond();
        String tampered = body.replace("\"amount_total\":1000", "\"amount_total\":1");
        assertThat(tampered).isNotEqualTo(body);

        List<Response> refused = List.of(
                deliver(body, signature(body, "whsec_someoneElsesSecret", now)),
                deliver(tampered, signature(body, now)),
                deliver(body, "t=" + now + ",v0=" + hmac(body, WEBHOOK_SECRET, now)),
                deliver(body, "garbage"),
                RestAssured.given().contentType("application/json").body(body).post("/api/webhooks/stripe"));
        for (Response response : refused) {
            response.then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("error", equalTo("invalid_signature"));
        }

        String signedNow = signature(body, clock.instant().getEpochSecond());
        clock.advance(Duration.ofSeconds(301));
        deliver(body, signedNow).then().statusCode(400).body("error", equalTo("invalid_signature"));

        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        api(user.token()).get("/api/purchases/" + purchaseId).then().body("status", equalTo("pending"));

        // within the tolerance the same event is accepted
        String signedRecently = signature(body, clock.instant().getEpochSecond());
        clock.advance(Duration.ofSeconds(290));
        deliver(body, signedRecently).then().statusCode(200);
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(10));
    }

    @Test
    void aFailedAsyncPaymentAndAnExpiredSessionGrantNothing() {
        TestUser user = verifiedUser();
        String failing = buy(user, "pack_50").path("id");
        String bankDebit = sessionId;
        stubStripe();
        String abandoned = buy(user, "pack_10").path("id");
        String abandonedSession = sessionId;

        // a bank debit: completed but not yet paid, then failed; a late success report changes nothing
        deliver(event("checkout.session.completed", failing, bankDebit, "unpaid"))
                .then()
                .statusCode(200);
        api(user.token()).get("/api/purchases/" + failing).then().body("status", equalTo("pending"));
        deliver(event("checkout.session.async_payment_failed", failing, bankDebit, "unpaid"))
                .then()
                .statusCode(200);
        deliver(event("checkout.session.async_payment_succeeded", failing, bankDebit, "paid"))
                .then()
                .statusCode(200);
        deliver(event("checkout.session.expired", abandoned, abandonedSession, "unpaid"))
                .then()
                .statusCode(200);

        api(user.token()).get("/api/purchases/" + failing).then().body("status", equalTo("failed"));
        api(user.token()).get("/api/purchases/" + abandoned).then().body("status", equalTo("expired"));
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(0));
        assertThat(purchaseEntries(user)).isZero();
        assertLedgerMatchesBalances();
    }

    @Test
    void eventsOfOtherTypesOrAboutOtherSessionsAreAcknowledgedAndIgnored() {
        String unknownType = json(Map.of(
                "id",
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "object",
                "event",
                "api_version",
                Stripe.API_VERSION,
                "type",
                "payment_intent.created",
                "data",
                Map.of("object", Map.of("id", "pi_123", "object", "payment_intent"))));
        deliver(unknownType).then().statusCode(200).body("received", equalTo(true));

        String notOurs = event("checkout.session.completed", UUID.randomUUID().toString(), "paid");
        deliver(notOurs).then().statusCode(200);
        assertLedgerMatchesBalances();
    }

    @Test
    void aUserWithoutCreditsCanDesignAgainAfterPaying() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TRIAL, -3);
        Map<String, String> design =
                Map.of("input_type", "address", "input_address", "7 Paid Up Avenue", "style", "english_garden");
        api(user.token())
                .body(json(design))
                .post("/api/generations")
                .then()
                .statusCode(402)
                .body("error", equalTo("insufficient_credits"));

        String purchaseId = buy(user, "pack_10").path("id");
        deliver(event("checkout.session.completed", purchaseId, "paid")).then().statusCode(200);

        api(user.token())
                .body(json(design))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .body("credit_type", equalTo("token"));
        api(user.token()).get("/api/credits/balance").then().body("token_balance", equalTo(9));
        assertLedgerMatchesBalances();
    }

    @Test
    void anUnknownPackIs422AndNothingIsCreated() {
        TestUser user = verifiedUser();

        buy(user, "pack_7")
                .then()
                .statusCode(422)
                .body("error", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("pack_id"));

        stripe.verify(0, postRequestedFor(urlPathEqualTo(SESSIONS)));
        api(user.token()).get("/api/purchases").then().body("total", equalTo(0));
    }

    @Test
    void anUnverifiedUserCannotStartAPurchaseAndNoCheckoutSessionIsOpened() {
        String email = newEmail();
        String token = registerAndLogin(email);

        api(token)
                .body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("error", equalTo("email_not_verified"));

        stripe.verify(0, postRequestedFor(urlPathEqualTo(SESSIONS)));
        api(token).get("/api/purchases").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void purchasesBeyondTheHourlyLimitAre429AndOpenNoCheckoutSession() {
        TestUser user = verifiedUser();
        for (int i = 0; i < 10; i++) {
            newCheckoutSession();
            buy(user, "pack_10").then().statusCode(201);
            clock.advance(Duration.ofMinutes(1));
        }

        // the first purchase leaves the hour 60 - 10 = 50 minutes from now
        Response refused = buy(user, "pack_10");

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("error", equalTo("rate_limited"))
                .body("retry_after", equalTo(50 * 60))
                .body("limit", equalTo(10))
                .body("remaining", equalTo(0));
        assertThat(refused.header("Retry-After")).isEqualTo(Integer.toString(50 * 60));
        stripe.verify(10, postRequestedFor(urlPathEqualTo(SESSIONS)));
        api(user.token()).get("/api/purchases").then().body("total", equalTo(10));
        // another user is not affected
        newCheckoutSession();
        buy(verifiedUser(), "pack_10").then().statusCode(201);

        clock.advance(Duration.ofMinutes(50));
        newCheckoutSession();
        buy(user, "pack_10").then().statusCode(201);
        api(user.token()).get("/api/purchases").then().body("total", equalTo(11));
    }

    // --- helpers

    /** The next Checkout Session Stripe opens is a new one (one purchase per session: a unique stripe_session_id). */
    private void newCheckoutSession() {
        sessionId = "cs_test_a1" + UUID.randomUUID().toString().replace("-", "");
        stripe.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(checkoutSession(sessionId))));
    }

    private Response buy(TestUser user, String packId) {
        return api(user.token()).body(json(Map.of("pack_id", packId))).post("/api/purchases");
    }

    private String event(String type, String purchaseId, String paymentStatus) {
        return event(type, purchaseId, sessionId, paymentStatus);
    }

    /** An event as Stripe sends it, around a Checkout Session as Stripe renders it. */
    private static String event(String type, String purchaseId, String session, String paymentStatus) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", session);
        object.put("object", "checkout.session");
        object.put("amount_subtotal", 1000);
        object.put("amount_total", 1000);
        object.put("client_reference_id", purchaseId);
        object.put("currency", "usd");
        object.put("livemode", false);
        object.put("metadata", Map.of("purchase_id", purchaseId, "pack_id", "pack_10"));
        object.put("mode", "payment");
        object.put("payment_status", paymentStatus);
        object.put("status", type.endsWith("expired") ? "expired" : "complete");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", 1_760_000_000);
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        return json(event);
    }

    private Response deliver(String body) {
        return deliver(body, signature(body, clock.instant().getEpochSecond()));
    }

    private static Response deliver(String body, String signature) {
        return RestAssured.given()
                .contentType("application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .body(body)
                .post("/api/webhooks/stripe");
    }

    private static String signature(String body, long timestamp) {
        return signature(body, WEBHOOK_SECRET, timestamp);
    }

    private static String signature(String body, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmac(body, secret, timestamp);
    }

    private static String hmac(String body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long purchaseEntries(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = :user AND kind = 'purchase'")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /** Stripe's answer to creating a Checkout Session (API version of stripe-java), trimmed of unused nulls. */
    private static String checkoutSession(String id) {
        return """
                {
                  "id": "%1$s",
                  "object": "checkout.session",
                  "after_expiration": null,
                  "allow_promotion_codes": null,
                  "amount_subtotal": 4500,
                  "amount_total": 4500,
                  "automatic_tax": {"enabled": false, "liability": null, "status": null},
                  "billing_address_collection": null,
                  "cancel_url": "http://yarda.test/billing/cancel",
                  "client_reference_id": null,
                  "created": 1760000000,
                  "currency": "usd",
                  "customer": null,
                  "customer_creation": "if_required",
                  "customer_email": "buyer@example.com",
                  "expires_at": 1760086400,
                  "livemode": false,
                  "locale": null,
                  "metadata": {},
                  "mode": "payment",
                  "payment_intent": null,
                  "payment_method_types": ["card"],
                  "payment_status": "unpaid",
                  "status": "open",
                  "submit_type": null,
                  "subscription": null,
                  "success_url": "http://yarda.test/billing/success",
                  "ui_mode": "hosted",
                  "url": "https://checkout.stripe.com/c/pay/%1$s"
                }
                """.formatted(id);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static List<Response> race(int count, Callable<Response> call) throws Exception {
        return race(count, i -> call);
    }
}
