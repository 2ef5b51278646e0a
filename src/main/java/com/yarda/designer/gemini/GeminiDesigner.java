package com.yarda.designer.gemini;

import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Designer;
import com.yarda.designer.DesignerProperties;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.prompt.DesignPrompt;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Draws designs with a Gemini image model through the {@code generateContent} REST API: the prompt and the pictures
 * (the homeowner's photo, or the street and overhead views of the site, inline) go in, the first image part of the
 * first candidate comes back. A refinement is an edit: the parent design's image goes in with the edit instruction
 * ({@link DesignPrompt#edit}) instead, and the design notes that it was edited and what was asked. Then, as an image model cannot also answer JSON, a text model ({@code plant-model})
 * is shown the drawn image and lists which of the palette's plants it shows, and how many ({@link PlantList}).
 *
 * <p>Transient failures of the image (429, 5xx, timeouts, lost connections) are retried with exponential backoff and
 * jitter, honouring a capped {@code Retry-After}, within one time budget per design. Everything else fails
 * at once with a message a homeowner can read: a rejected request, a blocked prompt, a refused image. The plant
 * list never fails a design: it is tried once within what is left of the budget, and without a usable answer the
 * design has no plant list of its own (the generation shows the palette without quantities).
 *
 * <p>Public for {@code DesignerConfiguration} only: Spring Modulith keeps this package internal to the designer
 * module, whose API is {@link Designer}.
 */
public final class GeminiDesigner implements Designer {

    private static final Logger log = LoggerFactory.getLogger(GeminiDesigner.class);

    /**
     * Less than this left of the budget (and less than {@code plant-timeout}) and the plant list is not asked for: an
     * answer would hardly come in time.
     */
    private static final Duration SHORTEST_PLANT_LIST = Duration.ofSeconds(1);

    private final RestClient http;
    private final HttpClient client;
    private final DesignerProperties.Gemini settings;
    private final Backoff backoff;

    private GeminiDesigner(RestClient http, HttpClient client, DesignerProperties.Gemini settings, Backoff backoff) {
        this.http = http;
        this.client = client;
        this.settings = settings;
        this.backoff = backoff;
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
        RestClient http = builder.requestFactory(requests(client, settings.timeout()))
                .baseUrl(settings.baseUrl().toString())
                .defaultHeader("x-goog-api-key", apiKey)
                .build();
        return new GeminiDesigner(
                http, client, settings, new Backoff(settings.backoff(), settings.maxBackoff(), clock));
    }

    private static JdkClientHttpRequestFactory requests(HttpClient client, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        return requests;
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public Design design(DesignRequest request) {
        DesignRequest.Refinement refinement = request.refinement();
        long deadline = System.nanoTime() + settings.budget().toNanos();
        String prompt;
        byte[] body;
        List<String> notes;
        if (refinement == null) {
            prompt = DesignPrompt.of(request);
            body = GenerateContent.request(prompt, pictures(request));
            notes = List.of();
        } else {
            // an edit of the parent image, not a new design: the site's pictures stay out (see DesignPrompt)
            prompt = DesignPrompt.edit(request);
            body = GenerateContent.edit(
                    new GenerateContent.Picture(
                            DesignPrompt.currentDesign(), refinement.parentImage(), refinement.parentContentType()),
                    prompt);
            notes = List.of(edited(refinement));
        }
        GenerateContent.Image image = draw(request, body, deadline);
        return new Design(
                image.bytes(),
                image.contentType(),
                prompt,
                plants(request, image, deadline),
                request.style().materials(),
                notes);
    }

    /**
     * What a refinement's design says it is. Only what was asked: an image model does not report which changes it
     * made, and the plant list is read from the new image, not from the change.
     */
    private static String edited(DesignRequest.Refinement refinement) {
        // the feedback as the model was given it: trimmed, at most 500 characters, here on one line
        String change = DesignPrompt.custom(refinement.latest());
        return change == null
                ? "Edited from the previous version."
                : "Edited from the previous version: " + change.replaceAll("\\s+", " ");
    }

    /** The homeowner's photo, or the pictures of the site each after the words that say what it shows. */
    private static List<GenerateContent.Picture> pictures(DesignRequest request) {
        DesignRequest.Photo photo = request.photo();
        if (photo != null) {
            return List.of(new GenerateContent.Picture(null, photo.bytes(), photo.contentType()));
        }
        return DesignPrompt.pictures(request).stream()
                .map(picture -> new GenerateContent.Picture(
                        DesignPrompt.caption(picture), picture.bytes(), picture.contentType()))
                .toList();
    }

    private GenerateContent.Image draw(DesignRequest request, byte[] body, long deadline) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                GenerateContent.Image image = call(body);
                log.debug(
                        "Gemini drew generation {} in {} ms (attempt {})",
                        request.generationId(),
                        (System.nanoTime() - started) / 1_000_000,
                        attempt);
                return image;
            } catch (Transient failure) {
                Duration wait = backoff.after(attempt, failure.retryAfter);
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

    private GenerateContent.Image call(byte[] body) {
        Reply reply;
        try {
            reply = post(http, settings.model(), body);
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        } catch (RestClientException e) {
            // anything else the client can throw still ends as a failure the worker understands
            throw new DesignFailed("The design service could not be reached. Please try again.", true, e);
        }
        if (reply.status() >= 200 && reply.status() < 300) {
            return GenerateContent.image(reply.body());
        }
        throw rejected(reply);
    }

    /**
     * The plants the drawn image shows, as the plant model lists them from the palette; empty when it could not
     * (the generation then lists the palette without quantities). Tried once, within what is left of the budget:
     * the image is what the homeowner paid for, so nothing here may fail or hold up the design for long.
     */
    private List<PlacedPlant> plants(DesignRequest request, GenerateContent.Image image, long deadline) {
        List<Plant> palette = request.palette();
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.compareTo(SHORTEST_PLANT_LIST) < 0 && left.compareTo(settings.plantTimeout()) < 0) {
            log.warn(
                    "Gemini's plant list for generation {} was not asked for: only {} ms of the budget were left;"
                            + " the design lists its palette without quantities",
                    request.generationId(),
                    Math.max(0, left.toMillis()));
            return List.of();
        }
        Duration timeout = left.compareTo(settings.plantTimeout()) < 0 ? left : settings.plantTimeout();
        long started = System.nanoTime();
        PlantList.Reading reading;
        try {
            reading = plantList(palette, image, timeout);
        } catch (RuntimeException e) {
            // whatever went wrong, the design itself is done and stays done
            reading = PlantList.Reading.unusable(describe(e, timeout));
        }
        if (reading.plants().isEmpty()) {
            log.warn(
                    "Gemini's plant list for generation {} was unusable ({}); the design lists its palette without"
                            + " quantities",
                    request.generationId(),
                    String.join("; ", reading.problems()));
        } else if (!reading.problems().isEmpty()) {
            log.warn(
                    "Gemini's plant list for generation {} had entries left out: {}",
                    request.generationId(),
                    String.join("; ", reading.problems()));
        } else {
            log.debug(
                    "Gemini listed {} plants of generation {} in {} ms",
                    reading.plants().size(),
                    request.generationId(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return reading.plants();
    }

    private PlantList.Reading plantList(List<Plant> palette, GenerateContent.Image image, Duration timeout) {
        byte[] body = GenerateContent.plantListRequest(
                PlantList.instruction(palette),
                image,
                palette.stream().map(Plant::botanicalName).toList());
        RestClient shortLived =
                http.mutate().requestFactory(requests(client, timeout)).build();
        Reply reply = post(shortLived, settings.plantModel(), body);
        if (reply.status() < 200 || reply.status() >= 300) {
            GenerateContent.ApiError error = GenerateContent.error(reply.body());
            return PlantList.Reading.unusable("HTTP " + reply.status()
                    + (error.status().isEmpty() ? "" : " " + error.status())
                    + (error.message().isEmpty() ? "" : ": " + GenerateContent.shorten(scrub(error.message()), 200)));
        }
        GenerateContent.Text answer = GenerateContent.text(reply.body());
        if (answer.text().isEmpty()) {
            return PlantList.Reading.unusable(answer.missing());
        }
        return PlantList.read(answer.text(), palette);
    }

    private String describe(RuntimeException e, Duration timeout) {
        if (causedBy(e, HttpTimeoutException.class) || causedBy(e, SocketTimeoutException.class)) {
            return "no answer within " + readable(timeout);
        }
        if (causedBy(e, ConnectException.class)) {
            return "could not connect";
        }
        return e.getClass().getSimpleName() + ": " + scrub(String.valueOf(e.getMessage()));
    }

    private static Reply post(RestClient client, String model, byte[] body) {
        return client.post()
                .uri("/v1beta/models/{model}:generateContent", model)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Reply(
                        response.getStatusCode().value(),
                        response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                        response.getBody().readAllBytes()));
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
        GenerateContent.ApiError error = GenerateContent.error(reply.body());
        String status = error.status();
        String message = scrub(error.message());
        String detail = "HTTP " + reply.status() + (status.isEmpty() ? "" : " " + status)
                + (message.isEmpty() ? "" : ": " + message);
        int code = reply.status();
        if (code == 429) {
            return new Transient(
                    detail,
                    backoff.retryAfter(reply.retryAfter()),
                    new DesignFailed(
                            "The design service is busy right now (too many requests). Please try again in a few"
                                    + " minutes.",
                            true));
        }
        if (code >= 500 || code == 408) {
            return new Transient(
                    detail,
                    backoff.retryAfter(reply.retryAfter()),
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
                        + (message.isEmpty() ? "." : ": " + GenerateContent.shorten(message, 200)),
                false);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " seconds";
    }

    private static String detail(int code, String status) {
        return "HTTP " + code + (status.isEmpty() ? "" : " " + status);
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
}
