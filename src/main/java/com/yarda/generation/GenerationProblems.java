package com.yarda.generation;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The failures of accepting a generation, each one {@code error} code of API.md. */
final class GenerationProblems {

    private GenerationProblems() {}

    static final class IdempotencyInFlight extends ProblemException {
        IdempotencyInFlight() {
            super(
                    HttpStatus.CONFLICT,
                    "idempotency_in_flight",
                    "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry in a moment.");
        }
    }

    static final class IdempotencyKeyReused extends ProblemException {
        IdempotencyKeyReused() {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }
    }
}
