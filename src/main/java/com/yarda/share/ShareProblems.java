package com.yarda.share;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of sharing, each one {@code error} code of API.md. */
final class ShareProblems {

    private ShareProblems() {}

    /** Only a completed design can be shared: there is nothing to show before, and a failed one has no image. */
    static final class GenerationNotCompleted extends ProblemException {
        GenerationNotCompleted() {
            super(
                    HttpStatus.CONFLICT,
                    "generation_not_completed",
                    "Generation not completed",
                    "Only a completed design can be shared. Wait until it is ready, or share another design.");
        }
    }
}
