package com.yarda.designer;

import com.yarda.designer.builtin.BuiltinDesigner;
import com.yarda.designer.gemini.GeminiDesigner;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Exposes the one {@link Designer} that {@code yarda.designer.provider} chooses. */
@Configuration(proxyBeanMethods = false)
class DesignerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DesignerConfiguration.class);

    @Bean
    Designer designer(DesignerProperties properties, RestClient.Builder restClient, Clock clock) {
        return switch (properties.provider()) {
            case BUILTIN -> {
                log.info("Designs are drawn by the builtin designer (offline)");
                yield new BuiltinDesigner();
            }
            case GEMINI -> {
                DesignerProperties.Gemini gemini = properties.gemini();
                String apiKey = gemini.apiKey();
                if (apiKey == null || apiKey.isBlank()) {
                    // fail at startup, not on the first homeowner's generation
                    throw new IllegalStateException(
                            "yarda.designer.provider is gemini but yarda.designer.gemini.api-key"
                                    + " is not set: set YARDA_DESIGNER_GEMINI_API_KEY, or use provider builtin");
                }
                log.info("Designs are drawn by Gemini: {}", gemini);
                yield GeminiDesigner.create(restClient, gemini, clock);
            }
        };
    }
}
