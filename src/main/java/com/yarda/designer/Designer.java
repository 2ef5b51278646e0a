package com.yarda.designer;

/**
 * Draws a landscape design concept. Implementations are chosen by {@code yarda.designer.provider}: {@code builtin}
 * (offline, deterministic) or {@code gemini}. Called outside any database transaction; may take seconds.
 */
public interface Designer {

    /** The provider name recorded with each generation and shown in metrics, e.g. {@code builtin}. */
    String name();

    /**
     * Draws the design for {@code request}.
     *
     * @throws DesignFailed with a message a homeowner can read when no image could be made
     */
    Design design(DesignRequest request);
}
