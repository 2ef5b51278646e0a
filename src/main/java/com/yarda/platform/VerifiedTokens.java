package com.yarda.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access tokens' decoder, remembering the tokens whose signature it has verified: a client sends the same token
 * with every request for as long as it lives, and parsing it and checking its HMAC were a tenth of the service's CPU
 * per request. A token seen before is taken from a bounded cache, keyed by the SHA-256 of its text (the cache holds
 * no usable token), and validated again on every request as a new one is (expiry against the clock, issuer), so that
 * it ends at its {@code exp} to the second. Its signature needs no second check: the text is the one that was
 * verified. Whether the token still stands for its account (deletion, suspension, a new token epoch) is not the
 * decoder's concern: {@link EndedTokens} asks the database on every request, so caching here delays no revocation.
 */
final class VerifiedTokens implements JwtDecoder {

    /** About a kilobyte each: a few megabytes at most. A token evicted is simply verified again. */
    static final int CAPACITY = 4096;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * The decoder of the service's access tokens signed with {@code key}: HS256 only ("none" and every other algorithm
     * are refused), {@code exp} against {@code clock}, issuer {@value AccessTokens#ISSUER}.
     */
    static VerifiedTokens accessTokens(SecretKey key, Clock clock, int capacity) {
        OAuth2TokenValidator<Jwt> validator = validator(clock);
        return new VerifiedTokens(verifier(key, validator), validator, capacity);
    }

    /** What every use of an access token has to pass: not expired by {@code clock}, issued by this service. */
    static OAuth2TokenValidator<Jwt> validator(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(AccessTokens.ISSUER));
    }

    /** Checks an access token's HS256 signature under {@code key}, parses it and applies {@code validator}. */
    static JwtDecoder verifier(SecretKey key, OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /**
     * @param verifier checks the signature and parses (and may validate) a token not seen before
     * @param validator what every use of a token has to pass again, the cached ones included
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt jwt = verified.getIfPresent(key);
        if (jwt == null) {
            jwt = verifier.decode(token);
            verified.put(key, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(key);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    /** How many tokens are remembered now (for tests: the bound holds). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
