package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Style;
import com.yarda.generation.GenerationRules.ValidGeneration;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.ValidationFailed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GenerationRulesTest {

    private static final UUID MY_UPLOAD = UUID.fromString("6f1c1f5e-3f4a-4c1e-9d55-2b8f6c0f9a01");
    private static final String MY_URL = "/api/uploads/" + MY_UPLOAD + "/image";
    private static final Function<String, Optional<UUID>> OWN_UPLOADS =
            url -> url.equals(MY_URL) ? Optional.of(MY_UPLOAD) : Optional.empty();

    @Test
    void anAddressRequestIsTrimmedAndKept() {
        ValidGeneration valid =
                check(new NewGeneration("address", null, "  12 Garden Lane  ", "japanese_zen", "  more shade  ", null));

        assertThat(valid.inputType()).isEqualTo(InputType.ADDRESS);
        assertThat(valid.address()).isEqualTo("12 Garden Lane");
        assertThat(valid.style()).isEqualTo(Style.JAPANESE_ZEN);
        assertThat(valid.customPrompt()).isEqualTo("more shade");
        assertThat(valid.uploadId()).isNull();
    }

    @Test
    void aPhotoIsOneOfTheCallersOwnUploadsOrSentInTheRequest() {
        assertThat(check(new NewGeneration("photo", MY_URL, null, "mediterranean", null, null))
                        .uploadId())
                .isEqualTo(MY_UPLOAD);
        assertThat(check(new NewGeneration("photo", null, null, "mediterranean", null, new byte[] {1}))
                        .uploadId())
                .isNull();
        assertThat(problems(new NewGeneration(
                        "photo", "/api/uploads/" + UUID.randomUUID() + "/image", null, "mediterranean", null, null)))
                .containsExactly(new FieldProblem("input_photo_url", "must be the url of one of your own uploads"));
        assertThat(problems(new NewGeneration("photo", MY_URL, null, "mediterranean", null, new byte[] {1})))
                .extracting(FieldProblem::field)
                .containsExactly("input_photo_url");
        assertThat(problems(new NewGeneration("photo", " ", null, "mediterranean", null, null)))
                .extracting(FieldProblem::field)
                .containsExactly("input_photo_url");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(problems(new NewGeneration(null, null, null, "gothic", "x".repeat(501), null)))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("input_type", "style", "custom_prompt");
        assertThat(problems(new NewGeneration("sketch", null, null, null, null, null)))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("input_type", "style");
    }

    @Test
    void anAddressIsFiveToTwoHundredCharactersAsAPersonCountsThem() {
        check(new NewGeneration("address", null, "12 Ga", "japanese_zen", null, null));
        check(new NewGeneration("address", null, "x".repeat(200), "japanese_zen", null, null));
        // five characters, ten UTF-16 units: the rule counts characters
        check(new NewGeneration("address", null, "🏡🏡🏡🏡🏡", "japanese_zen", null, null));

        assertThat(problems(new NewGeneration("address", null, "1234", "japanese_zen", null, null)))
                .containsExactly(new FieldProblem("input_address", "must be 5 to 200 characters for an address"));
        assertThat(problems(new NewGeneration("address", null, "x".repeat(201), "japanese_zen", null, null)))
                .extracting(FieldProblem::field)
                .containsExactly("input_address");
        assertThat(problems(new NewGeneration("address", null, null, "japanese_zen", null, null)))
                .extracting(FieldProblem::field)
                .containsExactly("input_address");
    }

    @Test
    void aCustomPromptIsAtMost500CharactersCountingAnEmojiAsOne() {
        check(new NewGeneration("address", null, "12 Garden Lane", "japanese_zen", "🌳".repeat(500), null));

        assertThat(problems(
                        new NewGeneration("address", null, "12 Garden Lane", "japanese_zen", "🌳".repeat(501), null)))
                .containsExactly(new FieldProblem("custom_prompt", "must be at most 500 characters"));
    }

    @Test
    void textThatCannotBeKeptAsSentIsRefusedNotChanged() {
        for (String bad : List.of("12 NUL\u0000 Street", "12 Bell\u0007 Street", "12 Half\uD83C Street")) {
            assertThat(problems(new NewGeneration("address", null, bad, "japanese_zen", null, null)))
                    .as(bad)
                    .extracting(FieldProblem::field)
                    .containsExactly("input_address");
            assertThat(problems(new NewGeneration("address", null, "12 Garden Lane", "japanese_zen", bad, null)))
                    .extracting(FieldProblem::field)
                    .containsExactly("custom_prompt");
        }
        assertThat(check(new NewGeneration("address", null, "12 Garden Lane", "japanese_zen", "a\nb\tc", null))
                        .customPrompt())
                .isEqualTo("a\nb\tc");
    }

    private static ValidGeneration check(NewGeneration request) {
        return GenerationRules.check(request, OWN_UPLOADS);
    }

    private static List<FieldProblem> problems(NewGeneration request) {
        try {
            check(request);
        } catch (ValidationFailed e) {
            return e.errors();
        }
        throw new AssertionError("the request broke no rule: " + request);
    }
}
