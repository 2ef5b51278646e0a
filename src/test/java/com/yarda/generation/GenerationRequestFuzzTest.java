package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of {@code POST /api/generations}: any body either parses into the request record or fails as
 * malformed JSON (400); a parsed request always has a fingerprint (the Idempotency-Key comparison), and equal
 * requests have equal ones. Any other exception would be a 500 for bad input. Runs the committed corpus in every
 * build; {@code JAZZER_FUZZ=1} fuzzes for new inputs.
 */
class GenerationRequestFuzzTest {

    // the application's JSON settings (spring.jackson.* in application.yaml)
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @FuzzTest(maxDuration = "5m")
    void createGeneration(byte[] body) {
        GenerationController.CreateGeneration parsed;
        try {
            parsed = JSON.readValue(body, GenerationController.CreateGeneration.class);
        } catch (JacksonException malformed) {
            return; // 400 malformed_request
        }
        if (parsed == null) {
            return;
        }
        NewGeneration request = new NewGeneration(
                parsed.inputType(),
                parsed.inputPhotoUrl(),
                parsed.inputAddress(),
                parsed.style(),
                parsed.customPrompt(),
                null);
        NewGeneration same = new NewGeneration(
                parsed.inputType(),
                parsed.inputPhotoUrl(),
                parsed.inputAddress(),
                parsed.style(),
                parsed.customPrompt(),
                null);
        assertThat(request.fingerprint()).hasSize(32).isEqualTo(same.fingerprint());
    }
}
