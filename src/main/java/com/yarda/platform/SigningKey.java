package com.yarda.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HMAC-SHA256 key that signs access tokens: from configuration, or generated once into the data directory. */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final int MIN_BYTES = 32;

    private SigningKey() {}

    static SecretKey load(SecurityProperties security, Path dataDir, SecureRandom random) {
        byte[] bytes = security.jwtSecret() != null && !security.jwtSecret().isBlank()
                ? decode(security.jwtSecret().trim(), "yarda.security.jwt-secret")
                : fromFile(dataDir.resolve("jwt-signing.key"), random);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] fromFile(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[MIN_BYTES];
                random.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(fresh) + "\n",
                            StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    restrictToOwner(file);
                    log.info("Generated a new token signing key in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another instance sharing this data directory wrote it first: use theirs
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be base64", e);
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(source + " must hold at least " + MIN_BYTES + " bytes (256 bits)");
        }
        return bytes;
    }
}
