package com.yarda.share;

import com.yarda.designer.Material;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.generation.Generation;
import com.yarda.generation.InputType;
import com.yarda.site.Site;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a share link shows of a design, and nothing more: no address (neither the one typed nor the one geocoded), no
 * wishes, nothing of the owner. Public because templates call its methods.
 *
 * @param styleName the style, e.g. {@code Japanese Zen}
 * @param zone the site's USDA hardiness zone, e.g. {@code 5a}; null when unknown
 * @param plants numbered as drawn on the design
 * @param hasBefore whether there is a "before" picture (the photo, or the site's picture)
 * @param completedAt when the design was finished
 */
public record SharedDesign(
        String styleName,
        @Nullable String zone,
        List<PlacedPlant> plants,
        List<Material> materials,
        boolean hasBefore,
        Instant completedAt) {

    /** The credit the zone data asks for wherever a zone is shown. */
    public static final String ZONE_ATTRIBUTION = Site.ZONE_ATTRIBUTION;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC);

    public SharedDesign {
        plants = List.copyOf(plants);
        materials = List.copyOf(materials);
    }

    static SharedDesign of(Generation design) {
        Site site = design.site();
        // a photo design's before is its photo alone: none once the photo was deleted
        boolean before = design.inputType() == InputType.PHOTO
                ? design.inputPhotoUrl() != null
                : site != null && !site.imagery().isEmpty();
        return new SharedDesign(
                design.style().displayName(),
                site == null || site.hardinessZone() == null
                        ? null
                        : site.hardinessZone().toString(),
                design.plants(),
                design.materials(),
                before,
                Objects.requireNonNull(design.completedAt(), "a shared design is completed"));
    }

    /** Whether the designer said how many of any plant it placed (else the quantity column says to ask). */
    public boolean anyQuantity() {
        return plants.stream().anyMatch(p -> p.quantity() != null);
    }

    /** The day the design was finished, e.g. {@code May 1, 2026} (UTC: no time zone of the owner is shown). */
    public String completedOn() {
        return DAY.format(completedAt);
    }

    /** A plant's mature size, height × spread, e.g. {@code 6 × 5 m}. */
    public static String size(Plant plant) {
        return metres(plant.matureHeightM()) + " × " + metres(plant.matureSpreadM()) + " m";
    }

    private static String metres(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
