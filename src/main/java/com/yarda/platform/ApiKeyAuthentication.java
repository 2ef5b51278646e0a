package com.yarda.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A request authenticated by an API key rather than an access token. Its principal is the key's user, with
 * {@link #NO_EPOCH}: a key is ended by its deletion, not by the user's token epoch ("log out everywhere", a password
 * change), and it was looked up for this very request ({@link BearerTokens}), so {@link EndedTokens} leaves it alone.
 * The key itself is not kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /**
     * The epoch of a key's {@link CurrentUser}: below every real token epoch (they start at 0 and only rise), so that
     * anything that did compare it would find it ended, never current.
     */
    static final long NO_EPOCH = -1;

    private final CurrentUser user;
    private final UUID keyId;

    ApiKeyAuthentication(UUID userId, UUID keyId) {
        super(AuthorityUtils.NO_AUTHORITIES);
        this.user = new CurrentUser(userId, NO_EPOCH);
        this.keyId = keyId;
        setAuthenticated(true);
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    UUID keyId() {
        return keyId;
    }
}
