package com.yarda.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings ({@code yarda.mail.*}); the server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every email
 * @param pollInterval how often the outbox is checked for messages due for a retry
 * @param maxBackoff the longest wait between two delivery attempts of one message
 * @param retention how long a delivered message is kept (it holds an email address) before it is removed
 * @param perRecipientPerHour the most emails of any kind sent to one address in any hour; the rest are not sent
 */
@Validated
@ConfigurationProperties("yarda.mail")
public record MailProperties(
        @NotBlank @DefaultValue("Yarda <no-reply@localhost>")
        String from,

        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("30m") Duration maxBackoff,
        @NotNull @DefaultValue("7d") Duration retention,
        @Min(1) @DefaultValue("5") int perRecipientPerHour) {}
