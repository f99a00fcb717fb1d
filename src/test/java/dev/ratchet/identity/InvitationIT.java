package dev.ratchet.identity;

import java.nio.charset.StandardCharsets;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invitations without a mail server (this context has none): the administrator gets the link to pass on; the person
 * chooses their own password through it, once. Lists are invited all or nothing. An existing account is invited the
 * same way, and the organisation learns nothing of the account until its owner accepts.
 */
class InvitationIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "harbour-Lantern-violet-27-quill";

    @Test
    void withoutAMailServerTheLinkIsHandedToTheAdministratorAndWorksOnce() throws Exception {
        TestOrganisation org = newOrganisation("Invite");
        String email = "nadia." + org.id().toString().substring(0, 8) + "@example.com";
        JsonNode sent = api(org, Role.ADMIN, "POST", "/invitations", """
                {"email":"%s","displayName":"Nadia New","roles":["CONTRIBUTOR","AUDITOR"],"lineManagerId":"%s"}"""
                .formatted(email.toUpperCase(), org.userIds().get(Role.ISMS_MANAGER)), 201);
        assertThat(sent.get("mailed").asBoolean()).isFalse();
        String link = sent.get("link").asString();
        assertThat(link).matches("https?://.+/join/[A-Za-z0-9_-]{43}");
        assertThat(sent.get("invitation").get("email").asString()).isEqualTo(email);
        assertThat(sent.get("invitation").get("state").asString()).isEqualTo("PENDING");
        // The token is kept only as a hash: neither the table nor the history holds it.
        String token = link.substring(link.indexOf("/join/") + 6);
        assertThat(jdbc.queryForList("select token_hash from invitation where email = ?", String.class, email)).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from history_entry where changes like ?", Integer.class, "%" + token + "%")).isZero();
        // The mail waits in the outbox, for when a mail server is configured.
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and status = 'PENDING'", Integer.class, email)).isEqualTo(1);

        // The page says it, the link is shown once, and a second invitation to the same address is refused.
        mvc.perform(get("/members/invite").with(user(org.principal(Role.ADMIN))))
                .andExpect(content().string(containsString("No mail server is configured")));
        JsonNode twice = api(org, Role.ADMIN, "POST", "/invitations", """
                {"email":"%s","displayName":"Nadia","roles":["CONTRIBUTOR"]}""".formatted(email), 422);
        assertThat(twice.toString()).contains("email").contains("was invited on");

        mvc.perform(get("/join/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Join " + org.name())));
        // A weak password is refused beside the field, and nothing is made.
        mvc.perform(post("/join/" + token).param("displayName", "Nadia New").param("password", "password1234")
                .param("confirmation", "password1234").with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("too easy to guess")));
        assertThat(identity.principal(email)).isEmpty();

        MvcResult joined = mvc.perform(post("/join/" + token).param("displayName", "Nadia Newman").param("password", NEW_PASSWORD)
                .param("confirmation", NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/")).andReturn();
        dev.ratchet.TestSession session = dev.ratchet.TestSession.of(joined, jdbc);
        assertThat(((SecurityContext) session.attribute("SPRING_SECURITY_CONTEXT")).getAuthentication().getName()).isEqualTo(email);
        mvc.perform(get("/").with(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(org.name())));

        JsonNode members = api(org, Role.ADMIN, "GET", "/members?q=nadia", null, 200);
        assertThat(members.get("content")).hasSize(1);
        JsonNode member = members.get("content").get(0);
        assertThat(member.get("displayName").asString()).isEqualTo("Nadia Newman");
        assertThat(member.get("roles").toString()).contains("CONTRIBUTOR").contains("AUDITOR");
        assertThat(member.get("lineManagerId").asString()).isEqualTo(org.userIds().get(Role.ISMS_MANAGER).toString());
        assertThat(api(org, Role.ADMIN, "GET", "/invitations", null, 200).get("content").toString()).doesNotContain(email);

        // Used once, the link says so and how to get in.
        mvc.perform(get("/join/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation was used already")));
        mvc.perform(post("/join/" + token).param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD).with(csrf()))
                .andExpect(status().isGone());
        mvc.perform(get("/join/" + "x".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredLinkSaysSoASentAgainLinkReplacesItAndAWithdrawnOneStops() throws Exception {
        TestOrganisation org = newOrganisation("Expiry");
        String email = "eve." + org.id().toString().substring(0, 8) + "@example.com";
        JsonNode sent = api(org, Role.ADMIN, "POST", "/invitations", """
                {"email":"%s","displayName":"Eve Late","roles":["CONTRIBUTOR"]}""".formatted(email), 201);
        String id = sent.get("invitation").get("id").asString();
        String first = token(sent);
        jdbc.update("update invitation set expires_at = ? where id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                java.util.UUID.fromString(id));
        mvc.perform(get("/join/" + first)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation expired on")))
                .andExpect(content().string(containsString("to send it again")));
        assertThat(api(org, Role.ADMIN, "GET", "/invitations/" + id, null, 200).get("state").asString()).isEqualTo("EXPIRED");

        JsonNode again = api(org, Role.ADMIN, "POST", "/invitations/" + id + "/resending", null, 200);
        assertThat(again.get("invitation").get("timesSent").asInt()).isEqualTo(2);
        String second = token(again);
        mvc.perform(get("/join/" + first)).andExpect(status().isNotFound());
        mvc.perform(get("/join/" + second)).andExpect(status().isOk());

        // The page's buttons do the same.
        mvc.perform(post("/members/invitations/" + id + "/withdraw").with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/members/invitations"));
        mvc.perform(get("/join/" + second)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation was withdrawn")));
        // Another organisation's administrator cannot see or touch it.
        TestOrganisation other = newOrganisation("Other");
        api(other, Role.ADMIN, "GET", "/invitations/" + id, null, 404);
        api(other, Role.ADMIN, "POST", "/invitations/" + id + "/resending", null, 404);
        api(org, Role.ISMS_MANAGER, "GET", "/invitations", null, 403);
    }

    @Test
    void aListIsInvitedAllOrNothingFromTheApiThePageAndAFile() throws Exception {
        TestOrganisation org = newOrganisation("Bulk");
        String tag = org.id().toString().substring(0, 8);
        JsonNode refused = api(org, Role.ADMIN, "POST", "/invitations/batch", """
                {"people":[{"email":"a.%1$s@example.com","displayName":"A","roles":["CONTRIBUTOR"]},
                           {"email":"%2$s","displayName":"B","roles":["CONTRIBUTOR"]},
                           {"email":"c.%1$s@example.com","displayName":"C","roles":["GUEST_AUDITOR"]}]}"""
                .formatted(tag, org.email(Role.AUDITOR)), 422);
        assertThat(refused.toString()).contains("people[1].email").contains("is a member of this organisation already")
                .contains("people[2].accessUntil");
        assertThat(invitations(org)).isZero();

        JsonNode batch = api(org, Role.ADMIN, "POST", "/invitations/batch", """
                {"people":[{"email":"a.%1$s@example.com","displayName":"A","roles":["CONTRIBUTOR"]},
                           {"email":"b.%1$s@example.com","displayName":"B","roles":["MANAGEMENT"]}]}""".formatted(tag), 201);
        assertThat(batch).hasSize(2);
        assertThat(invitations(org)).isEqualTo(2);

        // A pasted list on the page: one bad line, nobody invited, the line named.
        mvc.perform(post("/members/invitations/list").param("people", "Jo Bloggs <jo." + tag + "@example.com>\nnot an address\n")
                .param("roles", "CONTRIBUTOR").with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Line 2 (not an address)")));
        assertThat(invitations(org)).isEqualTo(2);
        mvc.perform(post("/members/invitations/list").param("people", "Jo Bloggs <jo." + tag + "@example.com>\nsam.lee." + tag + "@example.com, Sam Lee\nkim.park." + tag + "@example.com")
                .param("roles", "CONTRIBUTOR").with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/members/invitations"));
        assertThat(invitations(org)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select display_name from invitation where email = ?", String.class, "kim.park." + tag + "@example.com"))
                .isEqualTo("Kim Park " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1));

        // A file: roles per row by label, the line manager by address; a bad row stops the whole file.
        String csv = "Name,E-mail,Roles,Line manager,Last day of access\r\n"
                + "Gus Guest,gus." + tag + "@example.com,Guest auditor,," + java.time.LocalDate.now().plusDays(20) + "\r\n"
                + "Dee Dev,dee." + tag + "@example.com,Contributor; Internal auditor," + org.email(Role.ISMS_MANAGER) + ",\r\n";
        JsonNode bad = api(org, Role.ADMIN, "POST", "/invitations/import", csv.replace("Contributor; Internal auditor", "Wizard"), 422);
        assertThat(bad.toString()).contains("Roles").contains("is not a role");
        assertThat(invitations(org)).isEqualTo(5);
        JsonNode imported = api(org, Role.ADMIN, "POST", "/invitations/import", csv, 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select roles from invitation where email = ?", String.class, "dee." + tag + "@example.com"))
                .isEqualTo("AUDITOR,CONTRIBUTOR");
        assertThat(invitations(org)).isEqualTo(7);
        mvc.perform(get("/members/invitations").with(user(org.principal(Role.ADMIN)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("7 invitations wait for an answer")));
    }

    @Test
    void anExistingAccountIsInvitedNotEnrolledAndNothingOfItIsDisclosedUntilItsOwnerAccepts() throws Exception {
        TestOrganisation home = newOrganisation("Home");
        TestOrganisation other = newOrganisation("Other");
        var person = home.principal(Role.CONTRIBUTOR);

        JsonNode sent = api(other, Role.ADMIN, "POST", "/invitations", """
                {"email":"%s","displayName":"Someone New","roles":["CONTRIBUTOR"]}""".formatted(person.email()), 201);
        // The answer is the same as for an address without an account: nothing of the account is disclosed.
        assertThat(sent.toString()).doesNotContain(person.displayName());
        assertThat(sent.get("invitation").get("state").asString()).isEqualTo("PENDING");
        String id = sent.get("invitation").get("id").asString();

        // Until they accept, the person has no access; the invitation waits for them on their account page and the API.
        assertThat(getJson("/api/v1/organisations", home.bearer(Role.CONTRIBUTOR)).toString()).doesNotContain(other.id().toString());
        JsonNode waiting = getJson("/api/v1/invitations", home.bearer(Role.CONTRIBUTOR));
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("organisationName").asString()).isEqualTo(other.name());
        // The link says they have an account, and joins with it (no password is set or changed).
        mvc.perform(get("/join/" + token(sent))).andExpect(content().string(containsString("You have a Ratchet account")));
        postWithToken("/api/v1/invitations/" + id + "/acceptance", other.bearer(Role.ADMIN), 404);   // only the person answers
        postWithToken("/api/v1/invitations/" + id + "/acceptance", home.bearer(Role.CONTRIBUTOR), 200);
        assertThat(getJson("/api/v1/organisations", home.bearer(Role.CONTRIBUTOR)).toString()).contains(other.id().toString());
        JsonNode members = api(other, Role.ADMIN, "GET", "/members?q=" + person.email(), null, 200);
        assertThat(members.get("content").get(0).get("displayName").asString()).isEqualTo(person.displayName());
        mvc.perform(get("/join/" + token(sent))).andExpect(status().isGone());

        // Declined, the invitation is withdrawn and the organisation sees the person no more.
        TestOrganisation third = newOrganisation("Third");
        JsonNode again = api(third, Role.ADMIN, "POST", "/invitations", """
                {"email":"%s","displayName":"Someone","roles":["AUDITOR"]}""".formatted(person.email()), 201);
        mvc.perform(delete("/api/v1/invitations/" + again.get("invitation").get("id").asString())
                .header("Authorization", home.bearer(Role.CONTRIBUTOR))).andExpect(status().isNoContent());
        assertThat(api(third, Role.ADMIN, "GET", "/invitations", null, 200).get("content")).isEmpty();
        assertThat(api(third, Role.ADMIN, "GET", "/members?q=" + person.email(), null, 200).get("content")).isEmpty();
    }

    @Test
    void noPageOrApiLetsAnAdministratorChooseSomeoneElsesPassword() throws Exception {
        TestOrganisation org = newOrganisation("NoPassword");
        mvc.perform(get("/members/new").with(user(org.principal(Role.ADMIN)))).andExpect(redirectedUrl("/members/invite"));
        mvc.perform(post("/members").param("email", "x@example.com").param("displayName", "X").param("roles", "CONTRIBUTOR")
                .param("initialPassword", TestOrganisation.PASSWORD).with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
        api(org, Role.ADMIN, "POST", "/members", """
                {"email":"x@example.com","displayName":"X","roles":["CONTRIBUTOR"],"initialPassword":"%s"}""".formatted(TestOrganisation.PASSWORD), 405);
        assertThat(identity.principal("x@example.com")).isEmpty();
    }

    private int invitations(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from invitation where organisation_id = ? and accepted_at is null and withdrawn_at is null",
                Integer.class, org.id());
    }

    private static String token(JsonNode sent) {
        String link = sent.get("link").asString();
        return link.substring(link.indexOf("/join/") + 6);
    }

    private JsonNode getJson(String path, String bearer) throws Exception {
        String body = mvc.perform(get(path).header("Authorization", bearer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }

    private void postWithToken(String path, String bearer, int expected) throws Exception {
        mvc.perform(post(path).header("Authorization", bearer)).andExpect(status().is(expected));
    }
}
