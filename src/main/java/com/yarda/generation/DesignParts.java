package com.yarda.generation;

import com.yarda.designer.Material;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.PlantKind;
import com.yarda.platform.ApiValue;
import com.yarda.site.HardinessZone;
import com.yarda.site.Site;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of a generation ({@code site}, {@code plants}, {@code materials}; V12__site_and_plants.sql):
 * each holds what the API shows, as it was when the design was made, so that a design keeps its list even when the
 * catalog grows.
 */
@Component
class DesignParts {

    private final JsonMapper json;

    DesignParts(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    @Nullable
    Site site(@Nullable String column) {
        return column == null ? null : json.readValue(column, Site.class);
    }

    List<String> notes(String column) {
        List<String> notes = new ArrayList<>();
        for (JsonNode node : json.readTree(column)) {
            notes.add(node.stringValue());
        }
        return notes;
    }

    List<Material> materials(String column) {
        List<Material> materials = new ArrayList<>();
        for (JsonNode node : json.readTree(column)) {
            materials.add(new Material(
                    node.path("name").stringValue(), node.path("use").stringValue()));
        }
        return materials;
    }

    List<PlacedPlant> plants(String column) {
        List<PlacedPlant> plants = new ArrayList<>();
        for (JsonNode node : json.readTree(column)) {
            String[] zones = node.path("hardiness_zones").stringValue().split("-");
            Plant plant = new Plant(
                    node.path("common_name").stringValue(),
                    node.path("botanical_name").stringValue(),
                    ApiValue.of(PlantKind.class, node.path("kind").stringValue()),
                    HardinessZone.of(zones[0]),
                    HardinessZone.of(zones[1]),
                    node.path("sun").stringValue(),
                    node.path("water").stringValue(),
                    node.path("mature_height_m").asDouble(),
                    node.path("mature_spread_m").asDouble());
            JsonNode quantity = node.path("quantity");
            plants.add(new PlacedPlant(node.path("number").asInt(), plant, quantity.isInt() ? quantity.asInt() : null));
        }
        return plants;
    }
}
