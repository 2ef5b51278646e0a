package com.yarda.designer.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.yarda.designer.gemini.GeminiWire.JSON;
import static com.yarda.designer.gemini.GeminiWire.KEY;
import static com.yarda.designer.gemini.GeminiWire.PATH;
import static com.yarda.designer.gemini.GeminiWire.PLANT_PATH;
import static com.yarda.designer.gemini.GeminiWire.answer;
import static com.yarda.designer.gemini.GeminiWire.image;
import static com.yarda.designer.gemini.GeminiWire.inlineBytes;
import static com.yarda.designer.gemini.GeminiWire.textAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.DesignerProperties;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import com.yarda.site.SiteImage;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The Gemini adapter against a local stub that speaks the generateContent wire format. */
class GeminiDesignerTest {

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
        // no image, nothing to list
        gemini.verify(0, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
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

    @Test
    void anAddressDesignSendsTheZoneThePaletteAndThePicturesOfTheSiteStreetFirst() throws IOException {
        byte[] street = image("jpg");
        byte[] overhead = image("png");
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))));
        DesignRequest request = new DesignRequest(
                UUID.randomUUID(),
                Style.ENGLISH_GARDEN,
                "250 Marquette Ave, Minneapolis, MN 55401",
                null,
                "a bench under the crab apple",
                HardinessZone.of("5a"),
                List.of(
                        new SiteImage(SiteImage.View.SATELLITE, overhead, "image/png", "Imagery: USDA NAIP"),
                        new SiteImage(SiteImage.View.STREET, street, "image/jpeg", "Imagery: Google")));

        Design design =
                designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(request);

        JsonNode parts =
                JSON.readTree(onlyRequest().getBody()).path("contents").path(0).path("parts");
        assertThat(parts.size()).isEqualTo(5);
        String prompt = parts.path(0).path("text").asString();
        assertThat(prompt)
                .isEqualTo(design.prompt())
                .contains("The yard is in USDA hardiness zone 5a")
                .contains("a street-level view of the house and an overhead view of the lot")
                .contains("must keep the house, the driveway, fences, paths and other fixed structures")
                .endsWith("a bench under the crab apple\n>>>");
        List<Plant> palette = request.palette();
        for (int i = 0; i < palette.size(); i++) {
            Plant plant = palette.get(i);
            assertThat(prompt).contains((i + 1) + ". " + plant.commonName() + " (" + plant.botanicalName() + ")");
        }
        assertThat(parts.path(1).path("text").asString()).contains("seen from the street");
        assertThat(parts.path(2).path("inline_data").path("mime_type").asString())
                .isEqualTo("image/jpeg");
        assertThat(inlineBytes(parts.path(2))).isEqualTo(street);
        assertThat(parts.path(3).path("text").asString()).contains("seen from directly above");
        assertThat(parts.path(4).path("inline_data").path("mime_type").asString())
                .isEqualTo("image/png");
        assertThat(inlineBytes(parts.path(4))).isEqualTo(overhead);
    }

    @Test
    void aPhotoDesignSendsThePhotoAndNotThePicturesOfWhereItIs() throws IOException {
        byte[] photo = image("jpg");
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))));
        DesignRequest request = new DesignRequest(
                UUID.randomUUID(),
                Style.MEDITERRANEAN,
                "1 Harbor Way, Portland, OR 97201",
                new DesignRequest.Photo(photo, "image/jpeg", 64, 48),
                null,
                HardinessZone.of("8b"),
                List.of(new SiteImage(SiteImage.View.SATELLITE, image("png"), "image/png", "Imagery: USDA NAIP")));

        designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(request);

        JsonNode parts =
                JSON.readTree(onlyRequest().getBody()).path("contents").path(0).path("parts");
        assertThat(parts.size()).isEqualTo(2);
        assertThat(parts.path(0).path("text").asString())
                .contains("Redesign the yard in the attached photo", "The yard is in USDA hardiness zone 8b")
                .doesNotContain("top-down");
        assertThat(inlineBytes(parts.path(1))).isEqualTo(photo);
    }

    @Test
    void theFinishedImageGoesToThePlantModelWithThePaletteAndAResponseSchema() throws IOException {
        byte[] drawn = image("png");
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));
        gemini.stubFor(post(urlPathEqualTo(PLANT_PATH)).willReturn(okJson(textAnswer("[]"))));
        DesignRequest request = zoned(Style.MEDITERRANEAN, "8b");

        designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(request);

        List<LoggedRequest> calls = gemini.findAll(postRequestedFor(urlPathEqualTo(PLANT_PATH)));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("x-goog-api-key")).isEqualTo(KEY);
        JsonNode body = JSON.readTree(calls.get(0).getBody());
        JsonNode parts = body.path("contents").path(0).path("parts");
        assertThat(parts.path(0).path("inline_data").path("mime_type").asString())
                .isEqualTo("image/png");
        assertThat(inlineBytes(parts.path(0))).isEqualTo(drawn);
        List<Plant> palette = request.palette();
        String instruction = parts.path(1).path("text").asString();
        for (int i = 0; i < palette.size(); i++) {
            assertThat(instruction)
                    .contains((i + 1) + ". " + palette.get(i).commonName() + " ("
                            + palette.get(i).botanicalName() + ")");
        }
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
        assertThat(config.has("responseModalities")).isFalse();
        JsonNode schema = config.path("responseSchema");
        assertThat(schema.path("type").asString()).isEqualTo("ARRAY");
        JsonNode item = schema.path("items");
        assertThat(item.path("type").asString()).isEqualTo("OBJECT");
        assertThat(item.path("properties").path("botanical_name").path("type").asString())
                .isEqualTo("STRING");
        assertThat(item.path("properties")
                        .path("botanical_name")
                        .path("enum")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .isEqualTo(palette.stream().map(Plant::botanicalName).toList());
        assertThat(item.path("properties").path("quantity").path("type").asString())
                .isEqualTo("INTEGER");
        assertThat(item.path("required").toString()).isEqualTo("[\"botanical_name\",\"quantity\"]");
    }

    @Test
    void theListedPlantsComeBackWithTheirQuantitiesNumberedAsInThePalette() throws IOException {
        DesignRequest request = zoned(Style.MEDITERRANEAN, "8b");
        List<Plant> palette = request.palette();
        String listed = """
                [{"botanical_name": "%s", "quantity": 4},
                 {"botanical_name": "%s", "quantity": 1}]
                """.formatted(
                palette.get(2).botanicalName(), palette.get(0).botanicalName().toUpperCase(Locale.ROOT));

        Design design = designWithPlantList(request, okJson(textAnswer(listed)));

        assertThat(design.plants())
                .containsExactly(new PlacedPlant(1, palette.get(0), 1), new PlacedPlant(3, palette.get(2), 4));
        assertThat(design.materials()).isEqualTo(Style.MEDITERRANEAN.materials());
    }

    @Test
    void aPlantThatIsNotInThePaletteIsLeftOut() throws IOException {
        DesignRequest request = zoned(Style.JAPANESE_ZEN, "7a");
        List<Plant> palette = request.palette();
        String listed =
                """
                [{"botanical_name": "Quercus robur", "quantity": 2},
                 {"botanical_name": "%s", "quantity": 3},
                 {"botanical_name": "%s", "quantity": 9}]
                """.formatted(palette.get(1).botanicalName(), palette.get(1).botanicalName());

        Design design = designWithPlantList(request, okJson(textAnswer(listed)));

        // the second entry of the same plant is left out, not added: it may be the same group counted twice
        assertThat(design.plants()).containsExactly(new PlacedPlant(2, palette.get(1), 3));
    }

    @Test
    void aQuantityThatIsNotAWholeNumberOfAtLeastOneLeavesItsPlantOut() throws IOException {
        DesignRequest request = zoned(Style.ENGLISH_GARDEN, "6b");
        List<Plant> palette = request.palette();
        String listed = """
                [{"botanical_name": "%s", "quantity": "three"},
                 {"botanical_name": "%s", "quantity": 2.5},
                 {"botanical_name": "%s", "quantity": 0},
                 {"botanical_name": "%s"},
                 {"botanical_name": "%s", "quantity": 2}]
                """.formatted(
                        palette.get(0).botanicalName(),
                        palette.get(1).botanicalName(),
                        palette.get(2).botanicalName(),
                        palette.get(3).botanicalName(),
                        palette.get(4).botanicalName());

        Design design = designWithPlantList(request, okJson(textAnswer(listed)));

        assertThat(design.plants()).containsExactly(new PlacedPlant(5, palette.get(4), 2));
    }

    @Test
    void anAnswerOfTheWrongShapeLeavesThePlantsUnknown() throws IOException {
        DesignRequest request = zoned(Style.MEDITERRANEAN, "8b");
        String names = "[\"%s\", \"%s\"]"
                .formatted(
                        request.palette().get(0).botanicalName(),
                        request.palette().get(1).botanicalName());

        Design design = designWithPlantList(request, okJson(textAnswer(names)));

        assertThat(design.image()).isEqualTo(image("png"));
        assertThat(design.plants()).isEmpty();
        assertThat(design.materials()).isEqualTo(Style.MEDITERRANEAN.materials());
    }

    @Test
    void anAnswerWithoutJsonLeavesThePlantsUnknown() throws IOException {
        Design design = designWithPlantList(
                zoned(Style.MEDITERRANEAN, "8b"),
                okJson(textAnswer("I can see two olive trees and a lot of lavender.")));

        assertThat(design.image()).isEqualTo(image("png"));
        assertThat(design.plants()).isEmpty();
    }

    @Test
    void aPlantListThatFailsNeverFailsTheDesignAndIsTriedOnce() throws IOException {
        Design design = designWithPlantList(
                zoned(Style.DESERT_LANDSCAPE, "9b"),
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}"));

        assertThat(design.image()).isEqualTo(image("png"));
        assertThat(design.plants()).isEmpty();
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aPlantModelThatDoesNotExistLeavesThePlantsUnknown() throws IOException {
        // no stub for the plant model: WireMock answers 404, as Google does for an unknown model
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))));

        Design design =
                designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(zoned(Style.TROPICAL_RESORT, "10b"));

        assertThat(design.plants()).isEmpty();
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
    }

    @Test
    void aSlowPlantListIsGivenUpAfterItsOwnShortTimeout() throws IOException {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))));
        gemini.stubFor(post(urlPathEqualTo(PLANT_PATH))
                .willReturn(okJson(textAnswer("[]")).withFixedDelay(3_000)));

        long started = System.nanoTime();
        Design design = designer(Duration.ofSeconds(5), Duration.ofMillis(300), 2, Duration.ofSeconds(20))
                .design(zoned(Style.MEDITERRANEAN, "8b"));

        assertThat(design.plants()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
    }

    @Test
    void thePlantListIsNotAskedForWhenTheBudgetIsAlmostSpent() throws IOException {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))
                        .withFixedDelay(600)));

        // 1.5 s budget: after a 0.6 s image, less than the shortest plant-list call (1 s) is left
        Design design = designer(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ofMillis(1_500))
                .design(zoned(Style.MEDITERRANEAN, "8b"));

        assertThat(design.image()).isEqualTo(image("png"));
        assertThat(design.plants()).isEmpty();
        gemini.verify(0, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
    }

    private static GeminiDesigner designer(Duration timeout, int maxRetries, Duration budget) {
        return designer(timeout, Duration.ofSeconds(2), maxRetries, budget);
    }

    private static GeminiDesigner designer(Duration timeout, Duration plantTimeout, int maxRetries, Duration budget) {
        return GeminiWire.designer(gemini, timeout, plantTimeout, maxRetries, budget);
    }

    private static DesignerProperties.Gemini settings(URI baseUrl, Duration timeout, int maxRetries, Duration budget) {
        return GeminiWire.settings(baseUrl, timeout, Duration.ofSeconds(2), maxRetries, budget);
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

    private static DesignRequest zoned(Style style, String zone) {
        return new DesignRequest(
                UUID.randomUUID(), style, "12 Oak Street, Portland", null, null, HardinessZone.of(zone), List.of());
    }

    /** A design whose image the image model draws and whose plant list the plant model answers with {@code list}. */
    private static Design designWithPlantList(DesignRequest request, ResponseDefinitionBuilder list)
            throws IOException {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(answer("inlineData", "mimeType", "image/png", image("png")))));
        gemini.stubFor(post(urlPathEqualTo(PLANT_PATH)).willReturn(list));
        return designer(Duration.ofSeconds(2), 2, Duration.ofSeconds(10)).design(request);
    }
}
