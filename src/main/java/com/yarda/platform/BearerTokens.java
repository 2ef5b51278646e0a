package com.yarda.platform;

import com.yarda.platform.KnownApiKeys.Holder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The API's bearer tokens, as Spring Security's resource server hands them over: one that starts with {@code yk_} is
 * an API key, looked up by {@link KnownApiKeys} in the database; any other is an access token, a JWT checked by the
 * decoder as before. A key that is no key (unknown, deleted, malformed) fails like a bad access token (401); a key of a
 * suspended account fails with {@link SuspendedAccountKey} (403).
 */
final class BearerTokens implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

    private final JwtAuthenticationProvider accessTokens;
    // looked up per request: the feature that implements it needs beans of the security configuration
    private final ObjectProvider<KnownApiKeys> apiKeys;

    BearerTokens(JwtDecoder decoder, ObjectProvider<KnownApiKeys> apiKeys) {
        this.accessTokens = new JwtAuthenticationProvider(decoder);
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)
                || !bearer.getToken().startsWith(KnownApiKeys.PREFIX)) {
            return accessTokens.authenticate(authentication);
        }
        // a database failure propagates: DatabaseOutageFilter answers 503, as for any request that cannot reach it
        Holder holder = apiKeys.getObject()
                .holder(bearer.getToken())
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown API key"));
        if (holder.suspended()) {
            log.debug("API key {} refused: user {} is suspended", holder.keyId(), holder.userId());
            throw new SuspendedAccountKey();
        }
        return new ApiKeyAuthentication(holder.userId(), holder.keyId());
    }
}
