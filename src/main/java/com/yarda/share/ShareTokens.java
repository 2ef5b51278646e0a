package com.yarda.share;

import com.yarda.platform.DerivedKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * The secret in a share link, and what the database keeps of it.
 *
 * <p>The contract asks for two things that pull apart: only a hash of the token may be stored (a reader of the
 * database, or of a backup, must not be able to open a link), yet asking again for a design's link must return the
 * same link. So the token is not kept but <em>derived</em>: a link has a seed of 32 bytes from the
 * {@link SecureRandom}, and its token is {@code base64url(HMAC-SHA256(K, seed))}, 43 characters, where {@code K} is
 * a key of its own derived from the service's secret ({@link DerivedKeys}) that never reaches the database. The row
 * keeps the seed and {@code SHA-256(token)}; a visit is looked up by that hash, so checking a token needs neither
 * {@code K} nor any comparison of secrets in Java (the database compares hashes of 256 bits, which tell an attacker
 * nothing even when the comparison is not constant time). Only showing the owner their link again needs {@code K}.
 *
 * <p>To anyone without the database the token is as unpredictable as its 256-bit seed, even to someone who learned
 * {@code K}; with the database but without {@code K} nothing opens. Were the service's secret changed, links given
 * out keep working (the hash does not depend on {@code K}), but a link can no longer be shown again: the next
 * request for it replaces it ({@link Shares#share}).
 */
@Component
class ShareTokens {

    static final String PURPOSE = "yarda share links v1";
    static final int SEED_BYTES = 32;
    /** base64url without padding of 32 bytes. */
    static final int TOKEN_LENGTH = 43;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey key;
    private final SecureRandom random;

    ShareTokens(DerivedKeys keys, SecureRandom random) {
        this.key = keys.forPurpose(PURPOSE);
        this.random = random;
    }

    /** The seed of a new link: 256 random bits. */
    byte[] newSeed() {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        return seed;
    }

    /** The token of the link with {@code seed}: the same seed gives the same token for as long as the key lasts. */
    String token(byte[] seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64URL.encodeToString(mac.doFinal(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What the database keeps of a token and looks a visit up by: SHA-256 of its characters. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code token} is still the token of a link that keeps {@code storedHash}. */
    static boolean matches(String token, byte[] storedHash) {
        return MessageDigest.isEqual(hash(token), storedHash);
    }
}
