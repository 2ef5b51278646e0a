package com.yarda.designer.gemini;

import com.yarda.designer.DesignFailed;
import com.yarda.storage.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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
 * Google's {@code generateContent} wire format: the bodies Yarda sends (the design or edit request to the image model,
 * the plant-list request to a text model), the image or the reason for none and the text of a 200 answer, and the
 * error of any other answer.
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

    /**
     * A picture sent with a prompt.
     *
     * @param caption the words sent just before it, saying what it shows; null when the prompt itself names it
     */
    record Picture(@Nullable String caption, byte[] bytes, String contentType) {}

    /** An image read out of an answer, its content type taken from its bytes. */
    record Image(byte[] bytes, String contentType) {}

    /** The body of a request for an image from {@code prompt}, with the pictures inline after it, in order. */
    static byte[] request(String prompt, List<Picture> pictures) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = root.putArray("contents").addObject().putArray("parts");
        parts.addObject().put("text", prompt);
        for (Picture picture : pictures) {
            if (picture.caption() != null) {
                parts.addObject().put("text", picture.caption());
            }
            inline(parts, picture.bytes(), picture.contentType());
        }
        return imageWanted(root);
    }

    /**
     * The body of a request to edit an image: the words saying what {@code current} is, the image inline, then the
     * instruction, so that the instruction reads as being about the image before it.
     */
    static byte[] edit(Picture current, String instruction) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = root.putArray("contents").addObject().putArray("parts");
        if (current.caption() != null) {
            parts.addObject().put("text", current.caption());
        }
        inline(parts, current.bytes(), current.contentType());
        parts.addObject().put("text", instruction);
        return imageWanted(root);
    }

    private static byte[] imageWanted(ObjectNode root) {
        ArrayNode modalities = root.putObject("generationConfig").putArray("responseModalities");
        modalities.add("TEXT");
        modalities.add("IMAGE");
        return JSON.writeValueAsBytes(root);
    }

    /**
     * The body of a request to a text model for the plants {@code image} shows: the image, then the instruction,
     * and a JSON answer asked for, an array of {@code {botanical_name, quantity}} whose names can only be the
     * palette's (structured output: {@code responseMimeType} and {@code responseSchema}, an OpenAPI subset with
     * upper-case type names).
     */
    static byte[] plantListRequest(String instruction, Image image, List<String> botanicalNames) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = root.putArray("contents").addObject().putArray("parts");
        inline(parts, image.bytes(), image.contentType());
        parts.addObject().put("text", instruction);
        ObjectNode config = root.putObject("generationConfig");
        config.put("responseMimeType", "application/json");
        ObjectNode item =
                config.putObject("responseSchema").put("type", "ARRAY").putObject("items");
        item.put("type", "OBJECT");
        ObjectNode properties = item.putObject("properties");
        ObjectNode name = properties.putObject("botanical_name").put("type", "STRING");
        name.put("format", "enum");
        ArrayNode names = name.putArray("enum");
        botanicalNames.forEach(names::add);
        properties
                .putObject("quantity")
                .put("type", "INTEGER")
                .put("description", "how many plants of this kind the image shows, at least 1");
        item.putArray("required").add("botanical_name").add("quantity");
        item.putArray("propertyOrdering").add("botanical_name").add("quantity");
        return JSON.writeValueAsBytes(root);
    }

    private static void inline(ArrayNode parts, byte[] bytes, String contentType) {
        parts.addObject()
                .putObject("inline_data")
                .put("mime_type", contentType)
                .put("data", Base64.getEncoder().encodeToString(bytes));
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
    static Image image(byte[] body) {
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
                return decode(data, declared);
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

    private static Image decode(String base64, String declared) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DesignFailed(
                    "The design service sent an image that could not be read. Please try again.", true, e);
        }
        // trust the bytes over the label: the stored content type must match what browsers will decode
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) {
            log.warn("Gemini sent an image Yarda cannot store (declared {}, {} bytes)", declared, bytes.length);
            throw new DesignFailed(
                    "The design service sent an image in a format Yarda cannot show. Please try again.", true);
        }
        return new Image(bytes, format.get().contentType());
    }

    /**
     * The text of a 200 answer from a text model: its first candidate's text parts, joined.
     *
     * @param text empty when there is none
     * @param missing why there is no text, for the log; empty when there is
     */
    record Text(String text, String missing) {}

    static Text text(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            return new Text("", "the answer is not a JSON object");
        }
        String blockReason = field(field(root, "promptFeedback", "prompt_feedback"), "blockReason", "block_reason")
                .asString("");
        if (!blockReason.isEmpty() && !blockReason.equals("BLOCK_REASON_UNSPECIFIED")) {
            return new Text("", "the request was blocked (blockReason " + blockReason + ")");
        }
        JsonNode candidate = root.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            // a thinking model may send its thoughts as parts of their own: they are not the answer
            if (!part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asString(""));
            }
        }
        if (text.toString().isBlank()) {
            String finishReason =
                    field(candidate, "finishReason", "finish_reason").asString("");
            return new Text(
                    "",
                    "the answer has no text (finishReason " + (finishReason.isEmpty() ? "none" : finishReason) + ")");
        }
        return new Text(text.toString(), "");
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
