package com.yarda.generation;

import java.util.UUID;

/**
 * A user deleted one of their designs ({@link Generations#delete}). Published inside the deleting transaction:
 * listeners that end what refers to the design (a share link) do it in that transaction, so both commit together
 * or neither does.
 */
public record GenerationDeleted(UUID userId, UUID generationId) {}
