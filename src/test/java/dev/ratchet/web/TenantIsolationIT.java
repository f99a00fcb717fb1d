package dev.ratchet.web;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A person of organisation A learns nothing about organisation B, whatever id they try. */
class TenantIsolationIT extends IntegrationTest {

    TestOrganisation a;
    TestOrganisation b;

    @BeforeEach
    void twoOrganisations() {
        a = newOrganisation("Alpha");
        b = newOrganisation("Bravo");
    }

    @Test
    void pagesOfAnotherOrganisationsRecordsAreNotFound() throws Exception {
        var admin = user(a.principal(Role.ADMIN));
        mvc.perform(get("/members/{id}", b.membershipIds().get(Role.CONTRIBUTOR)).with(admin))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(b.name()))));
        mvc.perform(get("/areas/{id}", b.areaId()).with(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/areas/{id}/delete", b.areaId()).param("version", "0").with(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/{id}/deactivate", b.membershipIds().get(Role.ADMIN)).param("version", "0")
                .with(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/organisations/switch").param("organisationId", b.id().toString()).with(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/history").param("type", "Area").param("id", b.areaId().toString()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No changes recorded")));
        mvc.perform(get("/members").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(b.email(Role.CONTRIBUTOR)))));

        assertThat(organisations.area(b.id(), b.areaId())).isNotNull();
        assertThat(identity.member(b.id(), b.membershipIds().get(Role.ADMIN)).active()).isTrue();
    }

    @Test
    void apiCallsIntoAnotherOrganisationAreNotFound() throws Exception {
        String token = a.bearer(Role.ADMIN);
        mvc.perform(get("/api/v1/organisations/{id}", b.id()).header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/organisations/{id}/members", b.id()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}/areas", b.id()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}/history", b.id()).param("recordType", "Area")
                .param("recordId", b.areaId().toString()).header("Authorization", token))
                .andExpect(status().isNotFound());
        // Guessing B's ids under A's own path finds nothing either.
        mvc.perform(get("/api/v1/organisations/{id}/areas/{area}", a.id(), b.areaId()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}/members/{member}", a.id(), b.membershipIds().get(Role.ADMIN))
                .header("Authorization", token)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}/history", a.id()).param("recordType", "Area")
                .param("recordId", b.areaId().toString()).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/organisations").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(a.name())))
                .andExpect(content().string(not(containsString(b.name()))));
    }

    @Test
    void aGuestWhoseAccessEndedIsOutside() throws Exception {
        identity.deactivateMember(a.id(), a.membershipIds().get(Role.GUEST_AUDITOR), 0L);
        mvc.perform(get("/api/v1/organisations/{id}/members", a.id()).header("Authorization", a.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isUnauthorized());
    }
}
