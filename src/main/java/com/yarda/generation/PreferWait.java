package com.yarda.generation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}, possibly among others such as
 * {@code respond-async}): how long the client would wait for its design to end. Values above the most Yarda waits
 * ({@value #MAX_SECONDS} s) wait that long; a value that is not a positive whole number is ignored, as the RFC asks
 * of preferences a server does not understand.
 */
record PreferWait(int seconds) {

    static final int MAX_SECONDS = 60;

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** The header value that says the preference was applied. */
    String applied() {
        return "wait=" + seconds;
    }

    static Optional<PreferWait> of(@Nullable List<String> preferHeaders) {
        if (preferHeaders == null) {
            return Optional.empty();
        }
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].trim();
                int equals = token.indexOf('=');
                if (equals < 0
                        || !token.substring(0, equals)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("wait")) {
                    continue;
                }
                String value = token.substring(equals + 1).trim().replace("\"", "");
                if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Optional.empty();
                }
                int seconds = Integer.parseInt(value);
                return seconds < 1 ? Optional.empty() : Optional.of(new PreferWait(Math.min(seconds, MAX_SECONDS)));
            }
        }
        return Optional.empty();
    }
}
