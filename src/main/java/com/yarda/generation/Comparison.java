package com.yarda.generation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One input drawn in two or three styles, accepted together (API.md, "Refine, compare, share").
 *
 * @param generations one per style, in the order the styles were given, with their current statuses
 */
public record Comparison(UUID id, List<Generation> generations, Instant createdAt) {}
