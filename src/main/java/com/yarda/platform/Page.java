package com.yarda.platform;

import java.util.List;

/** One page of a list, newest first: {@code {items, total, limit, offset}} in the API. */
public record Page<T>(List<T> items, long total, int limit, long offset) {}
