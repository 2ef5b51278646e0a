package com.yarda.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Supervision of the embedded PostgreSQL ({@code yarda.embedded-database.*}; only when no
 * {@code spring.datasource.url} is set).
 *
 * @param restartDelay how long the service waits before each attempt to start a PostgreSQL that stopped
 * @param restartAttempts how many such attempts in a row may fail before the service stops (exit status 1), for
 *     its process manager to start it again
 */
@Validated
@ConfigurationProperties("yarda.embedded-database")
record EmbeddedDatabaseProperties(
        @NotNull @DefaultValue("1s") Duration restartDelay,
        @Positive @DefaultValue("5") int restartAttempts) {

    EmbeddedDatabaseProperties {
        if (restartDelay != null && restartDelay.isNegative()) {
            throw new IllegalArgumentException("yarda.embedded-database.restart-delay must not be negative");
        }
    }
}
