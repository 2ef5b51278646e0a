package com.yarda.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Nobody can flood an inbox through Yarda: a few emails per address per hour, of any kind. */
class MailLimitTests extends IntegrationTest {

    @Autowired
    Mailer mailer;

    @Autowired
    MailProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAddressGetsAtMostTheHourlyNumberOfEmailsAndMoreAgainAnHourLater() {
        clock.freeze();
        String target = newEmail();
        String other = newEmail();
        int limit = properties.perRecipientPerHour();

        List<Optional<UUID>> sent = new ArrayList<>();
        for (int i = 0; i < limit + 3; i++) {
            // written differently each time: an address is one inbox whatever its case
            String to = i % 2 == 0 ? target : target.toUpperCase(Locale.ROOT);
            sent.add(send(new Email(to, "Message " + i, "body")));
        }
        send(new Email(other, "Someone else", "body"));

        assertThat(sent.stream().filter(Optional::isPresent)).hasSize(limit);
        assertThat(sent.subList(limit, limit + 3)).allMatch(Optional::isEmpty);
        assertThat(queuedTo(target)).isEqualTo(limit);
        assertThat(queuedTo(other)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(59));
        assertThat(send(new Email(target, "Still too soon", "body"))).isEmpty();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(send(new Email(target, "An hour later", "body"))).isPresent();
    }

    @Test
    void requestsAtOnceCannotTogetherPassTheLimit() throws Exception {
        String target = newEmail();
        int limit = properties.perRecipientPerHour();
        List<Callable<Optional<UUID>>> calls = new ArrayList<>();
        for (int i = 0; i < 4 * limit; i++) {
            int n = i;
            calls.add(() -> send(new Email(target, "Race " + n, "body")));
        }
        int queued = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Optional<UUID>> result : pool.invokeAll(calls)) {
                queued += result.get().isPresent() ? 1 : 0;
            }
        }

        assertThat(queued).isEqualTo(limit);
        assertThat(queuedTo(target)).isEqualTo(limit);
    }

    private Optional<UUID> send(Email email) {
        return new TransactionTemplate(transactions).execute(status -> mailer.send(email));
    }

    private long queuedTo(String address) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(:to)")
                .param("to", address)
                .query(Long.class)
                .single();
    }
}
