package com.yarda.designer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.yarda.site.HardinessZone;
import java.util.Objects;

/**
 * A landscape plant of the catalog ({@code src/main/resources/plants/catalog.csv}), as listed beside a design and
 * numbered on it.
 *
 * @param commonName the name a homeowner knows, e.g. {@code English lavender}
 * @param botanicalName the name a nursery orders by, e.g. {@code Lavandula angustifolia 'Hidcote'}
 * @param coldest the coldest USDA zone it is hardy in
 * @param warmest the warmest USDA zone it grows well in
 * @param sun the light it needs: {@code full sun}, {@code full sun to part shade}, {@code part shade} or
 *     {@code shade}
 * @param water the water it needs once established: {@code very low}, {@code low}, {@code moderate} or
 *     {@code regular}
 * @param matureHeightM typical mature height, metres
 * @param matureSpreadM typical mature spread, metres
 */
public record Plant(
        String commonName,
        String botanicalName,
        PlantKind kind,
        @JsonIgnore HardinessZone coldest,
        @JsonIgnore HardinessZone warmest,
        String sun,
        String water,
        double matureHeightM,
        double matureSpreadM) {

    public Plant {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(botanicalName, "botanicalName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sun, "sun");
        Objects.requireNonNull(water, "water");
        if (coldest.compareTo(warmest) > 0) {
            throw new IllegalArgumentException(botanicalName + ": its coldest zone is warmer than its warmest");
        }
    }

    /** The zones it grows in, as API.md writes them, e.g. {@code 5a-9b}. */
    @JsonProperty("hardiness_zones")
    public String hardinessZones() {
        return coldest + "-" + warmest;
    }

    /** Whether it is hardy in {@code zone}. */
    public boolean hardyIn(HardinessZone zone) {
        return zone.within(coldest, warmest);
    }
}
