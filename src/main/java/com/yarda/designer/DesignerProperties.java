package com.yarda.designer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Designer settings ({@code yarda.designer.*}).
 *
 * @param provider which designer draws: {@code builtin} (offline, the default) or {@code gemini}
 * @param gemini the Gemini adapter, used when {@code provider} is {@code gemini}
 */
@Validated
@ConfigurationProperties("yarda.designer")
public record DesignerProperties(
        @NotNull @DefaultValue("builtin") Provider provider,
        @Valid @NotNull @DefaultValue Gemini gemini) {

    /** The designers there are. */
    public enum Provider {
        BUILTIN,
        GEMINI
    }

    /**
     * Google's Gemini image model through its REST API ({@code yarda.designer.gemini.*}).
     *
     * @param baseUrl the Generative Language API; tests point it at a local stub
     * @param apiKey sent as {@code x-goog-api-key}; required when the provider is {@code gemini}, never logged
     * @param model an image-capable Gemini model
     * @param plantModel a text model that reads images and answers JSON to a schema (image models cannot): after
     *     the image, it lists which of the allowed plants the design shows, and how many
     * @param timeout the longest one HTTP call may take, connecting included
     * @param plantTimeout the longest the plant-list call may take (less when less of the budget is left); it is
     *     tried once, and a design whose plants it could not list completes without quantities
     * @param maxRetries further tries after a 429, a 5xx, a timeout or a lost connection
     * @param budget the longest one design may take, retries and waits included: no try starts that could end
     *     after it
     * @param backoff the wait before the first retry; it doubles for each further one
     * @param maxBackoff the longest wait between tries, also the cap on a server's {@code Retry-After}
     */
    public record Gemini(
            @NotNull @DefaultValue("https://generativelanguage.googleapis.com")
            URI baseUrl,

            @Nullable String apiKey,

            @NotBlank @DefaultValue("gemini-2.5-flash-image")
            String model,

            @NotBlank @DefaultValue("gemini-2.5-flash") String plantModel,

            @NotNull @DefaultValue("60s") Duration timeout,
            @NotNull @DefaultValue("30s") Duration plantTimeout,
            @PositiveOrZero @Max(10) @DefaultValue("2") int maxRetries,
            @NotNull @DefaultValue("150s") Duration budget,
            @NotNull @DefaultValue("2s") Duration backoff,
            @NotNull @DefaultValue("20s") Duration maxBackoff) {

        /** Renders without the key, so the settings can be logged. */
        @Override
        public String toString() {
            return ("Gemini[baseUrl=%s, apiKey=%s, model=%s, plantModel=%s, timeout=%s, plantTimeout=%s,"
                            + " maxRetries=%d, budget=%s, backoff=%s, maxBackoff=%s]")
                    .formatted(
                            baseUrl,
                            apiKey == null || apiKey.isBlank() ? "(none)" : "(set)",
                            model,
                            plantModel,
                            timeout,
                            plantTimeout,
                            maxRetries,
                            budget,
                            backoff,
                            maxBackoff);
        }
    }
}
