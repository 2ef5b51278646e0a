package com.yarda.webhook;

import com.yarda.generation.Generation;
import com.yarda.generation.GenerationDeleted;
import com.yarda.generation.GenerationEnded;
import com.yarda.generation.Generations;
import com.yarda.platform.NotFound;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import com.yarda.webhook.EndpointRepository.EndpointRow;
import com.yarda.webhook.WebhookHttp.HostLookup;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's webhook endpoints, and the deliveries their generations' ends owe them.
 *
 * <p>When a generation ends, {@link GenerationEnded} arrives inside the ending transaction, and one delivery per
 * matching endpoint is written in it, with the body every attempt will send: no end commits without its deliveries,
 * and an end that rolls back leaves none. {@link WebhookDispatcher} delivers them.
 */
@Service
public class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    /** The longest delivery log the API answers. */
    public static final int LOG_LIMIT = 100;

    private final EndpointRepository endpoints;
    private final DeliveryOutbox outbox;
    private final WebhookSecrets secrets;
    private final Generations generations;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Webhooks(
            EndpointRepository endpoints,
            DeliveryOutbox outbox,
            WebhookSecrets secrets,
            Generations generations,
            WebhookProperties properties,
            JsonMapper json,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.secrets = secrets;
        this.generations = generations;
        this.properties = properties;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds an endpoint for {@code userId}; the answer is the only place its secret is ever shown.
     *
     * @param events the events to send; null or empty for all of them
     * @throws ValidationFailed (422) for a url that breaks a rule of {@link WebhookUrls}, an unknown event, or an
     *     endpoint beyond {@code yarda.webhooks.max-per-user}
     */
    public AddedWebhook add(UUID userId, @Nullable String url, @Nullable List<String> events) {
        List<WebhookEvent> subscribed = events(events);
        URI checked = WebhookUrls.check(url, HostLookup.SYSTEM, properties.allowPrivateUrls());
        String secret = secrets.newSecret();
        UUID id = UUID.randomUUID();
        EndpointRow row = new EndpointRow(
                id, userId, checked.toString(), subscribed, secrets.seal(id, secret), Timestamps.truncate(now()));
        transaction.executeWithoutResult(status -> {
            if (endpoints.lockAndCount(userId) >= properties.maxPerUser()) {
                throw new ValidationFailed(
                        "url", "you have " + properties.maxPerUser() + " webhooks already; delete one first");
            }
            endpoints.insert(row);
        });
        log.info("User {} added webhook {}", userId, id);
        return new AddedWebhook(id, row.url(), subscribed, secret, row.createdAt());
    }

    /** The endpoints of {@code userId}, oldest first, without their secrets. */
    public List<WebhookEndpoint> list(UUID userId) {
        return endpoints.list(userId).stream().map(EndpointRow::toEndpoint).toList();
    }

    /**
     * Deletes an endpoint of {@code userId}, its log and what it had still to deliver.
     *
     * @throws NotFound when the user has no such endpoint
     */
    public void delete(UUID userId, UUID id) {
        if (!endpoints.delete(userId, id)) {
            throw notFound();
        }
        log.info("User {} deleted webhook {}", userId, id);
    }

    /**
     * The newest deliveries of an endpoint of {@code userId}, at most {@link #LOG_LIMIT}, newest first.
     *
     * @throws NotFound when the user has no such endpoint
     */
    public List<Delivery> deliveries(UUID userId, UUID id, int limit) {
        endpoints.find(userId, id).orElseThrow(Webhooks::notFound);
        return outbox.log(id, Math.clamp(limit, 1, LOG_LIMIT));
    }

    /**
     * A generation ended: its deliveries are written in the ending transaction (MANDATORY: there must be one), with
     * the body as {@code GET /api/generations/{id}} shows the generation now. Nothing is read when the user has no
     * endpoint for the event.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onGenerationEnded(GenerationEnded ended) {
        WebhookEvent event = WebhookEvent.ended(ended.status());
        List<UUID> subscribed = endpoints.subscribed(ended.userId(), event);
        if (subscribed.isEmpty()) {
            return;
        }
        Generation generation = generations.get(ended.userId(), ended.generationId());
        Instant at = generation.completedAt() != null ? generation.completedAt() : ended.endedAt();
        String body = json.writeValueAsString(new Payload(event.value(), at, generation));
        int written = outbox.enqueue(subscribed, ended.generationId(), event, body, now());
        log.debug("Generation {} ended {}: {} webhook deliveries", ended.generationId(), ended.status(), written);
        events.publishEvent(new DeliveriesQueued());
    }

    /** A design is deleted: its deliveries go with it, in the deleting transaction (their body names its address). */
    @EventListener
    void onGenerationDeleted(GenerationDeleted deleted) {
        int removed = outbox.deleteAll(deleted.generationId());
        if (removed > 0) {
            log.debug("Removed {} webhook deliveries of deleted generation {}", removed, deleted.generationId());
        }
    }

    /** What every attempt of a delivery sends (API.md): {@code {type, timestamp, data: generation}}. */
    record Payload(String type, Instant timestamp, Generation data) {}

    private static List<WebhookEvent> events(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of(WebhookEvent.values());
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (String value : values) {
            WebhookEvent event = WebhookEvent.byValue(value)
                    .orElseThrow(() -> new ValidationFailed(
                            "events", "must list only generation.completed and generation.failed"));
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        return List.copyOf(events);
    }

    private Instant now() {
        return clock.instant();
    }

    private static NotFound notFound() {
        return new NotFound("The webhook");
    }
}
