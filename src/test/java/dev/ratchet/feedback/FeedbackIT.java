package dev.ratchet.feedback;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Feedback through the API: anonymous towards colleagues, triage into the register or a reply, parties, import. */
class FeedbackIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Feedback");
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, String body, int expected) throws Exception {
        return api(o, role, method, path, body, expected);
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    @Test
    void anonymousFeedbackNamesItsReporterToTheIsmsManagerOnlyAndIsRaisedIntoTheRegister() throws Exception {
        JsonNode f = call(Role.CONTRIBUTOR, "POST", "/feedback", """
                {"kind":"CONCERN","subject":"Shared admin password on the build server","text":"Four of us use one account","anonymous":true}""", 201);
        String id = f.get("id").asString();
        assertThat(f.get("reference").asString()).isEqualTo("FB-2026-001");
        assertThat(call(Role.AUDITOR, "GET", "/feedback/" + id, null, 200).get("from").asString()).isEqualTo("Anonymous");
        assertThat(call(Role.ISMS_MANAGER, "GET", "/feedback/" + id, null, 200).get("from").asString()).contains("(anonymous to others)");
        assertThat(call(Role.AUDITOR, "GET", "/feedback", null, 200).toString()).doesNotContain(org.email(Role.CONTRIBUTOR)).contains("Anonymous");
        String csv = mvc.perform(get("/feedback/export.csv").with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("FB-2026-001").contains("Anonymous");

        // The reporter corrects it while it is new; a colleague may not.
        var request = put("/api/v1/organisations/{org}/feedback/" + id, org.id());
        String correction = "{\"kind\":\"CONCERN\",\"subject\":\"Shared admin password on the build server\",\"text\":\"Four of us share one root account\",\"anonymous\":true,\"version\":" + f.get("version").asLong() + "}";
        mvc.perform(request.header("Authorization", org.bearer(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isForbidden());
        String corrected = mvc.perform(put("/api/v1/organisations/{org}/feedback/" + id, org.id())
                        .header("Authorization", org.bearer(Role.CONTRIBUTOR)).contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(corrected).get("text").asString()).isEqualTo("Four of us share one root account");

        // A contributor sees only their own feedback.
        call(Role.MANAGEMENT, "POST", "/feedback", "{\"kind\":\"IDEA\",\"subject\":\"Security champions\",\"text\":\"One per team\"}", 201);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/feedback", null, 200).get("content")).hasSize(1);
        JsonNode others = call(Role.AUDITOR, "GET", "/feedback?kind=IDEA", null, 200);
        call(Role.CONTRIBUTOR, "GET", "/feedback/" + others.get("content").get(0).get("id").asString(), null, 404);

        call(Role.CONTRIBUTOR, "POST", "/feedback/" + id + "/improvements", "{\"kind\":\"NONCONFORMITY\",\"title\":\"x\",\"description\":\"x\"}", 403);
        f = call(Role.ISMS_MANAGER, "POST", "/feedback/" + id + "/improvements", """
                {"kind":"NONCONFORMITY","grade":"MINOR","title":"Shared admin account on the build server","description":"From feedback"}""", 201);
        assertThat(f.get("status").asString()).isEqualTo("TRIAGED");
        String nc = f.get("improvement").get("id").asString();
        JsonNode record = call(Role.ISMS_MANAGER, "GET", "/improvements/" + nc, null, 200);
        assertThat(record.get("source").asString()).isEqualTo("FEEDBACK");
        assertThat(record.get("sourceId").asString()).isEqualTo(id);
        call(Role.ISMS_MANAGER, "POST", "/feedback/" + id + "/closure", "{\"reply\":\"x\",\"version\":" + f.get("version").asLong() + "}", 409);
    }

    @Test
    void interestedPartiesFeedbackIsRecordedByTheIsmsManagerClosedWithAReplyAndImported() throws Exception {
        call(Role.CONTRIBUTOR, "POST", "/feedback", """
                {"kind":"COMPLAINT","subject":"x","text":"x","partyType":"CUSTOMER","partyName":"Northwind"}""", 403);
        JsonNode f = call(Role.ISMS_MANAGER, "POST", "/feedback", """
                {"kind":"COMPLAINT","subject":"Late breach notice","text":"We heard of the outage from the news","partyType":"CUSTOMER",
                 "partyName":"Northwind Bank","receivedOn":"2026-02-10"}""", 201);
        assertThat(f.get("from").asString()).isEqualTo("Northwind Bank (customer)");
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/feedback/" + f.get("id").asString() + "/closure",
                "{\"reply\":\" \",\"version\":" + f.get("version").asLong() + "}", 409);
        assertThat(refused.get("errors").get("reply")).isNotNull();
        f = call(Role.ISMS_MANAGER, "POST", "/feedback/" + f.get("id").asString() + "/closure",
                "{\"reply\":\"Apologised; customers now get a status-page notice within an hour\",\"version\":" + f.get("version").asLong() + "}", 200);
        assertThat(f.get("status").asString()).isEqualTo("CLOSED");

        String header = "Reference,Received,Party,Party type,Kind,Subject,Feedback\n";
        JsonNode bad = call(Role.ISMS_MANAGER, "POST", "/feedback/import", header
                + "S-1,2026-01-05,ICO,Regulator,Concern,Audit letter,Asked about retention\n"
                + "S-1,2026-01-06,Contoso,Customer,Praise,Thanks,Great response\n"
                + "S-3,2026-01-07,Someone,Member of the organisation,Idea,x,y\n", 422);
        assertThat(bad.get("problems")).extracting(p -> p.get("row").asLong() + " " + p.get("column").asString())
                .containsExactly("3 Kind", "3 Reference", "4 Party type");
        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/feedback/import", header
                + "S-1,2026-01-05,ICO,Regulator,Concern,Audit letter,Asked about retention\n"
                + ",06/01/2026,Contoso,Customer,Compliment,Thanks,Great incident response\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(call(Role.AUDITOR, "GET", "/feedback?fromParties=true", null, 200).get("content")).hasSize(3);
        TestOrganisation other = newOrganisation("Other feedback");
        call(other, Role.ISMS_MANAGER, "GET", "/feedback/" + f.get("id").asString(), null, 404);
    }
}
