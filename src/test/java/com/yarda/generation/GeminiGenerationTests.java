package com.yarda.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.yarda.test.IntegrationTest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole path with {@code yarda.designer.provider=gemini}, against a local server speaking Gemini's API. */
class GeminiGenerationTests extends IntegrationTest {

    private static final String KEY = "gemini-test-key-77";
    private static final String PATH = "/v1beta/models/gemini-2.5-flash-image:generateContent";
    private static final WireMockServer gemini = start();

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void useGemini(DynamicPropertyRegistry registry) {
        registry.add("yarda.designer.provider", () -> "gemini");
        registry.add("yarda.designer.gemini.base-url", () -> "http://127.0.0.1:" + gemini.port());
        registry.add("yarda.designer.gemini.api-key", () -> KEY);
        registry.add("yarda.designer.gemini.backoff", () -> "10ms");
        registry.add("yarda.designer.gemini.max-backoff", () -> "20ms");
        registry.add("yarda.designer.gemini.timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        gemini.stop();
    }

    @Test
    void aPhotoIsSentAsInlineDataAndTheAnsweredImageBecomesTheDesign() {
        TestUser user = verifiedUser();
        byte[] answer = png(96, 64);
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(containing("keep the steps"))
                .willReturn(okJson(answer(answer))));
        String photoUrl = upload(user, photo(640, 480)).path("url");
        byte[] sanitized = api(user.token()).get(photoUrl).asByteArray();

        String id = create(
                        user,
                        Map.of(
                                "input_type", "photo",
                                "input_photo_url", photoUrl,
                                "style", "mediterranean",
                                "custom_prompt", "keep the steps"))
                .path("id");
        Map<String, Object> done = awaitFinished(user, id);

        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(api(user.token()).get("/api/generations/" + id + "/image").asByteArray())
                .isEqualTo(answer);
        gemini.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[?(@.inline_data.mime_type == 'image/jpeg')]"))
                .withRequestBody(containing(Base64.getEncoder().encodeToString(sanitized)))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseModalities[?(@ == 'IMAGE')]")));
    }

    @Test
    void aBlockedPromptFailsWithAClearMessageAndARefund() {
        TestUser user = verifiedUser();
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(containing("13 Blocked Road"))
                .willReturn(okJson("{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}")));

        Map<String, Object> done = awaitFinished(
                user, create(user, address("13 Blocked Road", "japanese_zen")).path("id"));

        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertThat(((String) done.get("error_message")).toLowerCase()).contains("block");
        assertThat((Integer) api(user.token()).get("/api/credits/balance").path("trial_credits"))
                .isEqualTo(3);
        assertLedgerMatchesBalances();
    }

    @Test
    void serverErrorsAreRetriedThenFailWithOneRefund() {
        TestUser user = verifiedUser();
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(containing("500 Error Street"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\","
                                + " \"status\": \"UNAVAILABLE\"}}")));

        Map<String, Object> done = awaitFinished(
                user,
                create(user, address("500 Error Street", "english_garden")).path("id"));

        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("credit_refunded")).isEqualTo(true);
        assertThat((String) done.get("error_message")).doesNotContain(KEY);
        gemini.verify(3, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("500 Error Street")));
        assertLedgerMatchesBalances();
    }

    private static String answer(byte[] image) {
        return """
                {"candidates": [{"content": {"role": "model", "parts": [
                    {"text": "Here is the redesigned yard."},
                    {"inlineData": {"mimeType": "image/png", "data": "%s"}}]},
                  "finishReason": "STOP", "index": 0}]}
                """.formatted(Base64.getEncoder().encodeToString(image));
    }
}
