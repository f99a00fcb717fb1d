package dev.ratchet.web;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a clear message where it was typed, and changes nothing. */
class BadInputIT extends IntegrationTest {

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Input");
    }

    private long areas() {
        return jdbc.queryForObject("select count(*) from area where organisation_id = ?", Long.class, org.id());
    }

    private long members() {
        return jdbc.queryForObject("select count(*) from membership where organisation_id = ?", Long.class, org.id());
    }

    private long history() {
        return jdbc.queryForObject("select count(*) from history_entry where organisation_id = ?", Long.class, org.id());
    }

    @Test
    void anOverLongNameIsRefusedBesideTheField() throws Exception {
        long before = history();
        mvc.perform(post("/areas").param("name", "x".repeat(121)).with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("A name can have at most 120 characters")));
        assertThat(areas()).isEqualTo(1);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void anInvalidEmailIsRefusedBesideTheField() throws Exception {
        mvc.perform(post("/members/invitations").param("email", "not-an-address").param("displayName", "Nora")
                        .param("roles", "CONTRIBUTOR")
                        .with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a valid e-mail address")));
        assertThat(members()).isEqualTo(Role.values().length);
    }

    @Test
    void aDuplicateMemberIsRefused() throws Exception {
        mvc.perform(post("/members/invitations").param("email", org.email(Role.AUDITOR).toUpperCase()).param("displayName", "Again")
                        .param("roles", "CONTRIBUTOR").with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is a member of this organisation already")));
        assertThat(members()).isEqualTo(Role.values().length);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        long before = history();
        mvc.perform(post("/areas").param("name", "Finance").with(user(org.principal(Role.ADMIN))))
                .andExpect(status().isForbidden());
        assertThat(areas()).isEqualTo(1);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void aMalformedJsonBodyGetsProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/organisations/{id}/areas", org.id()).header("Authorization", org.bearer(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Finance\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
        assertThat(areas()).isEqualTo(1);
    }

    @Test
    void anInvalidApiBodyNamesTheFields() throws Exception {
        mvc.perform(post("/api/v1/organisations/{id}/invitations", org.id()).header("Authorization", org.bearer(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"nope\", \"displayName\": \"\", \"roles\": []}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.email").value("Enter a valid e-mail address, like name@example.com"))
                .andExpect(jsonPath("$.errors.displayName").exists())
                .andExpect(jsonPath("$.errors.roles").value("Give the person at least one role"));
        assertThat(members()).isEqualTo(Role.values().length);
    }

    @Test
    void anUnknownTimeZoneIsRefused() throws Exception {
        var settings = organisations.settingsOf(org.id());
        mvc.perform(put("/api/v1/organisations/{id}/settings", org.id()).header("Authorization", org.bearer(Role.ISMS_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\",\"sector\":\"OTHER\",\"timeZone\":\"Mars/Olympus\",\"reviewCadenceMonths\":12,"
                                + "\"effectivenessWaitDays\":90,\"reminderLeadDays\":7,\"escalationAfterDays\":7,\"version\":"
                                + settings.getVersion() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.timeZone").value(containsString("is not a time zone")));
        assertThat(organisations.get(org.id()).name()).isEqualTo(org.name());
    }
}
