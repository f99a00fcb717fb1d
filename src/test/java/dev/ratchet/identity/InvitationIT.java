package dev.ratchet.identity;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator cannot enrol someone else's account into their organisation: an existing account is invited, the
 * organisation learns nothing of it until the person accepts, and the person may decline.
 */
class InvitationIT extends IntegrationTest {

    @Test
    void anExistingAccountIsInvitedNotEnrolledAndNothingOfItIsDisclosedUntilItsOwnerAccepts() throws Exception {
        TestOrganisation home = newOrganisation("Home");
        TestOrganisation other = newOrganisation("Other");
        var person = home.principal(Role.CONTRIBUTOR);
        var enrolment = identity.startSecondFactor(person.userId());
        identity.confirmSecondFactor(person.userId(), enrolment.secret(),
                new dev.samstevens.totp.code.DefaultCodeGenerator().generate(enrolment.secret(), java.time.Instant.now().getEpochSecond() / 30));

        JsonNode added = api(other, Role.ADMIN, "POST", "/members", """
                {"email":"%s","displayName":"Someone New","roles":["CONTRIBUTOR"],"initialPassword":"%s"}"""
                .formatted(person.email(), TestOrganisation.PASSWORD), 201);
        assertThat(added.get("invited").asBoolean()).isTrue();
        assertThat(added.get("active").asBoolean()).isFalse();
        assertThat(added.get("displayName").asString()).isEqualTo(person.email());
        assertThat(added.toString()).doesNotContain(person.displayName());
        assertThat(added.get("secondFactor").isNull()).isTrue();
        assertThat(added.get("accountEnabled").isNull()).isTrue();
        String membership = added.get("id").asString();
        assertThat(api(other, Role.ADMIN, "GET", "/members/" + membership, null, 200).toString()).doesNotContain(person.displayName());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/members/{id}/reactivate", membership)
                .param("version", String.valueOf(added.get("version").asLong()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(other.principal(Role.ADMIN)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        assertThat(api(other, Role.ADMIN, "GET", "/members/" + membership, null, 200).get("active").asBoolean()).isFalse();

        // Until they accept, the person has no access to the organisation; the invitation waits for them.
        assertThat(get("/api/v1/organisations", home.bearer(Role.CONTRIBUTOR)).toString()).doesNotContain(other.id().toString());
        JsonNode invitations = get("/api/v1/invitations", home.bearer(Role.CONTRIBUTOR));
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).get("organisationName").asString()).isEqualTo(other.name());
        post("/api/v1/invitations/" + membership + "/acceptance", other.bearer(Role.ADMIN), 404);   // only the person answers
        post("/api/v1/invitations/" + membership + "/acceptance", home.bearer(Role.CONTRIBUTOR), 200);
        assertThat(api(other, Role.ADMIN, "GET", "/members/" + membership, null, 200).get("displayName").asString())
                .isEqualTo(person.displayName());
        assertThat(get("/api/v1/organisations", home.bearer(Role.CONTRIBUTOR)).toString()).contains(other.id().toString());

        // Declined, the organisation sees the person no more.
        TestOrganisation third = newOrganisation("Third");
        JsonNode again = api(third, Role.ADMIN, "POST", "/members", """
                {"email":"%s","displayName":"Someone","roles":["AUDITOR"]}""".formatted(person.email()), 201);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/invitations/" + again.get("id").asString())
                .header("Authorization", home.bearer(Role.CONTRIBUTOR))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
        api(third, Role.ADMIN, "GET", "/members/" + again.get("id").asString(), null, 404);
    }

    private JsonNode get(String path, String bearer) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).header("Authorization", bearer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }

    private void post(String path, String bearer, int expected) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).header("Authorization", bearer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(expected));
    }
}
