package com.yarda.site;

/**
 * An outside service did not answer usefully: refused, timed out, failed or sent something unreadable. Its message
 * is safe to log: it never holds a key or a full URL.
 */
class LookupFailed extends RuntimeException {

    LookupFailed(String message) {
        super(message);
    }

    LookupFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
