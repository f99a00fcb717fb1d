package dev.ratchet.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the OpenAPI document introduces the API: personal tokens, problem details. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ratchetApi() {
        return new OpenAPI()
                .info(new Info().title("Ratchet API").version("v1").description("""
                        Everything a person can do in Ratchet's pages, for programs. Authenticate with a personal \
                        token created under "Your account": `Authorization: Bearer rat_…`; it acts with your roles in \
                        the organisation named in the path. Errors are RFC 9457 problem details; a refused edit \
                        lists the fields to blame under `errors`. Updates carry the `version` you read, and a newer \
                        stored version answers 409."""))
                // Relative: the document is the same wherever it is served, and docs/openapi.json equals it.
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("The Ratchet that serves this document")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("rat_…")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
