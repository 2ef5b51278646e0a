package com.yarda.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the signed bearer tokens that every authenticated {@code /api/**} request carries. */
@Component
public class AccessTokens {

    static final String ISSUER = "yarda";
    /** The user's token epoch when the token was issued ({@link KnownUsers#current}). */
    static final String EPOCH = "epoch";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, Clock clock, SecurityProperties properties) {
        this.encoder = encoder;
        this.clock = clock;
        this.ttl = properties.accessTokenTtl();
    }

    /**
     * A token for {@code userId}, valid for {@code yarda.security.access-token-ttl} or until the user's token epoch
     * moves past {@code epoch}.
     */
    public IssuedToken issue(UUID userId, long epoch) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(EPOCH, epoch)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, ttl.toSeconds());
    }

    /** The epoch {@code jwt} was issued under; 0 (every account's first) for a token from before epochs existed. */
    static long epoch(Jwt jwt) {
        Object claim = jwt.getClaims().get(EPOCH);
        return claim instanceof Number number ? number.longValue() : 0;
    }

    public record IssuedToken(String value, long expiresInSeconds) {}
}
