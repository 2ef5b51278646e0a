package com.yarda.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The USDA 2023 hardiness zone of every US ZIP code PRISM lists (contiguous US, Alaska, Hawaii, Puerto Rico;
 * {@code src/main/resources/zones/}, with its source and attribution in that folder's README). About 40,500
 * ZIPs, read once at start-up. A ZIP that is not listed has no zone: never a guess from its first digits.
 */
@Component
class ZoneTable {

    /** The attribution the data asks for wherever a zone is shown. */
    static final String ATTRIBUTION = "USDA Plant Hardiness Zone Map (2023), USDA-ARS and PRISM Climate Group,"
            + " Oregon State University. Not the official USDA Plant Hardiness Zone Map.";

    private static final List<String> FILES = List.of(
            "usda-zones-by-zip-2023.csv",
            "usda-zones-by-zip-2023-ak.csv",
            "usda-zones-by-zip-2023-hi.csv",
            "usda-zones-by-zip-2023-pr.csv");
    /** Five digits, optionally a ZIP+4 suffix; read as text, since leading zeros matter (00901). */
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-\\d{4})?");

    private final Map<String, HardinessZone> zones;

    ZoneTable() {
        Map<String, HardinessZone> all = new HashMap<>(64_000);
        for (String file : FILES) {
            read(file, all);
        }
        this.zones = Map.copyOf(all);
    }

    /** The zone of {@code zip} (5 digits or ZIP+4); empty when the ZIP is malformed or not listed. */
    Optional<HardinessZone> zoneOf(@Nullable String zip) {
        if (zip == null) {
            return Optional.empty();
        }
        Matcher matcher = ZIP.matcher(zip.trim());
        return matcher.matches() ? Optional.ofNullable(zones.get(matcher.group(1))) : Optional.empty();
    }

    int size() {
        return zones.size();
    }

    private static void read(String file, Map<String, HardinessZone> into) {
        try (InputStream in = ZoneTable.class.getResourceAsStream("/zones/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the zone table zones/" + file + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = lines.readLine();
            if (header == null || !header.startsWith("zipcode,zone,")) {
                throw new IllegalStateException("zones/" + file + " does not start with the PRISM header");
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] columns = line.split(",", 3);
                if (columns.length >= 2 && into.put(columns[0], HardinessZone.of(columns[1])) != null) {
                    throw new IllegalStateException("ZIP " + columns[0] + " is listed twice in the zone tables");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading zones/" + file, e);
        }
    }
}
