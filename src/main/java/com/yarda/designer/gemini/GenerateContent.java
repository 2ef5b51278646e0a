package com.yarda.designer.gemini;

import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's {@code generateContent} wire format: the request body Yarda sends, the image or the reason for none
 * read out of a 200 answer, and the error of any other answer.
 *
 * <p>JSON is written and read here with a private mapper in Google's own field names: the application's
 * snake_case naming strategy is for Yarda's API and must not leak into Google's.
 */
final class GenerateContent {

    // one log category for everything the Gemini adapter has to say
    private static final Logger log = LoggerFactory.getLogger(GeminiDesigner.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Candidate finish reasons that mean the model refused: trying again with the same input will not help. */
    private static final Set<String> REFUSALS = Set.of(
            "SAFETY",
            "IMAGE_SAFETY",
            "PROHIBITED_CONTENT",
            "IMAGE_PROHIBITED_CONTENT",
            "BLOCKLIST",
            "SPII",
            "RECITATION",
            "IMAGE_RECITATION");

    private GenerateContent() {}

    /** The body of a request for {@code prompt}, with the photo inline when there is one. */
    static byte[] request(String prompt, DesignRequest.@Nullable Photo photo) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = root.putArray("contents").addObject().putArray("parts");
        parts.addObject().put("text", prompt);
        if (photo != null) {
            parts.addObject()
                    .putObject("inline_data")
                    .put("mime_type", photo.contentType())
                    .put("data", Base64.getEncoder().encodeToString(photo.bytes()));
        }
        ArrayNode modalities = root.putObject("generationConfig").putArray("responseModalities");
        modalities.add("TEXT");
        modalities.add("IMAGE");
        return JSON.writeValueAsBytes(root);
    }

    /**
     * The {@code error} object of an answer other than 200; empty texts when the body has none.
     *
     * @param status Google's status name, e.g. {@code RESOURCE_EXHAUSTED}
     * @param message Google's explanation, which can echo request details
     */
    record ApiError(String status, String message) {}

    static ApiError error(byte[] body) {
        JsonNode error = parse(body).path("error");
        return new ApiError(
                error.path("status").asString(""), error.path("message").asString(""));
    }

    /** Reads the image out of a 200 answer, or says why there is none. */
    static Design answer(byte[] body, String prompt) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new DesignFailed("The design service sent an answer that could not be read. Please try again.", true);
        }
        JsonNode feedback = field(root, "promptFeedback", "prompt_feedback");
        String blockReason = field(feedback, "blockReason", "block_reason").asString("");
        if (!blockReason.isEmpty() && !blockReason.equals("BLOCK_REASON_UNSPECIFIED")) {
            log.info("Gemini blocked a prompt: blockReason {}", blockReason);
            throw new DesignFailed(
                    "The design service's safety filter blocked this request (" + blockReason
                            + "). Try a different photo or different instructions.",
                    false);
        }
        JsonNode candidate = root.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode inline = field(part, "inlineData", "inline_data");
            String data = inline.path("data").asString("");
            if (!data.isEmpty()) {
                String declared = field(inline, "mimeType", "mime_type").asString("");
                return image(data, declared, prompt);
            }
            text.append(part.path("text").asString(""));
        }
        String finishReason = field(candidate, "finishReason", "finish_reason").asString("");
        if (REFUSALS.contains(finishReason)) {
            log.info("Gemini refused to draw: finishReason {}", finishReason);
            boolean copying = finishReason.endsWith("RECITATION");
            throw new DesignFailed(
                    copying
                            ? "The design service declined because the result resembled existing material ("
                                    + finishReason + "). Try different instructions."
                            : "The design service's safety filter declined to draw this design (" + finishReason
                                    + "). Try a different photo or different instructions.",
                    false);
        }
        log.warn(
                "Gemini answered without an image (finishReason {}): {}",
                finishReason.isEmpty() ? "none" : finishReason,
                shorten(text.toString(), 300));
        throw new DesignFailed(
                "The design service answered without an image"
                        + (finishReason.isEmpty() ? "" : " (" + finishReason + ")")
                        + ". Please try again.",
                true);
    }

    private static Design image(String base64, String declared, String prompt) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DesignFailed(
                    "The design service sent an image that could not be read. Please try again.", true, e);
        }
        // trust the bytes over the label: the stored content type must match what browsers will decode
        String contentType = sniff(bytes);
        if (contentType == null) {
            log.warn("Gemini sent an image Yarda cannot store (declared {}, {} bytes)", declared, bytes.length);
            throw new DesignFailed(
                    "The design service sent an image in a format Yarda cannot show. Please try again.", true);
        }
        return new Design(bytes, contentType, prompt);
    }

    static @Nullable String sniff(byte[] bytes) {
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length > 12
                && bytes[0] == 'R'
                && bytes[1] == 'I'
                && bytes[2] == 'F'
                && bytes[3] == 'F'
                && bytes[8] == 'W'
                && bytes[9] == 'E'
                && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            log.warn("Gemini sent a body that is not JSON: {}", shorten(new String(body, StandardCharsets.UTF_8), 200));
            return JSON.missingNode();
        }
    }

    /** Google answers in camelCase; the snake_case spelling is accepted too, as its docs show both. */
    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.path(camel);
        return value.isMissingNode() ? node.path(snake) : value;
    }

    static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
