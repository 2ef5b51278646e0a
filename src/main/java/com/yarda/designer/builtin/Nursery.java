package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantCatalog;
import com.yarda.designer.PlantKind;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a refinement finds plants the design does not have yet: the catalog's plants of the style, hardy in the
 * site's zone (all of the style's where the zone is unknown), so a refined design stays in its style and its zone.
 * Picks are deterministic: the catalog's order breaks every tie.
 */
final class Nursery {

    private static final Set<String> LITTLE_WATER = Set.of("low", "very low");

    private final Look look;
    private final List<Plant> stock;
    private final @Nullable HardinessZone zone;

    Nursery(Style style, @Nullable HardinessZone zone) {
        this.look = Look.of(style);
        this.stock = PlantCatalog.standard().forStyle(style, zone);
        this.zone = zone;
    }

    /** Whether {@code plant} needs little water once established (low or very low). */
    static boolean thrifty(Plant plant) {
        return LITTLE_WATER.contains(plant.water());
    }

    /**
     * A plant needing little water to take the place of {@code plant}: drawn in the same role (a tree for a tree, a
     * narrow screen for a screen, a bed plant for a bed plant, so it fits the same places), of the same kind when
     * one is stocked, and none of {@code taken}.
     */
    Optional<Plant> lowWater(Plant plant, Collection<Plant> taken) {
        Role role = role(plant);
        return stock.stream()
                .filter(Nursery::thrifty)
                .filter(candidate -> !taken.contains(candidate) && role(candidate) == role)
                .min(Comparator.comparing((Plant candidate) -> candidate.kind() != plant.kind()));
    }

    /** A tree with a crown to give shade: the design's own first, else one of the stock; none of {@code refused}. */
    Optional<Plant> shadeTree(List<Plant> design, Collection<Plant> refused) {
        return first(design, refused, Role.TREE).or(() -> first(stock, refused, Role.TREE));
    }

    /**
     * A plant for a screen along the fences: tall and narrow (a columnar tree, a clumping bamboo, a hedge shrub),
     * the design's own first; a shrub of two metres or more where the style has nothing narrower.
     *
     * @param trees whether a tree may be used: not when the homeowner asked for no more trees
     */
    Optional<Plant> screen(List<Plant> design, Collection<Plant> refused, boolean trees) {
        for (List<Plant> plants : List.of(design, stock)) {
            Optional<Plant> narrow = plants.stream()
                    .filter(plant -> !refused.contains(plant) && role(plant) == Role.SCREEN)
                    .filter(plant -> trees || plant.kind() != PlantKind.TREE)
                    .findFirst();
            if (narrow.isPresent()) {
                return narrow;
            }
        }
        return stock.stream()
                .filter(plant -> !refused.contains(plant) && role(plant) == Role.BED && plant.matureHeightM() >= 2)
                .filter(plant -> plant.kind() != PlantKind.VINE)
                .max(Comparator.comparingDouble(Plant::matureHeightM));
    }

    /** Where the zone is known, how the notes say it, e.g. {@code in zone 5a}; else {@code here}. */
    String where() {
        return zone == null ? "here" : "in zone " + zone;
    }

    private Optional<Plant> first(List<Plant> plants, Collection<Plant> refused, Role role) {
        return plants.stream()
                .filter(plant -> !refused.contains(plant) && role(plant) == role)
                .findFirst();
    }

    /** How a plant is used on a plan, which follows from its symbol: see {@link Drifts}. */
    enum Role {
        TREE,
        SCREEN,
        BED
    }

    Role role(Plant plant) {
        Look.Form form = look.sprite(plant).form();
        if (form.isTree()) {
            return Role.TREE;
        }
        return form == Look.Form.COLUMNAR ? Role.SCREEN : Role.BED;
    }
}
