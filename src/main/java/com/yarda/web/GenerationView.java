package com.yarda.web;

import com.yarda.generation.Generation;
import com.yarda.generation.InputType;
import com.yarda.site.Site;
import org.jspecify.annotations.Nullable;

/**
 * A generation as the pages show it, with the pages' own image addresses (the API's need a bearer token). Public
 * because templates call its methods.
 *
 * @param beforeUrl the "before" picture: the photo of a photo design, the picture of an address design's site
 * @param overheadUrl the overhead picture of the site, when one was fetched
 */
public record GenerationView(
        Generation g,
        @Nullable String photoUrl,
        @Nullable String imageUrl,
        String styleName,
        @Nullable String beforeUrl,
        @Nullable String overheadUrl) {

    /** The credit the zone data asks for wherever a zone is shown. */
    public static final String ZONE_ATTRIBUTION = Site.ZONE_ATTRIBUTION;

    public boolean finished() {
        return g.status().finished();
    }

    /** A photo design whose photo was deleted: it has no before and cannot be refined. */
    public boolean photoDeleted() {
        return g.inputType() == InputType.PHOTO && g.inputPhotoUrl() == null;
    }

    /** The site's USDA zone, e.g. {@code 5a}; null when unknown. */
    public @Nullable String zone() {
        return g.site() == null || g.site().hardinessZone() == null
                ? null
                : g.site().hardinessZone().toString();
    }
}
