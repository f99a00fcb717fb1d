package dev.ratchet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Someone who may not call an endpoint is refused before their input is checked: no field errors for them. */
class AuthorizeBeforeBindingIT extends IntegrationTest {

    @Test
    void anInvalidRequestFromSomeoneWhoMayNotMakeItIsRefusedNotValidated() throws Exception {
        TestOrganisation org = newOrganisation("Refused first");
        String invalid = "{\"title\":\" \",\"reviewMonths\":50}";
        JsonNode refused = api(org, Role.CONTRIBUTOR, "POST", "/policies", invalid, 403);
        assertThat(refused.has("errors")).isFalse();
        JsonNode invalidForManager = api(org, Role.ISMS_MANAGER, "POST", "/policies", invalid, 422);
        assertThat(invalidForManager.get("errors").has("title")).isTrue();

        // A page form too: a blank organisation name from someone who is not an administrator is not re-shown with errors.
        mvc.perform(post("/organisations").param("name", "").with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations").param("name", "").with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().isOk());
    }
}
