package com.yarda.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * A request for a design, as received (JSON or multipart) and not yet validated.
 *
 * @param photo the image bytes of a multipart request's {@code photo} part
 */
public record NewGeneration(
        @Nullable String inputType,
        @Nullable String inputPhotoUrl,
        @Nullable String inputAddress,
        @Nullable String style,
        @Nullable String customPrompt,
        byte @Nullable [] photo) {

    /** A digest of everything that defines the request, to recognise a retry under the same Idempotency-Key. */
    byte[] fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {inputType, inputPhotoUrl, inputAddress, style, customPrompt}) {
                digest.update(field == null ? new byte[] {0} : ("\1" + field).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1F);
            }
            if (photo != null) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(photo));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
