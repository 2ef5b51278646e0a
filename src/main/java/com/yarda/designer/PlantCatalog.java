package com.yarda.designer;

import com.yarda.platform.ApiValue;
import com.yarda.site.HardinessZone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The plants Yarda designs with: a data file ({@code src/main/resources/plants/catalog.csv}, its sources in
 * {@code docs/plant-catalog.md}) of real landscape plants, each with its zones, light, water, size and the styles
 * it fits. Read once; immutable.
 */
public final class PlantCatalog {

    static final String RESOURCE = "/plants/catalog.csv";
    private static final String HEADER =
            "botanical_name,common_name,kind,zone_min,zone_max,sun,water,height_m,spread_m,styles";

    private static final PlantCatalog STANDARD = read(RESOURCE);

    private final Map<String, Plant> byBotanicalName;
    private final Map<Style, List<Plant>> byStyle;

    private PlantCatalog(Map<String, Plant> byBotanicalName, Map<Style, List<Plant>> byStyle) {
        this.byBotanicalName = byBotanicalName;
        this.byStyle = byStyle;
    }

    /** The catalog in the application's resources. */
    public static PlantCatalog standard() {
        return STANDARD;
    }

    /** Every plant, in the file's order. */
    public List<Plant> all() {
        return List.copyOf(byBotanicalName.values());
    }

    /** The plant of this botanical name, exactly as the catalog spells it. */
    public Optional<Plant> plant(String botanicalName) {
        return Optional.ofNullable(byBotanicalName.get(botanicalName));
    }

    /** The plants that fit {@code style}, hardy in {@code zone} (all of them when the zone is unknown). */
    public List<Plant> forStyle(Style style, @Nullable HardinessZone zone) {
        return byStyle.getOrDefault(style, List.of()).stream()
                .filter(plant -> zone == null || plant.hardyIn(zone))
                .toList();
    }

    static PlantCatalog read(String resource) {
        Map<String, Plant> plants = new LinkedHashMap<>();
        Map<Style, List<Plant>> byStyle = new EnumMap<>(Style.class);
        try (InputStream in = PlantCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plant catalog " + resource + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!HEADER.equals(lines.readLine())) {
                throw new IllegalStateException(resource + " does not start with the header " + HEADER);
            }
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() != 10) {
                    throw new IllegalStateException(
                            resource + " line " + number + ": " + fields.size() + " fields instead of 10");
                }
                Plant plant = new Plant(
                        fields.get(1),
                        fields.get(0),
                        ApiValue.of(PlantKind.class, fields.get(2)),
                        HardinessZone.of(fields.get(3)),
                        HardinessZone.of(fields.get(4)),
                        fields.get(5),
                        fields.get(6),
                        Double.parseDouble(fields.get(7)),
                        Double.parseDouble(fields.get(8)));
                if (plants.put(plant.botanicalName(), plant) != null) {
                    throw new IllegalStateException(resource + " lists " + plant.botanicalName() + " twice");
                }
                for (String id : fields.get(9).split(";")) {
                    Style style = Style.byId(id.trim())
                            .orElseThrow(() -> new IllegalStateException(
                                    plant.botanicalName() + " names an unknown style: " + id));
                    byStyle.computeIfAbsent(style, s -> new ArrayList<>()).add(plant);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        byStyle.replaceAll((style, list) -> List.copyOf(list));
        return new PlantCatalog(plants, byStyle);
    }

    /** The fields of one RFC 4180 line: commas separate, double quotes enclose, two double quotes are one. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
