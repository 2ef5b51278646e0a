package com.yarda.mail;

import com.yarda.platform.Timestamps;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sends email reliably: the message is stored with the caller's transaction and delivered after it commits. */
@Service
public class Mailer {

    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Mailer(MailOutbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues {@code email} in the caller's transaction: it is sent if and only if that transaction commits, and
     * retried until a mail server accepts it. Never blocks on, or fails because of, the mail server.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(Email email) {
        UUID id = UUID.randomUUID();
        outbox.add(id, email, Timestamps.truncate(clock.instant()));
        events.publishEvent(new MailQueued(id));
        return id;
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
