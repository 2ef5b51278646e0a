package com.yarda.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The mailbox an address delivers to, as far as the address alone tells: the free trial goes once per mailbox, so
 * that {@code ann+1@example.com}, {@code ann+2@example.com} and, at Gmail, {@code a.n.n@googlemail.com} do not each
 * get one. The rule is also in {@code V11__registration_limits.sql} (function {@code trial_claim_hash}), which claimed
 * the mailboxes of the accounts that existed before it; a test keeps the two equal.
 */
final class Mailboxes {

    // keeps these hashes apart from the plain SHA-256 email hashes that circulate in marketing lists
    private static final String CLAIM_PREFIX = "yarda-trial-claim:";

    private Mailboxes() {}

    /**
     * The canonical mailbox of a valid email address: lower case, without a {@code +tag} in the local part, and at
     * gmail.com (googlemail.com being the same) without dots in the local part, which Gmail ignores.
     */
    static String canonical(String email) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("not an email address");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int tag = local.indexOf('+');
        if (tag >= 0) {
            local = local.substring(0, tag);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** What {@code trial_claims} keeps of a mailbox: a SHA-256, never the address. */
    static byte[] claimHash(String email) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((CLAIM_PREFIX + canonical(email)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
