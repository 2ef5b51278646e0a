package com.yarda.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the metrics ({@code yarda.metrics.*}): {@code /actuator/prometheus} shows business figures (designs,
 * failures, queue depth), so only a scraper holding the token does.
 *
 * @param token what a scraper sends as {@code Authorization: Bearer <token>}; unset means nobody reads the metrics
 */
@Validated
@ConfigurationProperties("yarda.metrics")
record MetricsProperties(@Nullable String token) {

    /** Whether {@code authorization} (the header as sent) carries the token; compared in constant time. */
    boolean accepts(@Nullable String authorization) {
        if (token == null || token.isBlank() || authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(
                ("Bearer " + token).getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** Renders without the token, so the settings can be logged. */
    @Override
    public String toString() {
        return "MetricsProperties[token=" + (token == null || token.isBlank() ? "(none)" : "(set)") + "]";
    }
}
