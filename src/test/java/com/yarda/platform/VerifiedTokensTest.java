package com.yarda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.yarda.test.MutableClock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokensTest {

    private static final Duration TTL = Duration.ofHours(1);

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "HmacSHA256");
    private final MutableClock clock = new MutableClock();
    private final AccessTokens tokens = new AccessTokens(
            new NimbusJwtEncoder(new ImmutableSecret<>(key)), clock, new SecurityProperties(null, TTL));
    private final AtomicInteger verifications = new AtomicInteger();

    private VerifiedTokens decoder(int capacity) {
        OAuth2TokenValidator<Jwt> validator = VerifiedTokens.validator(clock);
        JwtDecoder nimbus = VerifiedTokens.verifier(key, validator);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counting, validator, capacity);
    }

    private String token() {
        return tokens.issue(UUID.randomUUID(), 0).value();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenTakenFromTheCache() {
        VerifiedTokens decoder = decoder(16);
        String token = token();

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
    }

    @Test
    void aCachedTokenStillEndsAtItsExpiry() {
        VerifiedTokens decoder = decoder(16);
        String token = token();
        decoder.decode(token);

        clock.advance(TTL.minusSeconds(1));
        assertThat(decoder.decode(token).getExpiresAt()).isNotNull();

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(decoder.size()).isZero();
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenWithAnyOtherSignatureIsVerifiedAndRefused() {
        VerifiedTokens decoder = decoder(16);
        String token = token();
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens decoder = decoder(8);
        for (int i = 0; i < 100; i++) {
            decoder.decode(token());
        }

        assertThat(decoder.size()).isLessThanOrEqualTo(8);
        assertThat(verifications).hasValue(100);
    }
}
