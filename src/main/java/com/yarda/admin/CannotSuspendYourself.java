package com.yarda.admin;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An admin asked to suspend their own account, which would lock them out of the operator pages. */
final class CannotSuspendYourself extends ProblemException {

    CannotSuspendYourself() {
        super(
                HttpStatus.CONFLICT,
                "cannot_suspend_yourself",
                "Cannot suspend yourself",
                "An admin cannot suspend their own account; ask another admin.");
    }
}
