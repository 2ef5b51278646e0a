package com.yarda.platform;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated caller of a request. Declare it as a controller method parameter; a request without a valid
 * bearer token never reaches the method (401 {@code unauthenticated}). It is also the principal of a browser
 * session, which is stored in the database (hence serializable) and indexed by {@link #getName() the user id}.
 *
 * @param epoch the user's token epoch when the token or session was issued ({@link KnownUsers#current}); a session
 *     stored before epochs existed reads as 0, every account's first epoch; an API key has none ({@link
 *     ApiKeyAuthentication#NO_EPOCH}: no epoch ends it, its deletion does)
 */
public record CurrentUser(UUID id, long epoch) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return id.toString();
    }
}
