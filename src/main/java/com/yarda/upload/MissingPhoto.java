package com.yarda.upload;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload request without its {@code file} part: 400 {@code malformed_request}. */
final class MissingPhoto extends ProblemException {

    MissingPhoto() {
        super(
                HttpStatus.BAD_REQUEST,
                "malformed_request",
                "Bad request",
                "The request has no photo: send it as the multipart/form-data part named file.");
    }
}
