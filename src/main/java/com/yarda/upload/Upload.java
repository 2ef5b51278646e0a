package com.yarda.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded photo as the API shows it; {@code url} is what {@code input_photo_url} refers to.
 *
 * @param usedBy the designs made from it that are not deleted, oldest first; a photo that no design uses is removed
 *     after {@code yarda.uploads.unused-retention}
 */
public record Upload(
        UUID id,
        String url,
        String contentType,
        int width,
        int height,
        long sizeBytes,
        Instant createdAt,
        List<UUID> usedBy) {

    public Upload {
        usedBy = List.copyOf(usedBy);
    }
}
