package com.yarda.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free loopback port, one per test JVM. */
public final class TestMailServer {

    private static GreenMail greenMail;

    private TestMailServer() {}

    public static synchronized GreenMail get() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "test-smtp-stop"));
        }
        return greenMail;
    }

    public static int port() {
        return get().getSmtp().getPort();
    }

    /** Every message received so far for {@code recipient}, oldest first. */
    public static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
