package com.yarda.generation;

import com.yarda.credits.CreditType;
import com.yarda.designer.Material;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Style;
import com.yarda.site.Site;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A generation as the API shows it (API.md, "generation").
 *
 * @param site where the yard is and what grows there; null for a photo without an address, and until the worker
 *     has resolved it
 * @param plants the plants of a completed design, numbered as drawn; empty until it is completed
 * @param materials the hardscape materials of a completed design; empty until it is completed
 * @param parentId the design this one refines; null for a first design
 * @param feedback what the homeowner asked to change, for a refinement
 * @param notes what the designer says about the design, e.g. which wishes of a refinement it applied
 * @param deleted true only where a list names a deleted design (its versions, its comparison): then nothing
 *     personal is left in it
 */
public record Generation(
        UUID id,
        GenerationStatus status,
        InputType inputType,
        @Nullable String inputPhotoUrl,
        @Nullable String inputAddress,
        Style style,
        @Nullable String customPrompt,
        @Nullable String outputImageUrl,
        @Nullable String errorMessage,
        @Nullable Long processingTimeMs,
        CreditType creditType,
        boolean creditRefunded,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Site site,
        List<PlacedPlant> plants,
        List<Material> materials,
        @Nullable UUID parentId,
        @Nullable String feedback,
        List<String> notes,
        boolean deleted) {}
