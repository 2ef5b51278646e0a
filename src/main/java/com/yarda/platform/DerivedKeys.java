package com.yarda.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for purposes other than signing access tokens, derived from the service's one secret (the token signing key:
 * {@code yarda.security.jwt-secret}, or the key generated once into the data directory). Each purpose gets a key of
 * its own, HKDF-Expand (RFC 5869) with the secret as the pseudo-random key and the purpose as {@code info}: every
 * instance that shares the secret derives the same keys without more configuration, and a derived key tells nothing
 * of the secret or of another purpose's key.
 */
public final class DerivedKeys {

    private static final String HMAC = "HmacSHA256";

    private final SecretKey secret;

    DerivedKeys(SecretKey secret) {
        this.secret = secret;
    }

    /** The 256-bit HMAC-SHA256 key of {@code purpose}, e.g. {@code "yarda share links v1"}. */
    public SecretKey forPurpose(String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1); // HKDF-Expand's first (and only) block of output: T(1)
            return new SecretKeySpec(mac.doFinal(), HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
