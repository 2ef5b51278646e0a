package com.yarda.designer.builtin;

/**
 * What one wish did to a design, for the notes.
 *
 * @param applied whether the wish was met: else {@code detail} says why it could not be
 * @param visible whether the drawing shows it: keeping a plant is met without changing anything
 * @param detail what changed, or why nothing could, e.g. {@code the lawn is about a third smaller}
 */
record Change(boolean applied, boolean visible, String detail) {

    static Change made(String detail) {
        return new Change(true, true, detail);
    }

    static Change noted(String detail) {
        return new Change(true, false, detail);
    }

    static Change refused(String why) {
        return new Change(false, false, why);
    }
}
