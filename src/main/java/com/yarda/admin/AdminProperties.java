package com.yarda.admin;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings ({@code yarda.admin.*}).
 *
 * @param emails the users who are admins, by email (a comma-separated list in the environment); compared with
 *     the user's current email on every request, so a change needs a restart but no migration. Only a verified email
 *     counts: registering a listed address is not enough.
 */
@ConfigurationProperties("yarda.admin")
record AdminProperties(@DefaultValue List<String> emails) {

    AdminProperties {
        emails = emails.stream()
                .map(email -> email.trim().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .distinct()
                .toList();
    }

    boolean isAdmin(String email) {
        return emails.contains(email.trim().toLowerCase(Locale.ROOT));
    }
}
