package com.yarda.platform;

import org.springframework.http.HttpStatus;

/** An unknown id, or one that belongs to someone else: both look the same to the caller. */
public class NotFound extends ProblemException {

    public NotFound(String what) {
        super(HttpStatus.NOT_FOUND, "not_found", "Not found", what + " was not found.");
    }
}
