package com.yarda.designer.gemini;

import com.yarda.designer.DesignFailed;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A failure of one call to Gemini that another try may cure, with the failure to throw when no try is left. */
final class Transient extends RuntimeException {

    final String detail;
    final @Nullable Duration retryAfter;
    final DesignFailed failure;

    Transient(String detail, @Nullable Duration retryAfter, DesignFailed failure) {
        super(detail, null, false, false);
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.failure = failure;
    }
}
