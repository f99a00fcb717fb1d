package dev.ratchet.web;

import dev.ratchet.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiIT extends IntegrationTest {

    @Test
    void theApiIsDescribedForProgrammers() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/organisations/{organisationId}/members")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/organisations/{organisationId}/history/verification")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/catalogue/requirements")))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        // Swagger UI styles itself inline: its page, and only its page, allows that.
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("style-src 'self' 'unsafe-inline'")));
        mvc.perform(get("/login")).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))));
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    }
}
