package com.yarda.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Email addresses are compared and stored trimmed and lower-cased. */
final class EmailAddresses {

    static final int MAX_LENGTH = 254;

    // the WHATWG "valid e-mail address" rule, plus a dot in the domain: a@localhost is not an address users have
    private static final Pattern VALID = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private EmailAddresses() {}

    static String normalize(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    static boolean isValid(@Nullable String raw) {
        if (raw == null) {
            return false;
        }
        String email = normalize(raw);
        return email.length() <= MAX_LENGTH && VALID.matcher(email).matches();
    }
}
