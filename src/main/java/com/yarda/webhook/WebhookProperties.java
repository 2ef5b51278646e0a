package com.yarda.webhook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook deliveries ({@code yarda.webhooks.*}).
 *
 * @param allowPrivateUrls for development only: accept {@code http://} urls and urls that resolve to loopback,
 *     private, link-local or multicast addresses, at registration and at every delivery
 * @param timeout the longest one attempt may take, connecting included; then it counts as failed
 * @param retryDelays the wait after each failed attempt, in order; the delivery is given up ({@code failed}) when
 *     the attempt after the last delay fails too. The default (about 27.5 hours in all, as Svix) retries after 5 s,
 *     5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Each wait is stretched by up to 20 % at random, so that the deliveries
 *     to a receiver that was down do not all come back at the same instant.
 * @param concurrency deliveries in flight at once on this instance
 * @param pollInterval how often this instance looks for deliveries that became due (retries, and those left by a
 *     stopped instance); a new one is delivered at once on the instance that wrote it
 * @param lease how long a claimed delivery belongs to its instance; one whose instance died is taken up again
 *     after this
 * @param maxPerUser endpoints one user may have
 * @param retention how long a settled delivery stays in the log
 * @param enabled whether this instance delivers (every instance accepts endpoints and writes deliveries)
 */
@Validated
@ConfigurationProperties("yarda.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateUrls,
        @NotNull @DefaultValue("10s") Duration timeout,

        @NotEmpty @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<@NotNull Duration> retryDelays,

        @Positive @DefaultValue("8") int concurrency,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("1m") Duration lease,
        @Positive @DefaultValue("10") int maxPerUser,
        @NotNull @DefaultValue("30d") Duration retention,
        @DefaultValue("true") boolean enabled) {

    /** A lease that ran out while its attempt could still be waiting for an answer would send it twice. */
    @AssertTrue(message = "yarda.webhooks.lease must be at least twice yarda.webhooks.timeout")
    boolean isLeaseLongerThanTimeout() {
        return lease == null || timeout == null || lease.compareTo(timeout.multipliedBy(2)) >= 0;
    }

    /** Attempts in all before a delivery is given up. */
    int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
