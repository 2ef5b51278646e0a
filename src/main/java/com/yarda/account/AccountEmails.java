package com.yarda.account;

import com.yarda.mail.Email;
import com.yarda.mail.Mailer;
import com.yarda.platform.YardaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails of the account journey, plain text, each queued through the {@link Mailer} outbox in the caller's
 * transaction: sent if and only if the change it tells of commits.
 */
@Component
class AccountEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final YardaProperties yarda;

    AccountEmails(Mailer mailer, YardaProperties yarda) {
        this.mailer = mailer;
        this.yarda = yarda;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void verification(String to, String token, Duration ttl) {
        mailer.send(new Email(to, "Confirm your email for Yarda", """
                Welcome to Yarda!

                Confirm your email address to start designing your yard:

                %s

                This link works once and is valid for %s. If you did not create a Yarda account, \
                you can ignore this email.
                """.formatted(
                        yarda.link("/verify-email?token=" + token), describe(ttl))));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void passwordReset(String to, String token, Duration ttl) {
        mailer.send(new Email(to, "Choose a new password for Yarda", """
                Someone, probably you, asked to choose a new password for the Yarda account of this address.

                Choose your new password here:

                %s

                This link works once and is valid for %s. Choosing a new password logs you out on every device.

                If you did not ask for this, you can ignore this email: your password stays as it is.
                """.formatted(
                        yarda.link("/reset-password?token=" + token), describe(ttl))));
    }

    /**
     * @param reset whether it was a reset (every device logged out) rather than a change from a logged-in device (every
     *     other device logged out)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void passwordChanged(String to, Instant when, boolean reset) {
        mailer.send(new Email(to, "Your Yarda password was changed", """
                The password of your Yarda account was changed on %s, and %s.

                If that was you, there is nothing more to do.

                If it was not, choose a new password at once here, which logs out every device again:

                %s
                """.formatted(
                        WHEN.format(when),
                        reset
                                ? "every device that was logged in has been logged out"
                                : "every other device that was logged in has been logged out",
                        yarda.link("/forgot-password"))));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void emailChangeConfirmation(String newEmail, String token, Duration ttl) {
        mailer.send(new Email(newEmail, "Confirm your new email for Yarda", """
                You asked to use this address for your Yarda account from now on.

                Confirm it here:

                %s

                This link works once and is valid for %s. Until it is followed, the account keeps its current \
                address. If you did not ask for this, you can ignore this email.
                """.formatted(
                        yarda.link("/confirm-email-change?token=" + token), describe(ttl))));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void emailChangeNotice(String oldEmail, String newEmail, Duration ttl) {
        mailer.send(new Email(oldEmail, "Your Yarda email is being changed", """
                Someone logged in to your Yarda account asked to change its email address to %s.

                The change happens only when the link we sent to that address is followed, within %s. Until \
                then nothing changes: you keep logging in with this address.

                If this was not you, choose a new password at once here. That logs out every device and \
                cancels the change:

                %s
                """.formatted(
                        newEmail, describe(ttl), yarda.link("/forgot-password"))));
    }

    static String describe(Duration duration) {
        if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0) {
            long hours = duration.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
