package com.yarda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.billing.PurchaseStatus;
import com.yarda.credits.CreditType;
import com.yarda.designer.Style;
import com.yarda.generation.GenerationStatus;
import com.yarda.generation.InputType;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Under a Turkish default locale, where "I".toLowerCase() is a dotless ı and "i".toUpperCase() a dotted İ. */
class ApiValueTest {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    private static final List<Class<? extends Enum<?>>> API_ENUMS =
            List.of(CreditType.class, GenerationStatus.class, InputType.class, PurchaseStatus.class, Style.class);

    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(TURKISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void theTurkishLocaleReallyBreaksPlainCaseMapping() {
        // guards the test itself: if this ever held, the tests below would prove nothing
        assertThat("TRIAL".toLowerCase()).isNotEqualTo("trial");
        assertThat("trial".toUpperCase()).isNotEqualTo("TRIAL");
    }

    @Test
    void everyApiEnumMapsToItsAsciiLowerCaseValueAndBack() {
        for (Class<? extends Enum<?>> type : API_ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String value = ((ApiValue) constant).value();
                assertThat(value)
                        .as("%s.%s", type.getSimpleName(), constant.name())
                        .matches("[a-z_]+");
                assertThat(value).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
                assertThat(parse(type, value)).isSameAs(constant);
            }
        }
    }

    @Test
    void valuesTheServiceWroteItselfParseOrFailLoudly() {
        assertThat(ApiValue.of(CreditType.class, "trial")).isEqualTo(CreditType.TRIAL);
        assertThat(ApiValue.of(Style.class, "japanese_zen")).isEqualTo(Style.JAPANESE_ZEN);
        assertThat(ApiValue.parse(CreditType.class, "TRIAL")).isEmpty();
        assertThat(ApiValue.parse(CreditType.class, null)).isEmpty();
        assertThatThrownBy(() -> ApiValue.of(GenerationStatus.class, "done"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GenerationStatus");
    }

    @Test
    void jsonCarriesTheApiValuesBothWays() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(List.of(CreditType.TRIAL, GenerationStatus.PROCESSING, Style.JAPANESE_ZEN)))
                .isEqualTo("[\"trial\",\"processing\",\"japanese_zen\"]");
        assertThat(json.readValue("\"address\"", InputType.class)).isEqualTo(InputType.ADDRESS);
        assertThat(json.readValue("\"paid\"", PurchaseStatus.class)).isEqualTo(PurchaseStatus.PAID);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<? extends Enum<?>> type, String value) {
        return ApiValue.parse((Class) type, value).orElseThrow();
    }
}
