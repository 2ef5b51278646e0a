package com.yarda.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Delivers through Spring Boot's {@code JavaMailSender} ({@code spring.mail.*}). */
class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;

    SmtpTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void send(String from, MailOutbox.Claimed message) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from));
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        sender.send(mime);
    }
}
