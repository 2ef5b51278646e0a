package com.yarda.designer.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.DesignerProperties;
import com.yarda.designer.Style;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Gemini adapter against a local stub that speaks the generateContent wire format. */
class GeminiDesignerTest {

    private static final String KEY = "test-key-3f9a1c";
    private static final String MODEL = "gemini-2.5-flash-image";
    private static final String PATH = "/v1beta/models/" + MODEL + ":generateContent";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WireMockServer gemini;

    @BeforeAll
    static void start() {
        gemini = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        gemini.start();
    }

    @AfterAll
    static void stop() {
        gemini.stop();
    }

    @BeforeEach
    void reset() {
        gemini.resetAll();
    }

    @Test
    void drawsAPlanFromAnAddress() throws IOException {
        byte[] png = image("png");
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", png))));

        Design design =
                designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(address("12 Oak Street, Portland"));

        assertThat(design.image()).isEqualTo(png);
        assertThat(design.contentType()).isEqualTo("image/png");
        assertThat(design.prompt()).contains("12 Oak Street, Portland");
        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo(PATH);
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.getBody());
        JsonNode parts = body.path("contents").path(0).path("parts");
        assertThat(parts.size()).isEqualTo(1);
        assertThat(parts.path(0).path("text").asString())
                .contains("12 Oak Street, Portland")
                .isEqualTo(design.prompt());
        assertThat(body.path("generationConfig").path("responseModalities").toString())
                .isEqualTo("[\"TEXT\",\"IMAGE\"]");
    }

    @Test
    void sendsThePhotoInlineAndAcceptsSnakeCaseAnswers() throws IOException {
        byte[] photo = image("jpg");
        byte[] drawn = image("jpg");
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inline_data", "mime_type", "image/jpeg", drawn))));

        DesignRequest request = new DesignRequest(
                UUID.randomUUID(),
                Style.JAPANESE_ZEN,
                null,
                new DesignRequest.Photo(photo, "image/jpeg", 64, 48),
                "keep the old maple");
        Design design =
                designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(request);

        assertThat(design.image()).isEqualTo(drawn);
        assertThat(design.contentType()).isEqualTo("image/jpeg");
        JsonNode parts =
                JSON.readTree(onlyRequest().getBody()).path("contents").path(0).path("parts");
        assertThat(parts.path(0).path("text").asString())
                .contains("Redesign the yard in the attached photo", "keep the old maple");
        JsonNode inline = parts.path(1).path("inline_data");
        assertThat(inline.path("mime_type").asString()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(inline.path("data").asString())).isEqualTo(photo);
    }

    @Test
    void aBadRequestFailsAtOnceWithGooglesReasonAndNeverTheKey() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"code": 400,
                                  "message": "API key not valid: %s. Please pass a valid API key.",
                                  "status": "INVALID_ARGUMENT"}}
                                """.formatted(KEY))));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage())
                .contains("rejected", "HTTP 400 INVALID_ARGUMENT", "API key not valid")
                .doesNotContain(KEY);
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void retriesAServerErrorAndThenSucceeds() throws IOException {
        byte[] png = image("png");
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("{\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}"))
                .willSetStateTo("recovered"));
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", png))));

        Design design =
                designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(address("1 Main St, Austin"));

        assertThat(design.image()).isEqualTo(png);
        gemini.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void tooManyRequestsIsRetriedWithACappedRetryAfterUntilTheRetriesRunOut() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody("{\"error\":{\"code\":429,\"message\":\"Resource exhausted\","
                                + "\"status\":\"RESOURCE_EXHAUSTED\"}}")));

        long started = System.nanoTime();
        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("busy");
        gemini.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        // Retry-After: 30 was capped at max-backoff (20 ms in these tests)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSlowAnswerTimesOutAsRetryable() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", new byte[] {1}))
                        .withFixedDelay(2_000)));

        DesignFailed failed = failure(designer(Duration.ofMillis(250), 0, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("did not answer within 250 ms");
    }

    @Test
    void stopsRetryingWhenTheBudgetIsSpent() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(503).withFixedDelay(150)));

        long started = System.nanoTime();
        DesignFailed failed = failure(designer(Duration.ofMillis(400), 10, Duration.ofMillis(1000)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("temporary problem", "HTTP 503");
        // a try starts only if it could still time out within the budget: no try starts after 600 ms, so at
        // most four 150 ms answers fit, far fewer than the ten retries allowed
        assertThat(gemini.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSizeBetween(1, 4);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void anUnreachableServiceIsRetryable() {
        GeminiDesigner designer = GeminiDesigner.create(
                RestClient.builder(),
                settings(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1), 1, Duration.ofSeconds(5)),
                Clock.systemUTC());

        DesignFailed failed =
                catchThrowableOfType(DesignFailed.class, () -> designer.design(address("9 Elm Rd, Reno")));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("could not be reached");
    }

    @Test
    void aBodyThatIsNotJsonFails() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Gateway says hello</body></html>")));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("could not be read");
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anAnswerWithoutAnImageFails() {
        gemini.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
                        {"candidates": [{"content": {"role": "model",
                            "parts": [{"text": "I can describe a garden for you instead."}]},
                          "finishReason": "STOP", "index": 0}]}
                        """)));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("without an image", "STOP");
    }

    @Test
    void aBlockedPromptFailsForGood() {
        gemini.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
                        {"promptFeedback": {"blockReason": "SAFETY",
                           "safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}]}}
                        """)));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage()).contains("blocked", "SAFETY");
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRefusedImageFailsForGood() {
        gemini.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
                        {"candidates": [{"content": {"role": "model", "parts": []},
                          "finishReason": "IMAGE_SAFETY", "index": 0}]}
                        """)));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage()).contains("safety filter", "IMAGE_SAFETY");
    }

    @Test
    void anImageInAFormatBrowsersCannotShowFails() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", "not an image".getBytes()))));

        DesignFailed failed = failure(designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("format");
    }

    private static GeminiDesigner designer(Duration timeout, int maxRetries, Duration budget) {
        return GeminiDesigner.create(
                RestClient.builder(),
                settings(URI.create(gemini.baseUrl()), timeout, maxRetries, budget),
                Clock.systemUTC());
    }

    private static DesignerProperties.Gemini settings(URI baseUrl, Duration timeout, int maxRetries, Duration budget) {
        return new DesignerProperties.Gemini(
                baseUrl, KEY, MODEL, timeout, maxRetries, budget, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static DesignFailed failure(GeminiDesigner designer) {
        DesignFailed failed =
                catchThrowableOfType(DesignFailed.class, () -> designer.design(address("500 Pine Ave, Boulder")));
        assertThat(failed).as("the design should have failed").isNotNull();
        return failed;
    }

    private static DesignRequest address(String address) {
        return new DesignRequest(UUID.randomUUID(), Style.MEDITERRANEAN, address, null, null);
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = gemini.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** A generateContent answer with a text part and an image part, in the given field spelling. */
    private static String answer(String inlineField, String mimeField, String mimeType, byte[] image) {
        return """
                {"candidates": [{"content": {"role": "model", "parts": [
                    {"text": "Here is your garden."},
                    {"%s": {"%s": "%s", "data": "%s"}}]},
                  "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 412, "candidatesTokenCount": 1290}}
                """.formatted(
                        inlineField, mimeField, mimeType, Base64.getEncoder().encodeToString(image));
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
