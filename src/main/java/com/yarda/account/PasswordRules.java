package com.yarda.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.yarda.platform.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, for registrations, resets and changes alike: 8 to 128 characters (code points, so an
 * emoji is one), valid Unicode, not the account's email address, and not guessable. Guessable is judged by zxcvbn
 * (zxcvbn4j: dictionaries of common passwords, words and names, keyboard patterns, sequences, repeats, dates, l33t
 * spellings) with the email, its parts and "yarda" as words of their own: a score of at least {@link #MIN_SCORE} is
 * needed.
 *
 * <p>Score 2 means zxcvbn estimates at least 10^6 guesses. That refuses {@code password}, {@code 12345678}, {@code
 * qwertyuiop}, {@code iloveyou2} and the email itself, and accepts a two-word passphrase ({@code correct horse}) or 8
 * random characters ({@code kh7#pQ2x}); score 3 would refuse the latter although 8 is the length we allow. 10^6 guesses
 * are out of reach online, where failed logins are throttled (5 per account and address in 15 minutes), and each
 * offline guess costs an Argon2id hash.
 *
 * <p>zxcvbn's time grows much faster than the length of what it measures (its l33t matcher tries every reading of
 * every l33t character, and repeats are measured again inside): 64 characters of digits and symbols take a third of a
 * second, 128 several seconds (zxcvbn4j issue 130). Registration is open to anyone, so only the first {@link
 * #MEASURED} characters are measured: a few milliseconds, tens at worst. A longer password is as strong as its
 * beginning at least; one that begins guessably is refused.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 2;
    static final int MEASURED = 20;

    private static final String USER_INPUTS = "user_inputs";

    private final Zxcvbn zxcvbn = new Zxcvbn();

    PasswordRules() {
        // loads zxcvbn's dictionaries now rather than in the first registration
        zxcvbn.measure("warm-up");
    }

    /**
     * The rules {@code password} breaks as a new password of {@code email} (null when it is not known yet or is not a
     * valid address), each under {@code field}; empty when it meets them all.
     */
    List<FieldProblem> problems(String field, @Nullable String password, @Nullable String email) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null) {
            problems.add(new FieldProblem(field, "must be 8 to 128 characters long"));
        } else if (!wellFormed(password)) {
            // hashed as UTF-8, which an unpaired surrogate cannot be encoded in
            problems.add(new FieldProblem(field, "must be valid Unicode text"));
        } else {
            int length = password.codePointCount(0, password.length());
            if (length < MIN_LENGTH || length > MAX_LENGTH) {
                problems.add(new FieldProblem(field, "must be 8 to 128 characters long"));
            } else {
                guessable(password, email).ifPresent(why -> problems.add(new FieldProblem(field, why)));
            }
        }
        return problems;
    }

    private Optional<String> guessable(String password, @Nullable String email) {
        List<String> inputs = userInputs(email);
        if (email != null) {
            String address = EmailAddresses.normalize(email);
            String typed = password.trim().toLowerCase(Locale.ROOT);
            if (typed.equals(address) || typed.equals(address.substring(0, Math.max(0, address.lastIndexOf('@'))))) {
                return Optional.of("must not be your email address");
            }
        }
        String measured = password.codePoints()
                .limit(MEASURED)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        Strength strength = zxcvbn.measure(measured, inputs);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        boolean fromEmail = strength.getSequence().stream().anyMatch(match -> USER_INPUTS.equals(match.dictionaryName));
        if (fromEmail) {
            return Optional.of("is too easy to guess: it is made from your email address");
        }
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        String reason = warning == null || warning.isBlank()
                ? "add another word or two; uncommon words are better"
                : Character.toLowerCase(warning.charAt(0))
                        + warning.substring(1).replaceAll("\\.$", "");
        return Optional.of("is too easy to guess: " + reason);
    }

    /** The email, its local part, its domain and the words of both, and the service's name: never a password. */
    private static List<String> userInputs(@Nullable String email) {
        Set<String> inputs = new LinkedHashSet<>();
        if (email != null) {
            String address = EmailAddresses.normalize(email);
            int at = address.lastIndexOf('@');
            inputs.add(address);
            inputs.add(at < 0 ? address : address.substring(0, at));
            if (at >= 0) {
                inputs.add(address.substring(at + 1));
            }
            for (String word : address.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    inputs.add(word);
                }
            }
        }
        inputs.add("yarda");
        return List.copyOf(inputs);
    }

    /** No unpaired surrogates (and no NUL, which PostgreSQL text cannot hold). */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
