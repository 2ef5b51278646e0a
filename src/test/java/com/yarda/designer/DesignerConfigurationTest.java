package com.yarda.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.designer.builtin.BuiltinDesigner;
import com.yarda.designer.gemini.GeminiDesigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;

/** Binding and choosing the designer, without starting an application context. */
class DesignerConfigurationTest {

    private final DesignerConfiguration configuration = new DesignerConfiguration();

    @Test
    void defaultsToTheBuiltinDesignerAndGooglesEndpoint() {
        DesignerProperties properties = bind(Map.of());

        assertThat(properties.provider()).isEqualTo(DesignerProperties.Provider.BUILTIN);
        DesignerProperties.Gemini gemini = properties.gemini();
        assertThat(gemini.baseUrl()).isEqualTo(URI.create("https://generativelanguage.googleapis.com"));
        assertThat(gemini.apiKey()).isNull();
        assertThat(gemini.model()).isEqualTo("gemini-2.5-flash-image");
        assertThat(gemini.plantModel()).isEqualTo("gemini-2.5-flash");
        assertThat(gemini.plantTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gemini.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(gemini.maxRetries()).isEqualTo(2);
        assertThat(gemini.budget()).isEqualTo(Duration.ofSeconds(150));
        assertThat(designer(properties))
                .isInstanceOf(BuiltinDesigner.class)
                .extracting(Designer::name)
                .isEqualTo("builtin");
    }

    @Test
    void choosesGeminiWithAKey() {
        DesignerProperties properties = bind(Map.of(
                "yarda.designer.provider", "gemini",
                "yarda.designer.gemini.api-key", "secret-key-123",
                "yarda.designer.gemini.max-retries", "4",
                "yarda.designer.gemini.timeout", "90s"));

        assertThat(properties.gemini().maxRetries()).isEqualTo(4);
        assertThat(properties.gemini().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.gemini().toString()).doesNotContain("secret-key-123");
        assertThat(designer(properties))
                .isInstanceOf(GeminiDesigner.class)
                .extracting(Designer::name)
                .isEqualTo("gemini");
    }

    @Test
    void geminiWithoutAKeyRefusesToStart() {
        DesignerProperties properties =
                bind(Map.of("yarda.designer.provider", "gemini", "yarda.designer.gemini.api-key", " "));

        assertThatThrownBy(() -> designer(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yarda.designer.gemini.api-key is not set")
                .hasMessageContaining("YARDA_DESIGNER_GEMINI_API_KEY");
    }

    private Designer designer(DesignerProperties properties) {
        return configuration.designer(properties, RestClient.builder(), Clock.systemUTC());
    }

    private static DesignerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("yarda.designer", DesignerProperties.class);
    }
}
