package com.yarda.platform;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /api/openapi.json}, generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // resolved from the bearer token, not sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI yardaOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Yarda API")
                        .version("1")
                        .description("Landscape design concepts from a photo or an address, paid for with credits."
                                + " Errors are application/problem+json with a stable `error` code."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An access token from POST /api/auth/login, or an API key"
                                                + " (yk_…) from POST /api/keys for an integration")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The schemas of request and response bodies, as the service's JSON is written (see {@link JsonModels}). */
    @Bean
    ModelResolver jsonModels() {
        return new JsonModels();
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses(SecurityConfiguration.PUBLIC_API);
    }

    /**
     * springdoc describes models with swagger's own Jackson 2 mapper, which knows nothing of {@code spring.jackson}:
     * without this the document would name properties in camelCase and enum values in upper case, while the service
     * writes {@code credit_type: "trial"} (snake_case names, lower-case enums: application.yml).
     */
    static final class JsonModels extends ModelResolver {

        JsonModels() {
            super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Schema _createSchemaForEnum(Class<Enum<?>> enumClass) {
            Schema schema = super._createSchemaForEnum(enumClass);
            // write-enums-to-lowercase; a @JsonValue would win over it, and no enum of the API has one
            if (schema.getEnum() != null) {
                schema.setEnum(schema.getEnum().stream()
                        .map(value -> value instanceof String name ? name.toLowerCase(Locale.ROOT) : value)
                        .toList());
            }
            return schema;
        }
    }
}
