package com.yarda.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * The API keys that stand for their users ({@code Authorization: Bearer yk_…}), asked of the database on every request
 * that carries one (no cache, on every instance): a deleted key is refused at once. Implemented by the feature that
 * makes the keys; the API's security chain asks it ({@link BearerTokens}).
 */
public interface KnownApiKeys {

    /** How every API key begins, and how a bearer token is told to be one rather than an access token. */
    String PREFIX = "yk_";

    /**
     * Who holds {@code key}; empty for a value that is no key (never made, deleted, or not even of a key's form). A use
     * by an account that is not suspended counts as the key's last use.
     */
    Optional<Holder> holder(String key);

    /**
     * @param suspended the account is suspended: its keys stay, but are refused until it is reactivated
     */
    record Holder(UUID keyId, UUID userId, boolean suspended) {}
}
