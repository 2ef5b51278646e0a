package com.yarda.generation;

import java.time.Instant;
import java.util.UUID;

/**
 * A generation ended, {@code completed} or {@code failed}, by whichever path ended it (the worker's result, a failed
 * attempt, the last attempt's lease running out). Published inside the ending transaction: a listener that records
 * what must follow the end (a webhook delivery) writes it in that transaction, so both commit together or neither
 * does.
 *
 * @param endedAt when it ended, as {@code completed_at} says
 */
public record GenerationEnded(UUID generationId, UUID userId, GenerationStatus status, Instant endedAt) {}
