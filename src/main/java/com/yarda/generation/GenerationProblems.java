package com.yarda.generation;

import com.yarda.platform.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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

    static final class GenerationNotCompleted extends ProblemException {
        GenerationNotCompleted(String detail) {
            super(HttpStatus.CONFLICT, "generation_not_completed", "Generation not completed", detail);
        }
    }

    /** A photo design whose photo the homeowner deleted: the designer would have nothing to draw on. */
    static final class PhotoDeleted extends ProblemException {
        PhotoDeleted() {
            super(
                    HttpStatus.CONFLICT,
                    "photo_deleted",
                    "Photo deleted",
                    "The photo this design was made from has been deleted, so the design cannot be refined. Start a"
                            + " new design from a photo instead.");
        }
    }

    static final class GenerationInProgress extends ProblemException {
        GenerationInProgress(String detail) {
            super(HttpStatus.CONFLICT, "generation_in_progress", "Generation in progress", detail);
        }
    }

    /**
     * The connection to the database was lost while the generation was being committed and the database did not
     * come back in time to tell whether the commit happened. Still 503 {@code unavailable}, but honest about it,
     * and naming the generation so that the client can look for it or retry with its Idempotency-Key.
     */
    static final class AcceptOutcomeUnknown extends ProblemException {
        private final UUID generationId;

        AcceptOutcomeUnknown(UUID generationId) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "unavailable",
                    "Service Unavailable",
                    "The connection to the database was lost while this generation was being saved, so it may or may"
                            + " not have been accepted. Retry with the same Idempotency-Key to be charged at most once,"
                            + " or look for generation_id in your history.");
            this.generationId = generationId;
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of("generation_id", generationId);
        }

        @Override
        protected HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return headers;
        }
    }
}
