package com.yarda.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a registration: the new user (its fields at the top level, as API.md's user) and a {@code notice}.
 *
 * @param notice a sentence for the new user when their account is not what they may expect (no free trial credits,
 *     because their mailbox had them with another account); null otherwise
 */
public record Registration(
        @JsonUnwrapped User user, @Nullable String notice) {

    static final String NO_TRIAL = "This mailbox has already had its free trial credits with another account, so"
            + " this account starts with 0 trial credits. Buy tokens to create designs.";
}
