package dev.ratchet.obligation;

import java.time.LocalDate;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Obligations through the API: the review reminder as an action, reviews, changes, raising, export, import. */
class ObligationIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Obligations");
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, String body, int expected) throws Exception {
        return api(o, role, method, path, body, expected);
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    @Test
    void theOwnerIsRemindedOfTheReviewThroughTheActionTrackerAndAChangeRaisesAnImprovement() throws Exception {
        LocalDate review = LocalDate.now().plusDays(20);
        JsonNode o = call(Role.ISMS_MANAGER, "POST", "/obligations", """
                {"name":"GDPR breach notification","type":"LEGAL","jurisdiction":"EU","source":"Regulation (EU) 2016/679, Art. 33",
                 "howItApplies":"Notify the supervisory authority within 72 hours","ownerId":"%s","nextReviewDate":"%s"}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), review), 201);
        assertThat(o.get("reference").asString()).isEqualTo("OBL-001");
        JsonNode action = o.get("reviewAction");
        assertThat(action.get("ownerId").asString()).isEqualTo(org.userIds().get(Role.CONTRIBUTOR).toString());
        assertThat(action.get("dueDate").asString()).isEqualTo(review.toString());
        JsonNode mine = call(Role.CONTRIBUTOR, "GET", "/actions?ownerId=" + org.userIds().get(Role.CONTRIBUTOR), null, 200);
        assertThat(mine.toString()).contains("Review OBL-001");

        // Rescheduling the review moves the reminder: the old action is cancelled, a new one planned.
        LocalDate later = review.plusDays(10);
        o = call(Role.ISMS_MANAGER, "PUT", "/obligations/" + o.get("id").asString(), """
                {"name":"GDPR breach notification","type":"LEGAL","source":"Regulation (EU) 2016/679, Art. 33",
                 "howItApplies":"Notify within 72 hours","ownerId":"%s","nextReviewDate":"%s","version":%d}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), later, o.get("version").asLong()), 200);
        assertThat(o.get("reviewAction").get("dueDate").asString()).isEqualTo(later.toString());

        call(Role.AUDITOR, "POST", "/obligations/" + o.get("id").asString() + "/reviews",
                "{\"note\":\"x\",\"nextReviewDate\":\"" + later.plusYears(1) + "\",\"version\":" + o.get("version").asLong() + "}", 403);
        o = call(Role.CONTRIBUTOR, "POST", "/obligations/" + o.get("id").asString() + "/reviews",
                "{\"note\":\"Still applies; the breach procedure was tested in May\",\"nextReviewDate\":\"" + later.plusYears(1)
                + "\",\"version\":" + o.get("version").asLong() + "}", 200);
        assertThat(o.get("lastReviewNote").asString()).startsWith("Still applies");
        assertThat(o.get("reviewAction").get("dueDate").asString()).isEqualTo(later.plusYears(1).toString());
        JsonNode done = call(Role.ISMS_MANAGER, "GET", "/actions?status=DONE", null, 200);
        assertThat(done.toString()).contains("Review OBL-001");

        o = call(Role.CONTRIBUTOR, "POST", "/obligations/" + o.get("id").asString() + "/changes", """
                {"effectiveDate":"2026-09-01","summary":"Guidelines now expect notification of processors within 24 hours",
                 "impactAssessment":"Supplier contracts and the incident procedure need a 24-hour clause"}""", 201);
        assertThat(o.get("changes").get(0).get("summary").asString()).contains("24 hours");
        JsonNode ofi = call(Role.CONTRIBUTOR, "POST", "/obligations/" + o.get("id").asString() + "/improvements", """
                {"kind":"OPPORTUNITY","title":"Add a 24-hour clause to supplier contracts","description":"See OBL-001"}""", 201);
        assertThat(ofi.get("source").asString()).isEqualTo("LEGAL_CHANGE");
        o = call(Role.GUEST_AUDITOR, "GET", "/obligations/" + o.get("id").asString(), null, 200);
        assertThat(o.get("raised").get(0).get("reference").asString()).isEqualTo(ofi.get("reference").asString());
        String page = mvc.perform(get("/improvements/{id}", ofi.get("id").asString()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/obligations/" + o.get("id").asString() + "\"");

        String csv = mvc.perform(get("/obligations/export.csv").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("OBL-001").contains("Regulation (EU) 2016/679, Art. 33");
        TestOrganisation other = newOrganisation("Other obligations");
        call(other, Role.ISMS_MANAGER, "GET", "/obligations/" + o.get("id").asString(), null, 404);
    }

    @Test
    void anImportNamesUnknownOwnersAndTypesAndWritesNothingUntilTheFileIsRight() throws Exception {
        String header = "Reference,Name,Type,Jurisdiction,Source,How it applies,Owner,Next review\n";
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/obligations/import", header
                + "L-1,NIS2,Regulation,EU,Directive (EU) 2022/2555,Essential entity,nobody@example.com,2027-01-31\n"
                + "L-2,Customer DPA,Treaty,,,Annex 2,,2027-02-30\n", 422);
        assertThat(refused.get("problems")).extracting(p -> p.get("row").asLong() + " " + p.get("column").asString())
                .containsExactly("2 Owner", "3 Type", "3 Source", "3 Next review");
        assertThat(call(Role.AUDITOR, "GET", "/obligations", null, 200).get("content")).isEmpty();
        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/obligations/import", header
                + "L-1,NIS2,Regulation,EU,Directive (EU) 2022/2555,Essential entity," + org.email(Role.AUDITOR) + ",2027-01-31\n"
                + ",Customer DPA,Contract,,DPA with Northwind,Annex 2 security measures,,2027-02-28\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        JsonNode list = call(Role.AUDITOR, "GET", "/obligations", null, 200);
        assertThat(list.get("content")).hasSize(2);
        assertThat(list.toString()).contains("\"OBL-00").contains("\"L-1\"");
    }
}
