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
import com.yarda.designer.Palette;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The whole path with {@code yarda.designer.provider=gemini}, against a local server speaking Gemini's API. */
class GeminiGenerationTests extends IntegrationTest {

    private static final String KEY = "gemini-test-key-77";
    private static final String PATH = "/v1beta/models/gemini-2.5-flash-image:generateContent";
    /** The plant-list call's text model, {@code plant-model} by default. */
    private static final String PLANT_PATH = "/v1beta/models/gemini-2.5-flash:generateContent";

    private static final WireMockServer gemini = start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void anAddressDesignSendsItsZoneAndPicturesAndGetsThePlantsThePlantModelListsWithQuantities() throws IOException {
        TestUser user = verifiedUser();
        String address = "300 Nicollet Mall, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "300 NICOLLET MALL, MINNEAPOLIS, MN, 55401", 44.9778, -93.2710, "55401");
        byte[] overhead = aerial();
        SiteServices.naipServes(overhead);
        byte[] drawn = png(100, 70);
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(containing("300 Nicollet Mall"))
                .willReturn(okJson(answer(drawn))));
        List<Plant> palette = Palette.of(Style.ENGLISH_GARDEN, HardinessZone.of("5a"));
        gemini.stubFor(post(urlPathEqualTo(PLANT_PATH))
                .withRequestBody(containing(Base64.getEncoder().encodeToString(drawn)))
                .willReturn(okJson(textAnswer("""
                        [{"botanical_name": "%s", "quantity": 5},
                         {"botanical_name": "Quercus robur", "quantity": 1},
                         {"botanical_name": "%s", "quantity": 2}]
                        """.formatted(
                                palette.get(2).botanicalName(), palette.get(0).botanicalName())))));

        Map<String, Object> done = awaitFinished(
                user, create(user, address(address, "english_garden")).path("id"));

        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(plants(done))
                .containsExactly(
                        List.of(1, palette.get(0).botanicalName(), 2),
                        List.of(3, palette.get(2).botanicalName(), 5));
        assertThat((List<?>) done.get("materials")).hasSameSizeAs(Style.ENGLISH_GARDEN.materials());
        gemini.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(containing("300 Nicollet Mall"))
                .withRequestBody(containing("The yard is in USDA hardiness zone 5a"))
                .withRequestBody(containing(palette.get(0).botanicalName()))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[?(@.inline_data.mime_type == 'image/jpeg')]"))
                .withRequestBody(containing(Base64.getEncoder().encodeToString(overhead))));
        gemini.verify(
                1,
                postRequestedFor(urlPathEqualTo(PLANT_PATH))
                        .withRequestBody(containing(Base64.getEncoder().encodeToString(drawn)))
                        .withRequestBody(
                                matchingJsonPath("$.generationConfig[?(@.responseMimeType == 'application/json')]"))
                        .withRequestBody(
                                matchingJsonPath("$.generationConfig.responseSchema.items.properties.quantity")));
    }

    @Test
    void aPlantListThatFailsLeavesThePaletteWithoutQuantitiesAndTheDesignCompletes() {
        TestUser user = verifiedUser();
        byte[] drawn = png(104, 72);
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(containing("41 Unlisted Lane"))
                .willReturn(okJson(answer(drawn))));
        gemini.stubFor(
                post(urlPathEqualTo(PLANT_PATH))
                        .withRequestBody(containing(Base64.getEncoder().encodeToString(drawn)))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"code\": 500, \"message\": \"Internal error\", \"status\": \"INTERNAL\"}}")));

        Map<String, Object> done = awaitFinished(
                user,
                create(user, address("41 Unlisted Lane, Portland, OR 97201", "mediterranean"))
                        .path("id"));

        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("credit_refunded")).isEqualTo(false);
        assertThat(api(user.token())
                        .get("/api/generations/" + done.get("id") + "/image")
                        .asByteArray())
                .isEqualTo(drawn);
        List<Plant> palette = Palette.of(Style.MEDITERRANEAN, HardinessZone.of("8b"));
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < palette.size(); i++) {
            expected.add(Arrays.asList(i + 1, palette.get(i).botanicalName(), null));
        }
        assertThat(plants(done)).isEqualTo(expected);
        gemini.verify(
                1,
                postRequestedFor(urlPathEqualTo(PLANT_PATH))
                        .withRequestBody(containing(Base64.getEncoder().encodeToString(drawn))));
        assertLedgerMatchesBalances();
    }

    /** Each plant of a generation as {@code [number, botanical_name, quantity]}. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> plants(Map<String, Object> generation) {
        return ((List<Map<String, Object>>) generation.get("plants"))
                .stream()
                        .map(plant ->
                                Arrays.asList(plant.get("number"), plant.get("botanical_name"), plant.get("quantity")))
                        .toList();
    }

    /** A generateContent answer of a text model whose text is {@code text}. */
    private static String textAnswer(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", text);
        candidate.put("finishReason", "STOP");
        return JSON.writeValueAsString(root);
    }

    /** Something like an aerial picture: a roof, a lawn, a road. */
    private static byte[] aerial() throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(80, 126, 60));
        g.fillRect(0, 0, 128, 128);
        g.setColor(new Color(130, 112, 100));
        g.fillRect(36, 28, 54, 44);
        g.setColor(new Color(58, 58, 60));
        g.fillRect(0, 104, 128, 18);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
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
