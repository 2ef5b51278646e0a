package com.yarda.platform;

import java.util.UUID;

/**
 * Whether a user id still names an account. A bearer token or a browser session outlives the account it was issued
 * for when the account is deleted; asked on every authenticated request, this makes them stop working at once.
 */
public interface KnownUsers {

    boolean exists(UUID userId);
}
