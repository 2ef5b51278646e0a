package com.yarda.test;

import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    /**
     * Waits for the first message to {@code recipient} with this subject. Several dispatchers (one per application
     * context on the shared test database) deliver the outbox, so messages queued close together may arrive in
     * either order: tests find a message by what it is, not by its position.
     */
    public static MimeMessage awaitMessage(String recipient, String subject) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestMailServer.messagesTo(recipient).stream()
                                .filter(message -> subject.equals(subject(message)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
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

    /** The token of the {@code index}-th (1-based) verification link sent to {@code recipient}. */
    public static String verificationToken(String recipient, int index) {
        return linkToken(recipient, index, "/verify-email");
    }

    /**
     * The token of the {@code index}-th (1-based) message to {@code recipient} with a link to {@code path}
     * ({@code /reset-password}, {@code /confirm-email-change}, …), oldest first.
     */
    public static String linkToken(String recipient, int index, String path) {
        Pattern link = Pattern.compile(Pattern.quote(IntegrationTest.PUBLIC_URL + path) + "\\?token=([A-Za-z0-9_-]+)");
        List<String> tokens = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestMailServer.messagesTo(recipient).stream()
                                .map(message -> link.matcher(text(message)))
                                .filter(Matcher::find)
                                .map(matcher -> matcher.group(1))
                                .toList(),
                        found -> found.size() >= index);
        return tokens.get(index - 1);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
