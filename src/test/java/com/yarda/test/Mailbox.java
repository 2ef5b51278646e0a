package com.yarda.test;

import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Reads what the test SMTP server received. */
public final class Mailbox {

    private Mailbox() {}

    /** Waits until {@code recipient} has received {@code count} messages and returns them, oldest first. */
    public static List<MimeMessage> awaitMessages(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.messagesTo(recipient), messages -> messages.size() >= count);
    }

    /** Waits until the application has delivered every queued email. */
    public static void awaitOutboxEmpty(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE delivered_at IS NULL")
                                .query(Long.class)
                                .single(),
                        pending -> pending == 0);
    }

    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text
                    ? text
                    : new MimeMessageHelper(message).getMimeMessage().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the verification link in the {@code index}-th message (1-based) sent to {@code recipient}. */
    public static String verificationToken(String recipient, int index) {
        return linkToken(recipient, index, "/verify-email");
    }

    /**
     * The token of the link to {@code path} ({@code /reset-password}, {@code /confirm-email-change}, …) in the
     * {@code index}-th message (1-based) sent to {@code recipient}.
     */
    public static String linkToken(String recipient, int index, String path) {
        String body = text(awaitMessages(recipient, index).get(index - 1));
        Matcher matcher = Pattern.compile(
                        Pattern.quote(IntegrationTest.PUBLIC_URL + path) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no link to " + path + " in: " + body);
        }
        return matcher.group(1);
    }
}
