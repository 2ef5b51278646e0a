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
 */
public record DesignRequest(
        UUID generationId,
        Style style,
        @Nullable String address,
        @Nullable Photo photo,
        @Nullable String customPrompt,
        @Nullable HardinessZone zone,
        List<SiteImage> siteImages) {

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
        this(generationId, style, address, photo, customPrompt, null, List.of());
    }

    /** The plants this design may use: the style's, hardy in the site's zone. */
    public List<Plant> palette() {
        return Palette.of(style, zone);
    }

    /** A sanitised input photo (already validated and re-encoded, without metadata). */
    public record Photo(byte[] bytes, String contentType, int width, int height) {}
}
