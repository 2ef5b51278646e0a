package com.yarda.mail;

import com.yarda.platform.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sends email reliably: the message is stored with the caller's transaction and delivered after it commits. */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final MailProperties properties;
    private final Clock clock;

    Mailer(MailOutbox outbox, ApplicationEventPublisher events, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues {@code email} in the caller's transaction: it is sent if and only if that transaction commits, and
     * retried until a mail server accepts it. Never blocks on, or fails because of, the mail server.
     *
     * <p>At most {@code yarda.mail.per-recipient-per-hour} emails of any kind go to one address in any hour, so that
     * nobody can use Yarda to flood an inbox; beyond that the email is not queued, and the caller answers as it
     * would anyway (it cannot tell, so neither can the one who asked).
     *
     * @return the queued message, or empty when the address has had its emails for this hour
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> send(Email email) {
        Instant now = Timestamps.truncate(clock.instant());
        int recent = outbox.lockAndCountSince(email.to(), now.minus(Duration.ofHours(1)));
        if (recent >= properties.perRecipientPerHour()) {
            log.info(
                    "Email \"{}\" not sent: its address has had {} emails in the last hour, the most allowed",
                    email.subject(),
                    recent);
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        outbox.add(id, email, now);
        events.publishEvent(new MailQueued(id));
        return Optional.of(id);
    }

    /**
     * Forgets every message to {@code recipient}, in the caller's transaction: an account that is deleted takes its
     * emails along, and one still waiting for delivery is not sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient) {
        outbox.forget(recipient);
    }
}
