package com.yarda.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
