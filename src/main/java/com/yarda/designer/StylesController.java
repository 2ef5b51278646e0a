package com.yarda.designer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Generations")
@RestController
class StylesController {

    /**
     * A style with the planting palette and hardscape materials that every design in it is drawn with (both
     * designers are asked for exactly these), plants in the order the builtin designer's legend numbers them.
     */
    record StyleView(String id, String name, String description, List<Plant> plants, List<Material> materials) {}

    @Operation(
            summary = "The design styles to choose from",
            description = "Each with its plants (common and botanical name, sun, water) and hardscape materials.")
    @GetMapping("/api/styles")
    List<StyleView> styles() {
        return Arrays.stream(Style.values())
                .map(style -> new StyleView(
                        style.id(), style.displayName(), style.description(), style.plants(), style.materials()))
                .toList();
    }
}
