package com.yarda.upload;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A photo that a design still being drawn is made from cannot be deleted: 409 {@code generation_in_progress}, as for
 * deleting that design itself.
 */
final class PhotoInUse extends ProblemException {

    PhotoInUse() {
        super(
                HttpStatus.CONFLICT,
                "generation_in_progress",
                "Generation in progress",
                "A design made from this photo is still being drawn. Delete the photo once it has completed or"
                        + " failed.");
    }
}
