package com.yarda.account;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The failures of the account journey, each one {@code error} code of API.md. */
final class AccountProblems {

    private AccountProblems() {}

    static final class EmailTaken extends ProblemException {
        EmailTaken() {
            super(
                    HttpStatus.CONFLICT,
                    "email_taken",
                    "Email already registered",
                    "An account with this email already exists. Log in, or reset your password.");
        }
    }

    /** A link's token that is unknown, was replaced by a newer one, or was used. */
    static final class InvalidToken extends ProblemException {
        InvalidToken() {
            this("This verification link is unknown or has already been used. Request a new one.");
        }

        InvalidToken(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_token", "Invalid link", detail);
        }
    }

    static final class TokenExpired extends ProblemException {
        TokenExpired() {
            this("This verification link is more than 1 hour old. Request a new one.");
        }

        TokenExpired(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "token_expired", "Link expired", detail);
        }
    }

    static final class InvalidCredentials extends ProblemException {
        InvalidCredentials() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_credentials",
                    "Invalid credentials",
                    "The email or password is wrong.");
        }
    }

    /** The right password of an account an operator suspended: told only to whoever knows the password. */
    static final class AccountSuspended extends ProblemException {
        static final String DETAIL = "This account is suspended. Write to us if you think this is a mistake.";

        AccountSuspended() {
            super(HttpStatus.FORBIDDEN, "account_suspended", "Account suspended", DETAIL);
        }
    }

    static final class AlreadySuspended extends ProblemException {
        AlreadySuspended() {
            super(HttpStatus.CONFLICT, "already_suspended", "Already suspended", "This account is suspended already.");
        }
    }

    static final class NotSuspended extends ProblemException {
        NotSuspended() {
            super(HttpStatus.CONFLICT, "not_suspended", "Not suspended", "This account is not suspended.");
        }
    }
}
