package dev.ratchet.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.Notifications;
import dev.ratchet.action.PlannedAction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM 2.0 as Microsoft Entra ID and Okta speak it: their documented request bodies (src/test/resources/scim) sent to
 * /scim/v2 with an organisation's SCIM token. Groups give roles; deprovisioning ends access at the next request and
 * leaves the person's open work listed and its owners' managers told; tokens are the organisation's only.
 */
class ScimIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ActionManagement actions;

    @Test
    void entraIdProvisionsGivesRolesThroughAGroupAndDeprovisions() throws Exception {
        TestOrganisation org = newOrganisation("Entra");
        String token = token(org);
        String email = "alex.wu." + org.id().toString().substring(0, 8) + "@example.com";
        Map<String, String> values = new java.util.HashMap<>(Map.of("userName", email));

        JsonNode none = scim(token, "GET", "/Users?filter=" + enc("userName eq \"" + email + "\""), null, 200);
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");

        JsonNode created = scim(token, "POST", "/Users", fixture("entra/create-user.json", values), 201);
        String userId = created.get("id").asString();
        values.put("userId", userId);
        assertThat(created.get("userName").asString()).isEqualTo(email);
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("name").get("formatted").asString()).isEqualTo("Alex Wu");
        assertThat(roles(org, email)).isEqualTo("CONTRIBUTOR");
        // The same person again is a conflict, as SCIM says it.
        JsonNode twice = scim(token, "POST", "/Users", fixture("entra/create-user.json", values), 409);
        assertThat(twice.get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(scim(token, "GET", "/Users?filter=" + enc("userName eq \"" + email + "\""), null, 200).get("totalResults").asInt()).isEqualTo(1);

        assertThat(scim(token, "GET", "/Groups?excludedAttributes=members&filter=" + enc("displayName eq \"ISMS Team\""), null, 200)
                .get("totalResults").asInt()).isZero();
        JsonNode group = scim(token, "POST", "/Groups", fixture("entra/create-group.json", values), 201);
        String groupId = group.get("id").asString();
        // The administrator gives the group its role (API twin of the provisioning page), then Entra adds the member.
        api(org, Role.ADMIN, "PUT", "/scim-groups/" + groupId + "/roles", "{\"roles\":[\"ISMS_MANAGER\",\"AUDITOR\"]}", 200);
        scim(token, "PATCH", "/Groups/" + groupId, fixture("entra/add-member.json", values), 200);
        assertThat(roles(org, email)).isEqualTo("ISMS_MANAGER,AUDITOR");
        assertThat(scim(token, "GET", "/Users/" + userId, null, 200).get("groups").get(0).get("display").asString()).isEqualTo("ISMS Team");

        // A changed name is taken; the address is the account's own and stays.
        JsonNode updated = scim(token, "PATCH", "/Users/" + userId, fixture("entra/update-user.json", values), 200);
        assertThat(updated.get("userName").asString()).isEqualTo(email);
        assertThat(updated.get("displayName").asString()).isEqualTo("Alex Wu-Smith");
        scim(token, "PATCH", "/Groups/" + groupId, fixture("entra/remove-member.json", values), 200);
        assertThat(roles(org, email)).isEqualTo("CONTRIBUTOR");
        scim(token, "PATCH", "/Groups/" + groupId, fixture("entra/add-member.json", values), 200);

        // The person works: an action of theirs and an API token; then Entra disables them.
        UUID personId = identity.principal(email).orElseThrow().userId();
        String personToken = identity.createToken(personId, "laptop", 30);
        Notifications.quietly(() -> actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-1", null, 1, List.of(new PlannedAction(
                "Rotate the backup keys", null, personId, LocalDate.now().plusDays(10), "Keys rotated"))));
        mvc.perform(get("/api/v1/organisations/{org}/actions", org.id()).header("Authorization", "Bearer " + personToken)).andExpect(status().isOk());

        JsonNode disabled = scim(token, "PATCH", "/Users/" + userId, fixture("entra/disable-user.json", values), 200);
        assertThat(disabled.get("active").asBoolean()).isFalse();
        mvc.perform(get("/api/v1/organisations/{org}/actions", org.id()).header("Authorization", "Bearer " + personToken))
                .andExpect(status().is4xxClientError());
        // Nothing is orphaned: the ISMS managers are told, and the person's page lists the action.
        assertThat(jdbc.queryForObject("select count(*) from notification where organisation_id = ? and user_id = ? and message like ?",
                Integer.class, org.id(), org.userIds().get(Role.ISMS_MANAGER), "%Alex Wu-Smith left: 1 open action needs a new owner%")).isEqualTo(1);
        mvc.perform(get("/members/{id}", userId).with(user(org.principal(Role.ADMIN)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Open work to give to someone else")))
                .andExpect(content().string(containsString("Rotate the backup keys")));
        assertThat(jdbc.queryForObject("select count(*) from action_item where owner_id = ?", Integer.class, personId)).isEqualTo(1);

        scim(token, "DELETE", "/Users/" + userId, null, 204);
        JsonNode gone = scim(token, "GET", "/Users/" + userId, null, 404);
        assertThat(gone.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(gone.get("status").asString()).isEqualTo("404");
        assertThat(jdbc.queryForObject("select actor_name from history_entry where record_type = 'Membership' and record_id = ? "
                + "and changes like '%deprovisionedAt%'", String.class, userId)).startsWith("Provisioning (");
    }

    @Test
    void oktaProvisionsReplacesRenamesAndDeactivates() throws Exception {
        TestOrganisation org = newOrganisation("Okta");
        String token = token(org);
        String email = "test.user." + org.id().toString().substring(0, 8) + "@example.com";
        Map<String, String> values = new java.util.HashMap<>(Map.of("userName", email));
        assertThat(scim(token, "GET", "/Users?filter=" + enc("userName eq \"" + email + "\"") + "&startIndex=1&count=100", null, 200)
                .get("totalResults").asInt()).isZero();
        JsonNode created = scim(token, "POST", "/Users", fixture("okta/create-user.json", values), 201);
        values.put("userId", created.get("id").asString());
        assertThat(created.get("externalId").asString()).isEqualTo("00ujl29u0le5T6Aj10h7");
        // Okta's password is not kept: it does not sign in.
        mvc.perform(formLogin("/login").userParameter("email").user(email).password("1mz050nq")).andExpect(redirectedUrl("/login?error"));

        JsonNode group = scim(token, "POST", "/Groups", fixture("okta/create-group.json", values), 201);
        values.put("groupId", group.get("id").asString());
        api(org, Role.ADMIN, "PUT", "/scim-groups/" + values.get("groupId") + "/roles", "{\"roles\":[\"AUDITOR\"]}", 200);
        scim(token, "PATCH", "/Groups/" + values.get("groupId"), fixture("okta/add-members.json", values), 200);
        assertThat(roles(org, email)).isEqualTo("AUDITOR");
        JsonNode renamed = scim(token, "PATCH", "/Groups/" + values.get("groupId"), fixture("okta/rename-group.json", values), 200);
        assertThat(renamed.get("displayName").asString()).isEqualTo("Auditors SCIMv2");
        assertThat(renamed.get("members")).hasSize(1);
        scim(token, "PATCH", "/Groups/" + values.get("groupId"), fixture("okta/remove-member.json", values), 200);
        assertThat(roles(org, email)).isEqualTo("CONTRIBUTOR");

        JsonNode replaced = scim(token, "PUT", "/Users/" + values.get("userId"), fixture("okta/replace-user.json", values), 200);
        assertThat(replaced.get("displayName").asString()).isEqualTo("Another User");
        JsonNode deactivated = scim(token, "PATCH", "/Users/" + values.get("userId"), fixture("okta/deactivate-user.json", values), 200);
        assertThat(deactivated.get("active").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select active from membership where id = ?", Boolean.class, UUID.fromString(values.get("userId")))).isFalse();
        // Okta turns them on again with a PUT.
        assertThat(scim(token, "PUT", "/Users/" + values.get("userId"), fixture("okta/replace-user.json", values), 200).get("active").asBoolean()).isTrue();
        scim(token, "DELETE", "/Groups/" + values.get("groupId"), null, 204);
        scim(token, "GET", "/Groups/" + values.get("groupId"), null, 404);
    }

    @Test
    void aTokenIsItsOrganisationsOnlyAndPeopleCannotUseScim() throws Exception {
        TestOrganisation mine = newOrganisation("Mine");
        TestOrganisation theirs = newOrganisation("Theirs");
        String token = token(mine);
        String other = token(theirs);
        String membership = theirs.membershipIds().get(Role.AUDITOR).toString();
        scim(other, "GET", "/Users/" + membership, null, 200);
        scim(token, "GET", "/Users/" + membership, null, 404);
        scim(token, "PATCH", "/Users/" + membership, fixture("entra/disable-user.json", Map.of()), 404);
        assertThat(scim(token, "GET", "/Users", null, 200).get("totalResults").asInt()).isEqualTo(Role.values().length);
        // A person's API token, or none, is refused; a revoked SCIM token too.
        mvc.perform(get("/scim/v2/Users").header("Authorization", mine.bearer(Role.ADMIN))).andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("urn:ietf:params:scim:api:messages:2.0:Error")));
        mvc.perform(get("/scim/v2/Users")).andExpect(status().isUnauthorized());
        JsonNode tokens = api(mine, Role.ADMIN, "GET", "/provisioning", null, 200).get("tokens");
        api(mine, Role.ADMIN, "DELETE", "/scim-tokens/" + tokens.get(0).get("id").asString(), null, 204);
        mvc.perform(get("/scim/v2/Users").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // An unsupported filter is a SCIM error, not a guess.
        assertThat(scim(other, "GET", "/Users?filter=" + enc("emails co \"x\""), null, 400).get("scimType").asString()).isEqualTo("invalidFilter");
        assertThat(api(mine, Role.ISMS_MANAGER, "POST", "/scim-tokens", "{\"name\":\"x\"}", 403)).isNotNull();
    }

    private String token(TestOrganisation org) throws Exception {
        return api(org, Role.ADMIN, "POST", "/scim-tokens", "{\"name\":\"Provider\"}", 201).get("token").asString();
    }

    private String roles(TestOrganisation org, String email) {
        return jdbc.queryForObject("select m.roles from membership m join app_user u on u.id = m.user_id where m.organisation_id = ? and u.email = ?",
                String.class, org.id(), email);
    }

    private JsonNode scim(String token, String method, String path, String body, int expected) throws Exception {
        var request = request(HttpMethod.valueOf(method), java.net.URI.create("/scim/v2" + path)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.parseMediaType("application/scim+json")).content(body);
        }
        String answer = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return answer.isEmpty() ? null : JSON.readTree(answer);
    }

    private static String fixture(String name, Map<String, String> values) throws Exception {
        String text = new ClassPathResource("scim/" + name).getContentAsString(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text;
    }

    private static String enc(String filter) {
        return java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
