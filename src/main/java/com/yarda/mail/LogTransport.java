package com.yarda.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without {@code spring.mail.host} nothing can be sent: the message is written to the log (and stays in the
 * outbox table), so that a developer running Yarda locally can still follow the verification link.
 */
class LogTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogTransport.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(String from, MailOutbox.Claimed message) {
        log.info(
                "No mail server configured (spring.mail.host); email {} to {} kept in the outbox table:\n"
                        + "Subject: {}\n\n{}",
                message.id(),
                message.recipient(),
                message.subject(),
                message.body());
    }
}
