package com.yarda.designer.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.yarda.designer.gemini.GeminiWire.JSON;
import static com.yarda.designer.gemini.GeminiWire.PATH;
import static com.yarda.designer.gemini.GeminiWire.PLANT_PATH;
import static com.yarda.designer.gemini.GeminiWire.answer;
import static com.yarda.designer.gemini.GeminiWire.image;
import static com.yarda.designer.gemini.GeminiWire.inlineBytes;
import static com.yarda.designer.gemini.GeminiWire.textAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import com.yarda.site.SiteImage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refinement through the Gemini adapter, against a local stub that speaks the generateContent wire format: the
 * parent design is edited, not drawn again.
 */
class GeminiRefinementTest {

    private static final String FEEDBACK = "more lavender along the front path";

    private static WireMockServer gemini;

    private byte[] parent;
    private byte[] drawn;
    private byte[] street;
    private byte[] overhead;

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
    void reset() throws IOException {
        gemini.resetAll();
        parent = image("jpg", 0x112233);
        drawn = image("png", 0x445566);
        street = image("jpg", 0x778899);
        overhead = image("png", 0xaabbcc);
    }

    @Test
    void aRefinementSendsTheParentImageAndTheFencedFeedbackAndNotTheSitesPictures() {
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));
        DesignRequest request = refinement(Style.ENGLISH_GARDEN, Style.ENGLISH_GARDEN, List.of(FEEDBACK));

        Design design = designer().design(request);

        assertThat(design.image()).isEqualTo(drawn);
        JsonNode parts = partsOf(onlyImageRequest());
        assertThat(parts.size()).isEqualTo(3);
        assertThat(parts.path(0).path("text").asString()).contains("current landscape design");
        assertThat(parts.path(1).path("inline_data").path("mime_type").asString())
                .isEqualTo("image/jpeg");
        assertThat(inlineBytes(parts.path(1))).isEqualTo(parent);
        String prompt = parts.path(2).path("text").asString();
        assertThat(prompt)
                .isEqualTo(design.prompt())
                .startsWith("Edit the image above")
                .contains("Keep everything else exactly as it is in the image")
                .contains("The yard is in USDA hardiness zone 5a")
                .doesNotContain("Restyle")
                .endsWith("<<<\n" + FEEDBACK + "\n>>>");
        List<Plant> palette = request.palette();
        for (int i = 0; i < palette.size(); i++) {
            Plant plant = palette.get(i);
            assertThat(prompt).contains((i + 1) + ". " + plant.commonName() + " (" + plant.botanicalName() + ")");
        }
        // the parent image is the design of this site: the street and overhead views are not sent again
        for (JsonNode part : parts) {
            if (part.has("inline_data")) {
                assertThat(inlineBytes(part)).isNotEqualTo(street).isNotEqualTo(overhead);
            }
        }
        assertThat(prompt).doesNotContain("street-level view", "attached picture");
        assertThat(JSON.readTree(onlyImageRequest().getBody())
                        .path("generationConfig")
                        .path("responseModalities")
                        .toString())
                .isEqualTo("[\"TEXT\",\"IMAGE\"]");
    }

    @Test
    void theDesignNotesOnlyThatItWasEditedAndWhatWasAsked() {
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));

        Design design = designer()
                .design(refinement(
                        Style.ENGLISH_GARDEN,
                        Style.ENGLISH_GARDEN,
                        List.of("a bench under the crab apple", "  more lavender\n along the front path ")));

        assertThat(design.notes()).containsExactly("Edited from the previous version: " + FEEDBACK);
    }

    @Test
    void thePlantListIsReadFromTheNewImageWithTheNewPalette() {
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));
        DesignRequest request = refinement(Style.ENGLISH_GARDEN, Style.MEDITERRANEAN, List.of(FEEDBACK));
        List<Plant> palette = request.palette();
        gemini.stubFor(post(urlPathEqualTo(PLANT_PATH))
                .willReturn(okJson(textAnswer("[{\"botanical_name\": \"%s\", \"quantity\": 7}]"
                        .formatted(palette.get(1).botanicalName())))));

        Design design = designer().design(request);

        assertThat(design.plants()).containsExactly(new PlacedPlant(2, palette.get(1), 7));
        List<LoggedRequest> calls = gemini.findAll(postRequestedFor(urlPathEqualTo(PLANT_PATH)));
        assertThat(calls).hasSize(1);
        JsonNode body = JSON.readTree(calls.get(0).getBody());
        assertThat(inlineBytes(body.path("contents").path(0).path("parts").path(0)))
                .isEqualTo(drawn);
        assertThat(body.path("generationConfig")
                        .path("responseSchema")
                        .path("items")
                        .path("properties")
                        .path("botanical_name")
                        .path("enum")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .isEqualTo(palette.stream().map(Plant::botanicalName).toList());
    }

    @Test
    void aRefinementToAnotherStyleAsksForARestyleOnTheSameLayout() {
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));

        Design design =
                designer().design(refinement(Style.ENGLISH_GARDEN, Style.JAPANESE_ZEN, List.of("a quieter garden")));

        String prompt = partsOf(onlyImageRequest()).path(2).path("text").asString();
        assertThat(prompt)
                .isEqualTo(design.prompt())
                .contains("Restyle the garden as Japanese Zen while keeping the layout of the house and hardscape")
                .contains("Style: Japanese Zen.")
                .doesNotContain("Style: English Garden");
    }

    @Test
    void aRefinementOfAPhotoDesignEditsTheParentAndDoesNotSendThePhotoAgain() throws IOException {
        gemini.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(okJson(answer("inlineData", "mimeType", "image/png", drawn))));
        byte[] photo = image("jpg", 0xddeeff);
        DesignRequest request = new DesignRequest(
                UUID.randomUUID(),
                Style.MEDITERRANEAN,
                null,
                new DesignRequest.Photo(photo, "image/jpeg", 64, 48),
                null,
                HardinessZone.of("8b"),
                List.of(),
                new DesignRequest.Refinement(List.of(FEEDBACK), parent, "image/jpeg", Style.MEDITERRANEAN));

        designer().design(request);

        JsonNode parts = partsOf(onlyImageRequest());
        assertThat(parts.size()).isEqualTo(3);
        assertThat(inlineBytes(parts.path(1))).isEqualTo(parent);
        assertThat(parts.path(2).path("text").asString()).doesNotContain("Redesign the yard in the attached photo");
    }

    @Test
    void aRejectedEditFailsAtOnceAndNoPlantListIsAskedFor() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":400,\"message\":\"Unable to process input image.\","
                                + "\"status\":\"INVALID_ARGUMENT\"}}")));

        DesignFailed failed = failure();

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage()).contains("rejected", "HTTP 400 INVALID_ARGUMENT");
        gemini.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        gemini.verify(0, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
    }

    @Test
    void anEditTheServiceCannotMakeNowIsRetriedAndThenFailsAsRetryable() {
        gemini.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
                                + "\"status\":\"UNAVAILABLE\"}}")));

        DesignFailed failed = failure();

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.getMessage()).contains("temporary problem", "HTTP 503");
        gemini.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        gemini.verify(0, postRequestedFor(urlPathEqualTo(PLANT_PATH)));
    }

    @Test
    void aRefusedEditFailsForGood() {
        gemini.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("""
                        {"candidates": [{"content": {"role": "model", "parts": []},
                          "finishReason": "IMAGE_SAFETY", "index": 0}]}
                        """)));

        DesignFailed failed = failure();

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.getMessage()).contains("safety filter", "IMAGE_SAFETY");
    }

    /** An address design of Minneapolis (zone 5a) with its pictures, refined with {@code feedback}. */
    private DesignRequest refinement(Style parentStyle, Style style, List<String> feedback) {
        return new DesignRequest(
                UUID.randomUUID(),
                style,
                "250 Marquette Ave, Minneapolis, MN 55401",
                null,
                null,
                HardinessZone.of("5a"),
                List.of(
                        new SiteImage(SiteImage.View.STREET, street, "image/jpeg", "Imagery: Google"),
                        new SiteImage(SiteImage.View.SATELLITE, overhead, "image/png", "Imagery: USDA NAIP")),
                new DesignRequest.Refinement(feedback, parent, "image/jpeg", parentStyle));
    }

    private DesignFailed failure() {
        DesignFailed failed = catchThrowableOfType(
                DesignFailed.class,
                () -> designer().design(refinement(Style.ENGLISH_GARDEN, Style.ENGLISH_GARDEN, List.of(FEEDBACK))));
        assertThat(failed).as("the design should have failed").isNotNull();
        return failed;
    }

    private static GeminiDesigner designer() {
        return GeminiWire.designer(gemini, Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofSeconds(10));
    }

    private static LoggedRequest onlyImageRequest() {
        List<LoggedRequest> requests = gemini.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static JsonNode partsOf(LoggedRequest request) {
        return JSON.readTree(request.getBody()).path("contents").path(0).path("parts");
    }
}
