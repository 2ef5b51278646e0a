package com.yarda.generation;

import java.util.UUID;

/** A generation was accepted; workers may take it once the accepting transaction commits. */
record GenerationQueued(UUID id) {}
