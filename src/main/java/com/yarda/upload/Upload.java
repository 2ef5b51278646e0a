package com.yarda.upload;

import java.time.Instant;
import java.util.UUID;

/** An uploaded photo as the API shows it; {@code url} is what {@code input_photo_url} refers to. */
public record Upload(
        UUID id, String url, String contentType, int width, int height, long sizeBytes, Instant createdAt) {}
