package com.yarda.apikey;

import com.yarda.platform.DerivedKeys;
import com.yarda.platform.KnownApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * API keys: made, and hashed for the database.
 *
 * <p>A key is {@code yk_} and the base64url of 32 random bytes: 256 bits that nobody guesses, so a fast hash is
 * enough (a slow one, like a password's, would cost every request and add nothing). It is HMAC-SHA256, keyed with a
 * key derived from the service's secret ({@link DerivedKeys}) that never reaches the database: what the database or
 * a backup holds is no key, and cannot even test a guess offline. Every instance sharing the secret computes the same
 * hash; were the secret changed, every key stops working and its user makes a new one.
 */
@Component
class ApiKeySecrets {

    static final String PURPOSE = "yarda api keys v1";
    static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final Pattern FORM = Pattern.compile(Pattern.quote(KnownApiKeys.PREFIX) + "[A-Za-z0-9_-]{43}");

    private final SecretKey hashKey;
    private final SecureRandom random;

    ApiKeySecrets(DerivedKeys keys, SecureRandom random) {
        this.hashKey = keys.forPurpose(PURPOSE);
        this.random = random;
    }

    /** A new key: {@code yk_} and 43 characters of base64url, no padding. */
    String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return KnownApiKeys.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code value} has the form of a key: anything else is no key, and is not looked up. */
    static boolean wellFormed(String value) {
        return FORM.matcher(value).matches();
    }

    /** What the database keeps of {@code key}, and finds it by: 32 bytes. */
    byte[] hash(String key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hashKey);
            return mac.doFinal(key.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
