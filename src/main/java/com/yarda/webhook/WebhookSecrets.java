package com.yarda.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.yarda.platform.DerivedKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signing secrets: made, sealed for the database, and used to sign.
 *
 * <p>Unlike an API key, a signing secret must be read back in clear, to sign every delivery. So it is kept sealed
 * (AES-256-GCM) under a key of its own derived from the service's secret ({@link DerivedKeys}), which never reaches
 * the database, with the endpoint's id as associated data (a sealed secret copied to another row does not open).
 * A reader of the database or of a backup can neither sign as the service nor read a secret. Were the service's
 * secret changed, the sealed secrets no longer open: their deliveries fail with a message saying so, and the user
 * adds the endpoint again.
 *
 * <p>Signing is the Standard Webhooks reference library's ({@code com.standardwebhooks:standardwebhooks}):
 * {@code v1,} and the base64 of HMAC-SHA256, keyed with the base64-decoded secret, of
 * {@code webhook-id + "." + webhook-timestamp + "." + body}.
 */
@Component
class WebhookSecrets {

    static final String PURPOSE = "yarda webhook secrets v1";
    static final String PREFIX = "whsec_";
    static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    WebhookSecrets(DerivedKeys keys, SecureRandom random) {
        this.key = new SecretKeySpec(keys.forPurpose(PURPOSE).getEncoded(), "AES");
        this.random = random;
    }

    /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** What the database keeps of the secret of endpoint {@code endpointId}: the nonce, then the ciphertext. */
    byte[] seal(UUID endpointId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, endpointId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The secret of endpoint {@code endpointId} from what {@link #seal} made of it.
     *
     * @throws IllegalStateException when it does not open: the service's secret changed since it was sealed
     */
    String unseal(UUID endpointId, byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, endpointId, Arrays.copyOf(sealed, NONCE_BYTES));
            return new String(
                    cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing secret of webhook " + endpointId
                    + " cannot be opened: the service's secret changed since it was added; add the webhook again");
        }
    }

    /** The {@code webhook-signature} header of one attempt. */
    static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("a secret made by newSecret() signs", e);
        }
    }

    private Cipher cipher(int mode, UUID endpointId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16)
                .putLong(endpointId.getMostSignificantBits())
                .putLong(endpointId.getLeastSignificantBits())
                .array());
        return cipher;
    }
}
