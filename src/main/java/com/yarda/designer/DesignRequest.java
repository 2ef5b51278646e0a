package com.yarda.designer;

import com.yarda.site.HardinessZone;
import com.yarda.site.SiteImage;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to design: a photo of the yard, or the address of the home, or a photo and where it was taken.
 *
 * @param generationId the generation this is for (for logs and deterministic variation)
 * @param customPrompt the homeowner's own instructions, at most 500 characters
 * @param zone the site's USDA hardiness zone, when known: only plants hardy there may be proposed
 * @param siteImages pictures of the site fetched for the address (street, overhead); may be empty
 * @param refinement for a refinement of an earlier design: that design and the homeowner's feedback on it; null for a
 *     first design
 */
public record DesignRequest(
        UUID generationId,
        Style style,
        @Nullable String address,
        @Nullable Photo photo,
        @Nullable String customPrompt,
        @Nullable HardinessZone zone,
        List<SiteImage> siteImages,
        @Nullable Refinement refinement) {

    public DesignRequest {
        if (address == null && photo == null) {
            throw new IllegalArgumentException("a design needs an address or a photo");
        }
        siteImages = List.copyOf(siteImages);
    }

    /** A request of which nothing more is known than what the homeowner gave. */
    public DesignRequest(
            UUID generationId,
            Style style,
            @Nullable String address,
            @Nullable Photo photo,
            @Nullable String customPrompt) {
        this(generationId, style, address, photo, customPrompt, null, List.of(), null);
    }

    /** A first design of a site, of which the zone and pictures are known. */
    public DesignRequest(
            UUID generationId,
            Style style,
            @Nullable String address,
            @Nullable Photo photo,
            @Nullable String customPrompt,
            @Nullable HardinessZone zone,
            List<SiteImage> siteImages) {
        this(generationId, style, address, photo, customPrompt, zone, siteImages, null);
    }

    /** The plants this design may use: the style's, hardy in the site's zone. */
    public List<Plant> palette() {
        return Palette.of(style, zone);
    }

    /**
     * An edit of an earlier design, not a new one: the designer changes what the feedback asks for and keeps the rest.
     *
     * @param feedback what the homeowner asked for, oldest first along the lineage: the last entry is this refinement's,
     *     the earlier ones were applied to the designs it refines (a designer that redraws rather than edits applies
     *     them all again, so earlier wishes are not lost)
     * @param parentImage the design being refined, as the homeowner saw it
     * @param parentStyle the style of the design being refined (a refinement may move to another style)
     */
    public record Refinement(List<String> feedback, byte[] parentImage, String parentContentType, Style parentStyle) {

        public Refinement {
            if (feedback.isEmpty()) {
                throw new IllegalArgumentException("a refinement says what to change");
            }
            feedback = List.copyOf(feedback);
        }

        /** This refinement's own feedback. */
        public String latest() {
            return feedback.getLast();
        }
    }

    /** A sanitised input photo (already validated and re-encoded, without metadata). */
    public record Photo(byte[] bytes, String contentType, int width, int height) {}
}
