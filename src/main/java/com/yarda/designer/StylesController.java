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

    record StyleView(String id, String name, String description) {}

    @Operation(summary = "The design styles to choose from")
    @GetMapping("/api/styles")
    List<StyleView> styles() {
        return Arrays.stream(Style.values())
                .map(style -> new StyleView(style.id(), style.displayName(), style.description()))
                .toList();
    }
}
