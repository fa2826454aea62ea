package org.onedoor.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Describes the API for the OpenAPI document at {@code /v3/api-docs} and Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI oneDoorApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OneDoor API")
                        .version("v1")
                        .description("Business profiles, business imports, the service directory and reference data "
                                + "of a workforce one-stop system. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A staff account's email and password"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token that a partner administrator issued to a partner system. "
                                        + "It may read the directory and set the capacity of its partner's services.")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
