package com.yarda.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import com.yarda.test.Mailbox;
import com.yarda.test.TestMailServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailDeliveryTests extends IntegrationTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailProperties properties;

    @Test
    void anEmailThatCannotBeSentStaysQueuedAndIsRetriedUntilDelivered() throws Exception {
        String recipient = newEmail();
        UUID id = UUID.randomUUID();
        outbox.add(id, new Email(recipient, "Retry me", "body text"), clock.instant());

        MailDispatcher serverDown = dispatcherSendingTo(closedPort());
        assertThat(serverDown.drain()).isZero();

        Map<String, Object> failed = row(id);
        assertThat(failed.get("delivered_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank();
        // not due again before its backoff has passed
        assertThat(dispatcherSendingTo(TestMailServer.port()).drain()).isZero();

        clock.advance(Duration.ofMinutes(1));
        dispatcherSendingTo(TestMailServer.port()).drain();

        assertThat(Mailbox.awaitMessages(recipient, 1)).hasSize(1);
        Mailbox.awaitOutboxEmpty(jdbc);
        Map<String, Object> delivered = row(id);
        assertThat(delivered.get("delivered_via")).isEqualTo("smtp");
        assertThat(delivered.get("attempts")).isEqualTo(2);
        // the body (which may hold a verification link) is not kept once the message is sent
        assertThat(delivered.get("body")).isEqualTo("");
    }

    @Test
    void deliveredEmailsAreRemovedOnceTheirRetentionHasPassedAndUndeliveredOnesAreKept() {
        String recipient = newEmail();
        UUID delivered = UUID.randomUUID();
        outbox.add(delivered, new Email(recipient, "Delivered", "body text"), clock.instant());
        dispatcherSendingTo(TestMailServer.port()).drain();
        assertThat(row(delivered).get("delivered_at")).isNotNull();
        UUID undelivered = UUID.randomUUID();
        outbox.add(undelivered, new Email(recipient, "Still waiting", "body text"), clock.instant());
        MailDispatcher dispatcher = dispatcherSendingTo(TestMailServer.port());

        clock.advance(properties.retention().minusMinutes(1));
        dispatcher.purgeDelivered();
        assertThat(count(recipient)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        dispatcher.purgeDelivered();
        assertThat(count(recipient)).isOne();
        assertThat(row(undelivered).get("delivered_at")).isNull();
    }

    @Test
    void backoffGrowsAndIsCapped() {
        MailDispatcher dispatcher = dispatcherSendingTo(TestMailServer.port());
        assertThat(dispatcher.backoff(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(dispatcher.backoff(3)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
        assertThat(dispatcher.backoff(40))
                .isLessThanOrEqualTo(properties.maxBackoff().multipliedBy(12).dividedBy(10));
    }

    private MailDispatcher dispatcherSendingTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("sender", sender);
        return new MailDispatcher(outbox, beans.getBeanProvider(JavaMailSender.class), properties, clock);
    }

    private long count(String recipient) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql(
                        "SELECT delivered_at, delivered_via, attempts, last_error, body FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
