package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.designer.Style;
import com.yarda.platform.ApiValue;
import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code generations} (V4__generations.sql and the migrations after it), as both the queue and the
 * history read it.
 *
 * @param familyId the first design of this generation's lineage (itself for a first design)
 * @param parentId the design this one refines; null for a first design
 * @param feedback what the homeowner asked to change, for a refinement
 */
record GenerationRow(
        UUID id,
        UUID userId,
        GenerationStatus status,
        InputType inputType,
        @Nullable String inputAddress,
        @Nullable UUID inputUploadId,
        Style style,
        @Nullable String customPrompt,
        CreditType creditType,
        boolean creditRefunded,
        @Nullable String outputImageKey,
        @Nullable String outputContentType,
        @Nullable String errorMessage,
        int attempts,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Long processingTimeMs,
        @Nullable String siteJson,
        @Nullable String streetImageKey,
        @Nullable String overheadImageKey,
        String plantsJson,
        String materialsJson,
        @Nullable UUID parentId,
        UUID familyId,
        @Nullable String feedback,
        String notesJson,
        @Nullable UUID comparisonId,
        boolean deleted) {

    /** The columns {@link #read} expects, for {@code SELECT} and {@code RETURNING}. */
    static final String COLUMNS = """
            id, user_id, status, input_type, input_address, input_upload_id, style, custom_prompt, credit_type,
            credit_refunded, output_image_key, output_content_type, error_message, attempts, created_at,
            started_at, completed_at, processing_time_ms, site, street_image_key, overhead_image_key, plants,
            materials, parent_id, family_id, feedback, notes, comparison_id, deleted_at IS NOT NULL AS deleted""";

    /**
     * What a request asks for, before the accept transaction decides the rest (id, credit, time).
     *
     * @param comparisonPosition where it stands in its comparison (0, 1, 2); null outside a comparison
     */
    record Draft(
            InputType inputType,
            @Nullable String inputAddress,
            @Nullable UUID inputUploadId,
            Style style,
            @Nullable String customPrompt,
            @Nullable UUID parentId,
            @Nullable UUID familyId,
            @Nullable String feedback,
            @Nullable UUID comparisonId,
            @Nullable Integer comparisonPosition) {

        /** A first design, on its own. */
        static Draft first(
                InputType inputType,
                @Nullable String inputAddress,
                @Nullable UUID inputUploadId,
                Style style,
                @Nullable String customPrompt) {
            return new Draft(inputType, inputAddress, inputUploadId, style, customPrompt, null, null, null, null, null);
        }

        Draft inComparison(UUID comparisonId, int position) {
            return new Draft(
                    inputType,
                    inputAddress,
                    inputUploadId,
                    style,
                    customPrompt,
                    parentId,
                    familyId,
                    feedback,
                    comparisonId,
                    position);
        }
    }

    /** A new generation of {@code draft}, accepted at {@code now} and waiting for a worker. */
    static GenerationRow pending(UUID id, UUID userId, Draft draft, CreditType paidWith, Instant now) {
        return new GenerationRow(
                id,
                userId,
                GenerationStatus.PENDING,
                draft.inputType(),
                draft.inputAddress(),
                draft.inputUploadId(),
                draft.style(),
                draft.customPrompt(),
                paidWith,
                false,
                null,
                null,
                null,
                0,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                "[]",
                "[]",
                draft.parentId(),
                draft.familyId() != null ? draft.familyId() : id,
                draft.feedback(),
                "[]",
                draft.comparisonId(),
                false);
    }

    static GenerationRow read(ResultSet rs, int rowNum) throws SQLException {
        return new GenerationRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                GenerationStatus.of(rs.getString("status")),
                InputType.of(rs.getString("input_type")),
                rs.getString("input_address"),
                rs.getObject("input_upload_id", UUID.class),
                ApiValue.of(Style.class, rs.getString("style")),
                rs.getString("custom_prompt"),
                ApiValue.of(CreditType.class, rs.getString("credit_type")),
                rs.getBoolean("credit_refunded"),
                rs.getString("output_image_key"),
                rs.getString("output_content_type"),
                rs.getString("error_message"),
                rs.getInt("attempts"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "completed_at"),
                rs.getObject("processing_time_ms", Long.class),
                rs.getString("site"),
                rs.getString("street_image_key"),
                rs.getString("overhead_image_key"),
                rs.getString("plants"),
                rs.getString("materials"),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getString("feedback"),
                rs.getString("notes"),
                rs.getObject("comparison_id", UUID.class),
                rs.getBoolean("deleted"));
    }

    Generation toGeneration(DesignParts parts) {
        return new Generation(
                id,
                status,
                inputType,
                inputUploadId == null ? null : "/api/uploads/" + inputUploadId + "/image",
                inputAddress,
                style,
                customPrompt,
                status == GenerationStatus.COMPLETED && !deleted ? "/api/generations/" + id + "/image" : null,
                errorMessage,
                processingTimeMs,
                creditType,
                creditRefunded,
                createdAt,
                startedAt,
                completedAt,
                parts.site(siteJson),
                parts.plants(plantsJson),
                parts.materials(materialsJson),
                parentId,
                feedback,
                parts.notes(notesJson),
                deleted);
    }

    /** The keys of every image this generation keeps: the design and the pictures of its site. */
    List<String> imageKeys() {
        return Stream.of(outputImageKey, streetImageKey, overheadImageKey)
                .filter(Objects::nonNull)
                .toList();
    }
}
