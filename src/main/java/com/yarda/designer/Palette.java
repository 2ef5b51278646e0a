package com.yarda.designer;

import com.yarda.site.HardinessZone;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The plants a design of a style uses at a site: only plants hardy in the site's zone, as many as the style's
 * signature palette holds, with a tree and a shrub among them. The signature plants come first wherever they are
 * hardy; the rest are the catalog's plants of the style, picked so that no kind dominates. Deterministic: one
 * style in one zone always gets the same palette, in the same order, which is the order the legend numbers it.
 */
public final class Palette {

    /** Fewer than this and a plan looks bare; the coverage test holds the catalog to it for every zone. */
    static final int MINIMUM = 6;

    private Palette() {}

    /** The palette of {@code style} in {@code zone}; the signature palette when the zone is unknown. */
    public static List<Plant> of(Style style, @Nullable HardinessZone zone) {
        return of(style, zone, PlantCatalog.standard());
    }

    static List<Plant> of(Style style, @Nullable HardinessZone zone, PlantCatalog catalog) {
        List<Plant> signature = style.plants();
        if (zone == null) {
            return signature;
        }
        int size = Math.max(MINIMUM, signature.size());
        List<Plant> chosen = new ArrayList<>(
                signature.stream().filter(plant -> plant.hardyIn(zone)).toList());
        List<Plant> candidates = new ArrayList<>(catalog.forStyle(style, zone));
        candidates.removeAll(chosen);
        for (PlantKind needed : List.of(PlantKind.TREE, PlantKind.SHRUB)) {
            if (chosen.stream().noneMatch(plant -> plant.kind() == needed)) {
                candidates.stream()
                        .filter(plant -> plant.kind() == needed)
                        .findFirst()
                        .ifPresent(plant -> {
                            chosen.add(plant);
                            candidates.remove(plant);
                        });
            }
        }
        while (chosen.size() < size && !candidates.isEmpty()) {
            Plant next = leastRepresented(chosen, candidates);
            chosen.add(next);
            candidates.remove(next);
        }
        return List.copyOf(chosen);
    }

    /** The first candidate (in catalog order) of the kind the palette has fewest of. */
    private static Plant leastRepresented(List<Plant> chosen, List<Plant> candidates) {
        Map<PlantKind, Integer> counts = new EnumMap<>(PlantKind.class);
        chosen.forEach(plant -> counts.merge(plant.kind(), 1, Integer::sum));
        Plant best = candidates.getFirst();
        for (Plant candidate : candidates) {
            if (counts.getOrDefault(candidate.kind(), 0) < counts.getOrDefault(best.kind(), 0)) {
                best = candidate;
            }
        }
        return best;
    }
}
