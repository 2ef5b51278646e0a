package com.yarda.generation;

import com.yarda.platform.ValidationFailed;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A place in a user's history: the sort key ({@code created_at DESC, id DESC}) of the last design of a page, so that
 * the next page is the designs after it, however many were added or deleted meanwhile. On the wire ({@code
 * next_before}, {@code before}) it is the base64url of the creation time in microseconds and the id, 24 bytes: opaque
 * to clients, and no authority either: it only says where to start in the history of whoever asks.
 */
record HistoryCursor(Instant createdAt, UUID id) {

    private static final int BYTES = 24;
    // years 1 to 9999: no cursor of ours lies outside, and PostgreSQL's timestamptz ends not far beyond
    private static final long EARLIEST =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"));
    private static final long LATEST = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));

    static HistoryCursor of(GenerationRow row) {
        return new HistoryCursor(row.createdAt(), row.id());
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        ByteBuffer bytes = ByteBuffer.allocate(BYTES)
                .putLong(micros)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor {@code text} names; 422 {@code validation_failed} on {@code before} when it is not one we made. */
    static HistoryCursor parse(String text) {
        // 24 bytes are exactly 32 base64 characters, no padding
        if (text.length() != 32 || !text.chars().allMatch(HistoryCursor::base64url)) {
            throw malformed();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
        long micros = bytes.getLong();
        if (micros < EARLIEST || micros > LATEST) {
            throw malformed();
        }
        return new HistoryCursor(
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS), new UUID(bytes.getLong(), bytes.getLong()));
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static ValidationFailed malformed() {
        return new ValidationFailed("before", "must be the next_before of an earlier page");
    }
}
