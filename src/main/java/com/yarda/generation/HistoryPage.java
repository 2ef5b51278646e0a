package com.yarda.generation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a user's history, newest first: {@code {items, total, limit, offset}} of API.md, and the cursor of the
 * page after it.
 *
 * @param offset how many designs of the history come before this page (also when it was asked for by cursor)
 */
public record HistoryPage(
        List<Generation> items,
        long total,
        int limit,
        long offset,

        @Schema(
                description = "The page after this one: pass it as before= (with the same status, and no offset)."
                        + " Opaque; null on the last page.",
                example = "AAYUpN0yS4iS0o3mSl1E5rQsV1uHm2Kf",
                types = {"string", "null"})
        @Nullable
        String nextBefore) {}
