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

    static final class InvalidToken extends ProblemException {
        InvalidToken() {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid_token",
                    "Invalid verification link",
                    "This verification link is unknown or has already been used. Request a new one.");
        }
    }

    static final class TokenExpired extends ProblemException {
        TokenExpired() {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "token_expired",
                    "Verification link expired",
                    "This verification link is more than 1 hour old. Request a new one.");
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
}
