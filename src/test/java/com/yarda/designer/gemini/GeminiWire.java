package com.yarda.designer.gemini;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.yarda.designer.DesignerProperties;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Gemini adapter's tests' side of the generateContent wire format: settings, answers, pictures. */
final class GeminiWire {

    static final String KEY = "test-key-3f9a1c";
    static final String MODEL = "gemini-2.5-flash-image";
    static final String PATH = "/v1beta/models/" + MODEL + ":generateContent";
    static final String PLANT_MODEL = "gemini-2.5-flash";
    static final String PLANT_PATH = "/v1beta/models/" + PLANT_MODEL + ":generateContent";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private GeminiWire() {}

    /** A designer that calls {@code gemini}, retrying quickly (5 ms backoff, at most 20 ms). */
    static GeminiDesigner designer(
            WireMockServer gemini, Duration timeout, Duration plantTimeout, int maxRetries, Duration budget) {
        return GeminiDesigner.create(
                RestClient.builder(),
                settings(URI.create(gemini.baseUrl()), timeout, plantTimeout, maxRetries, budget),
                Clock.systemUTC());
    }

    static DesignerProperties.Gemini settings(
            URI baseUrl, Duration timeout, Duration plantTimeout, int maxRetries, Duration budget) {
        return new DesignerProperties.Gemini(
                baseUrl,
                KEY,
                MODEL,
                PLANT_MODEL,
                timeout,
                plantTimeout,
                maxRetries,
                budget,
                Duration.ofMillis(5),
                Duration.ofMillis(20));
    }

    static byte[] inlineBytes(JsonNode part) {
        return Base64.getDecoder().decode(part.path("inline_data").path("data").asString());
    }

    /** A generateContent answer of a text model: its text is the JSON (or whatever else) it was asked for. */
    static String textAnswer(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", text);
        candidate.put("finishReason", "STOP").put("index", 0);
        return JSON.writeValueAsString(root);
    }

    /** A generateContent answer with a text part and an image part, in the given field spelling. */
    static String answer(String inlineField, String mimeField, String mimeType, byte[] image) {
        return """
                {"candidates": [{"content": {"role": "model", "parts": [
                    {"text": "Here is your garden."},
                    {"%s": {"%s": "%s", "data": "%s"}}]},
                  "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": 412, "candidatesTokenCount": 1290}}
                """.formatted(
                        inlineField, mimeField, mimeType, Base64.getEncoder().encodeToString(image));
    }

    /** A small image in {@code format}, one pixel set to {@code rgb} so that images can be told apart. */
    static byte[] image(String format, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static byte[] image(String format) throws IOException {
        return image(format, 0x336699);
    }
}
