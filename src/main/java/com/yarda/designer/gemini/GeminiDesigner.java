package com.yarda.designer.gemini;

import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Designer;
import com.yarda.designer.DesignerProperties;
import com.yarda.designer.prompt.DesignPrompt;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Draws designs with a Gemini image model through the {@code generateContent} REST API: the prompt (and the
 * photo, inline) go in, the first image part of the first candidate comes back.
 *
 * <p>Transient failures (429, 5xx, timeouts, lost connections) are retried with exponential backoff and
 * jitter, honouring a capped {@code Retry-After}, within one time budget per design. Everything else fails
 * at once with a message a homeowner can read: a rejected request, a blocked prompt, a refused image.
 *
 * <p>JSON is written and read here with a private mapper in Google's own field names: the application's
 * snake_case naming strategy is for Yarda's API and must not leak into Google's.
 *
 * <p>Public for {@code DesignerConfiguration} only: Spring Modulith keeps this package internal to the designer
 * module, whose API is {@link Designer}.
 */
public final class GeminiDesigner implements Designer {

    private static final Logger log = LoggerFactory.getLogger(GeminiDesigner.class);

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

    private final RestClient http;
    private final DesignerProperties.Gemini settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    GeminiDesigner(RestClient http, DesignerProperties.Gemini settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A designer on {@code builder} (Spring Boot's, for its observability) with a JDK HTTP client whose connect
     * and read timeouts are {@code settings.timeout()}.
     */
    public static GeminiDesigner create(RestClient.Builder builder, DesignerProperties.Gemini settings, Clock clock) {
        String apiKey = settings.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Gemini designer needs an API key");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // HTTP/1.1: one request per design gains nothing from HTTP/2, and plain-http endpoints (stubs,
                // proxies) are spared the h2c upgrade dance
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.timeout());
        RestClient http = builder.requestFactory(requests)
                .baseUrl(settings.baseUrl().toString())
                .defaultHeader("x-goog-api-key", apiKey)
                .build();
        return new GeminiDesigner(http, settings, clock);
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public Design design(DesignRequest request) {
        String prompt = DesignPrompt.of(request);
        byte[] body = json.writeValueAsBytes(body(prompt, request.photo()));
        long deadline = System.nanoTime() + settings.budget().toNanos();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                Design design = call(body, prompt);
                log.debug(
                        "Gemini drew generation {} in {} ms (attempt {})",
                        request.generationId(),
                        (System.nanoTime() - started) / 1_000_000,
                        attempt);
                return design;
            } catch (Transient failure) {
                Duration wait = backoff(attempt, failure.retryAfter);
                long latestStart = deadline - settings.timeout().toNanos();
                if (attempt > settings.maxRetries() || System.nanoTime() + wait.toNanos() > latestStart) {
                    log.warn(
                            "Gemini failed for generation {} after {} attempt(s): {}; giving up",
                            request.generationId(),
                            attempt,
                            failure.detail);
                    throw failure.failure;
                }
                log.warn(
                        "Gemini failed for generation {} (attempt {}): {}; retrying in {} ms",
                        request.generationId(),
                        attempt,
                        failure.detail,
                        wait.toMillis());
                sleep(wait);
            }
        }
    }

    private ObjectNode body(String prompt, DesignRequest.@Nullable Photo photo) {
        ObjectNode root = json.createObjectNode();
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
        return root;
    }

    private Design call(byte[] body, String prompt) {
        Reply reply;
        try {
            reply = http.post()
                    .uri("/v1beta/models/{model}:generateContent", settings.model())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> new Reply(
                            response.getStatusCode().value(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        } catch (RestClientException e) {
            // anything else the client can throw still ends as a failure the worker understands
            throw new DesignFailed("The design service could not be reached. Please try again.", true, e);
        }
        if (reply.status() >= 200 && reply.status() < 300) {
            return design(reply.body(), prompt);
        }
        throw rejected(reply);
    }

    private record Reply(int status, @Nullable String retryAfter, byte[] body) {}

    private Transient unreachable(ResourceAccessException e) {
        if (causedBy(e, HttpTimeoutException.class) || causedBy(e, SocketTimeoutException.class)) {
            return new Transient(
                    "timed out after " + settings.timeout(),
                    null,
                    new DesignFailed(
                            "The design service did not answer within " + readable(settings.timeout())
                                    + ". Please try again.",
                            true,
                            e));
        }
        String what = causedBy(e, ConnectException.class) ? "could not connect" : "connection failed";
        return new Transient(
                what + ": " + scrub(String.valueOf(e.getMessage())),
                null,
                new DesignFailed("The design service could not be reached. Please try again.", true, e));
    }

    private RuntimeException rejected(Reply reply) {
        JsonNode error = parse(reply.body()).path("error");
        String status = error.path("status").asString("");
        String message = scrub(error.path("message").asString(""));
        String detail = "HTTP " + reply.status() + (status.isEmpty() ? "" : " " + status)
                + (message.isEmpty() ? "" : ": " + message);
        int code = reply.status();
        if (code == 429) {
            return new Transient(
                    detail,
                    retryAfter(reply.retryAfter()),
                    new DesignFailed(
                            "The design service is busy right now (too many requests). Please try again in a few"
                                    + " minutes.",
                            true));
        }
        if (code >= 500 || code == 408) {
            return new Transient(
                    detail,
                    retryAfter(reply.retryAfter()),
                    new DesignFailed(
                            "The design service had a temporary problem (" + detail(code, status)
                                    + "). Please try again.",
                            true));
        }
        log.warn("Gemini rejected a request: {}", detail);
        if (code == 401 || code == 403) {
            return new DesignFailed(
                    "The design service refused our access (" + detail(code, status)
                            + "). This is a problem on our side, not with your photo or address.",
                    false);
        }
        if (code == 404) {
            return new DesignFailed(
                    "The design model is not available (" + detail(code, status) + "). This is a problem on our side.",
                    false);
        }
        return new DesignFailed(
                "The design service rejected the request (" + detail(code, status) + ")"
                        + (message.isEmpty() ? "." : ": " + shorten(message, 200)),
                false);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " seconds";
    }

    private static String detail(int code, String status) {
        return "HTTP " + code + (status.isEmpty() ? "" : " " + status);
    }

    /** Reads the image out of a 200 answer, or says why there is none. */
    private Design design(byte[] body, String prompt) {
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

    private Design image(String base64, String declared, String prompt) {
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

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            log.warn("Gemini sent a body that is not JSON: {}", shorten(new String(body, StandardCharsets.UTF_8), 200));
            return json.missingNode();
        }
    }

    /** Google answers in camelCase; the snake_case spelling is accepted too, as its docs show both. */
    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.path(camel);
        return value.isMissingNode() ? node.path(snake) : value;
    }

    /** Exponential backoff with jitter; a server's Retry-After is honoured up to {@code maxBackoff}. */
    private Duration backoff(int attempt, @Nullable Duration retryAfter) {
        long base = settings.backoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        // jitter between half and all of the delay keeps many workers from retrying in step
        long wait = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        if (retryAfter != null) {
            wait = Math.max(
                    wait, Math.min(retryAfter.toMillis(), settings.maxBackoff().toMillis()));
        }
        return Duration.ofMillis(wait);
    }

    private @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DesignFailed("The design was stopped because the service is shutting down.", true, e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Error texts can echo request details; the key must never reach a log or a homeowner. */
    private String scrub(String text) {
        String key = settings.apiKey();
        return key == null || key.isBlank() ? text : text.replace(key, "***");
    }

    private static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    /** A failure another try may cure, with the failure to throw when no try is left. */
    private static final class Transient extends RuntimeException {

        private final String detail;
        private final @Nullable Duration retryAfter;
        private final DesignFailed failure;

        Transient(String detail, @Nullable Duration retryAfter, DesignFailed failure) {
            super(detail, null, false, false);
            this.detail = detail;
            this.retryAfter = retryAfter;
            this.failure = failure;
        }
    }
}
