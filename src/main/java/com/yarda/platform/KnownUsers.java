package com.yarda.platform;

import java.util.UUID;

/**
 * Whether a bearer token or a browser session still stands for an account. Each carries the account's token epoch
 * from when it was issued; a password change or reset, "log out everywhere" and a suspension raise the epoch, and a
 * deletion removes the account. Asked of the database on every authenticated request (no cache), on every instance,
 * this ends them all at once.
 */
public interface KnownUsers {

    boolean exists(UUID userId);

    /** Whether {@code userId} exists, is not suspended, and still has the token epoch {@code epoch}. */
    boolean current(UUID userId, long epoch);
}
