package com.yarda.platform;

/** One broken rule of a request: {@code field} is the JSON name of the field, snake_case. */
public record FieldProblem(String field, String message) {}
