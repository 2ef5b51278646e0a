package com.yarda.designer;

/**
 * No design could be made. The message is shown to the homeowner, so it says what happened in plain words;
 * {@code retryable} tells the worker whether another try may succeed (timeouts, 429, 5xx) or not (content
 * blocked, bad request).
 */
public class DesignFailed extends RuntimeException {

    private final boolean retryable;

    public DesignFailed(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public DesignFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
