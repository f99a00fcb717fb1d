package dev.ratchet.organisation;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two people edit the same record: the second save is refused with a reload message, nothing is lost. */
class ConcurrentEditIT extends IntegrationTest {

    @Test
    void theSecondOfTwoEditsFromTheSameVersionIsRefusedOnThePage() throws Exception {
        TestOrganisation org = newOrganisation("Concurrent");
        long version = organisations.area(org.id(), org.areaId()).version();

        mvc.perform(post("/areas/{id}", org.areaId()).param("name", "IT operations and support").param("version", "" + version)
                        .with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/areas/" + org.areaId()));
        mvc.perform(post("/areas/{id}", org.areaId()).param("name", "Infrastructure").param("version", "" + version)
                        .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record while you were editing it")));

        assertThat(organisations.area(org.id(), org.areaId()).name()).isEqualTo("IT operations and support");
    }

    @Test
    void theApiAnswersConflictForAStaleVersion() throws Exception {
        TestOrganisation org = newOrganisation("Concurrent API");
        long version = organisations.get(org.id()).version();
        String body = "{\"name\":\"%s\",\"sector\":\"OTHER\",\"timeZone\":\"Europe/Berlin\",\"reviewCadenceMonths\":6,"
                + "\"effectivenessWaitDays\":60,\"reminderLeadDays\":5,\"escalationAfterDays\":3,\"version\":" + version + "}";

        mvc.perform(put("/api/v1/organisations/{id}/settings", org.id()).header("Authorization", org.bearer(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("First")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewCadenceMonths").value(6));
        mvc.perform(put("/api/v1/organisations/{id}/settings", org.id()).header("Authorization", org.bearer(Role.ISMS_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("Second")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Reload")));

        assertThat(organisations.get(org.id()).name()).isEqualTo("First");
    }
}
