package com.yarda.mail;

/** Where an email goes: an SMTP server, or the log when none is configured. */
interface MailTransport {

    /** The {@code delivered_via} value recorded for messages sent this way. */
    String name();

    void send(String from, MailOutbox.Claimed message) throws Exception;
}
