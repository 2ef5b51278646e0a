package com.yarda.platform;

import org.springframework.security.core.AuthenticationException;

/**
 * A valid API key of a suspended account: refused with 403 {@code account_suspended} (not 401, the key is right), as
 * the account's logins are, until an operator reactivates the account; the key then works again.
 */
final class SuspendedAccountKey extends AuthenticationException {

    static final String DETAIL = "This account is suspended. Write to us if you think this is a mistake.";

    SuspendedAccountKey() {
        super("The API key's account is suspended");
    }
}
