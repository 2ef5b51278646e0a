package com.yarda.account;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A verified-only action by a user who has not verified their email yet. */
public final class EmailNotVerified extends ProblemException {

    public EmailNotVerified() {
        super(
                HttpStatus.FORBIDDEN,
                "email_not_verified",
                "Email not verified",
                "Verify your email address first: follow the link we sent you, or ask for a new one.");
    }
}
