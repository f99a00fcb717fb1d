package dev.ratchet.improvement;

import java.time.LocalDate;
import java.time.Year;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The clause 10.2 workflow through the API, as a program would drive it. */
class ImprovementWorkflowIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    HistoryManagement history;

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Workflow");
        var settings = organisations.settingsOf(org.id());
        settings.setEffectivenessWaitDays(0);
        organisations.updateSettings(org.id(), settings);
    }

    private JsonNode call(Role role, String method, String path, Object body, int expected) throws Exception {
        var request = switch (method) {
            case "POST" -> post("/api/v1/organisations/{org}" + path, org.id());
            case "PUT" -> put("/api/v1/organisations/{org}" + path, org.id());
            default -> get("/api/v1/organisations/{org}" + path, org.id());
        };
        request.header("Authorization", org.bearer(role));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        String response = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return response.isEmpty() ? null : JSON.readTree(response);
    }

    private JsonNode step(Role role, JsonNode record, String json, int expected) throws Exception {
        String body = json.replace("}", ",\"version\":" + record.get("version").asLong() + "}").replace("{,", "{");
        return call(role, "POST", "/improvements/" + record.get("id").asString() + "/transitions", body, expected);
    }

    @Test
    void aNonconformityGoesFromReportToClosureAndAnIneffectiveAttemptStaysOnRecord() throws Exception {
        UUID contributor = org.userIds().get(Role.CONTRIBUTOR);
        JsonNode nc = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Leavers keep VPN access","description":"Two leavers still had VPN accounts",
                 "source":"INTERNAL_AUDIT","requirements":["iso27001-2022:A.5.18"]}""", 201);
        assertThat(nc.get("reference").asString()).isEqualTo("NC-" + Year.now().getValue() + "-001");
        assertThat(nc.get("status").asString()).isEqualTo("REPORTED");

        // Each step refused without what it needs, naming it; allowed with it.
        JsonNode refused = step(Role.ISMS_MANAGER, nc, "{\"transition\":\"CONTAIN\"}", 409);
        assertThat(refused.get("errors").propertyNames()).contains("ownerId", "grade", "correction", "consequences");
        nc = step(Role.ISMS_MANAGER, nc, "{\"transition\":\"TRIAGE\",\"ownerId\":\"" + contributor + "\",\"grade\":\"MINOR\"}", 200);
        nc = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"CONTAIN\",\"correction\":\"Disabled both\",\"consequences\":\"Logs checked\"}", 200);
        assertThat(nc.get("status").asString()).isEqualTo("CONTAINED");

        refused = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"ANALYSE\",\"rcaMethod\":\"FIVE_WHYS\",\"whys\":[\"one\"]}", 409);
        assertThat(refused.get("errors").propertyNames()).contains("reviewSummary", "whys", "rootCause", "couldOccurElsewhere");
        String analysis = """
                {"transition":"ANALYSE","reviewSummary":"Confirmed","rcaMethod":"FIVE_WHYS",
                 "whys":["Accounts not disabled","IT not told","Checklist has no IT step"],"rootCause":"No IT step",
                 "couldOccurElsewhere":true,"elsewhereJudgement":"Contractors too","correctiveActionNeeded":true}""";
        nc = step(Role.CONTRIBUTOR, nc, analysis, 200);

        refused = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"PLAN_ACTIONS\",\"actions\":[{\"title\":\"Fix checklist\"}]}", 409);
        assertThat(refused.get("detail").asString()).contains("owner");
        String plan = "{\"transition\":\"PLAN_ACTIONS\",\"actions\":[{\"title\":\"Add IT step\",\"ownerId\":\"" + contributor
                + "\",\"dueDate\":\"" + LocalDate.now().plusDays(7) + "\",\"successCriteria\":\"No leaver account after 24 h\"}]}";
        nc = step(Role.CONTRIBUTOR, nc, plan, 200);
        String actionId = nc.get("actions").get(0).get("id").asString();

        refused = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"IMPLEMENT\"}", 409);
        assertThat(refused.get("detail").asString()).contains("still open");
        JsonNode action = call(Role.CONTRIBUTOR, "GET", "/actions/" + actionId, null, 200);
        call(Role.CONTRIBUTOR, "POST", "/actions/" + actionId + "/completion", "{\"evidence\":\"\",\"version\":" + action.get("version").asLong() + "}", 422);
        call(Role.CONTRIBUTOR, "POST", "/actions/" + actionId + "/completion",
                "{\"evidence\":\"Checklist v2 in the wiki\",\"version\":" + action.get("version").asLong() + "}", 200);
        nc = call(Role.CONTRIBUTOR, "GET", "/improvements/" + nc.get("id").asString(), null, 200);
        nc = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"IMPLEMENT\"}", 200);
        nc = step(Role.CONTRIBUTOR, nc, "{\"transition\":\"START_EFFECTIVENESS_REVIEW\"}", 200);

        // The one who implemented the action does not judge it without saying why; an auditor can.
        step(Role.CONTRIBUTOR, nc, "{\"transition\":\"REVIEW_EFFECTIVENESS\",\"method\":\"m\",\"evidence\":\"e\",\"effective\":true}", 403);
        refused = step(Role.AUDITOR, nc, "{\"transition\":\"REVIEW_EFFECTIVENESS\",\"effective\":false}", 409);
        assertThat(refused.get("errors").propertyNames()).contains("method", "evidence");
        nc = step(Role.AUDITOR, nc, "{\"transition\":\"REVIEW_EFFECTIVENESS\",\"method\":\"Sampled leavers\",\"evidence\":\"One account still active\",\"effective\":false}", 200);
        assertThat(nc.get("status").asString()).isEqualTo("ANALYSED");
        assertThat(nc.get("attempt").asInt()).isEqualTo(2);
        assertThat(nc.get("reviews").get(0).get("effective").asBoolean()).isFalse();

        // Re-analysis decides, with justification, that nothing more is needed; then it closes.
        nc = step(Role.CONTRIBUTOR, nc, analysis.replace("\"correctiveActionNeeded\":true",
                "\"correctiveActionNeeded\":false,\"noActionJustification\":\"The remaining account was a shared one, now covered by A.5.16\""), 200);
        nc = step(Role.ISMS_MANAGER, nc, "{\"transition\":\"CLOSE_WITHOUT_ACTION\"}", 200);
        assertThat(nc.get("status").asString()).isEqualTo("CLOSED");
        assertThat(nc.get("reviews")).hasSize(1);
        assertThat(nc.get("actions").get(0).get("status").asString()).isEqualTo("DONE");

        // The problem comes back: the new record is linked as a recurrence, the closed one's review questioned.
        JsonNode again = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Leaver kept VPN access again","description":"Another leaver still had a VPN account",
                 "source":"INCIDENT","requirements":["iso27001-2022:A.5.18"]}""", 201);
        refused = step(Role.ISMS_MANAGER, again, "{\"transition\":\"RECORD_RECURRENCE\"}", 409);
        assertThat(refused.get("errors").propertyNames()).contains("recurrenceOf");
        again = step(Role.ISMS_MANAGER, again, "{\"transition\":\"RECORD_RECURRENCE\",\"recurrenceOf\":\"" + nc.get("id").asString() + "\"}", 200);
        assertThat(again.get("recurrenceOf").get("reference").asString()).isEqualTo(nc.get("reference").asString());
        assertThat(call(Role.AUDITOR, "GET", "/improvements/" + nc.get("id").asString(), null, 200)
                .get("effectivenessQuestioned").asBoolean()).isTrue();

        var entries = history.of(org.id(), "ImprovementRecord", nc.get("id").asString());
        assertThat(entries).extracting(HistoryEntry::recordType).contains("ImprovementRecord", "ActionItem", "EffectivenessReview");
        assertThat(history.verify(org.id()).intact()).isTrue();
    }

    @Test
    void anOpportunityIsEvaluatedPlannedAndClosedWithItsBenefit() throws Exception {
        JsonNode ofi = call(Role.MANAGEMENT, "POST", "/improvements", """
                {"kind":"OPPORTUNITY","title":"Single sign-on","description":"Fewer passwords","source":"FEEDBACK"}""", 201);
        assertThat(ofi.get("reference").asString()).startsWith("OFI-");
        step(Role.MANAGEMENT, ofi, "{\"transition\":\"EVALUATE\",\"evaluation\":\"ACCEPTED\"}", 403);
        JsonNode refused = step(Role.ISMS_MANAGER, ofi, "{\"transition\":\"EVALUATE\",\"evaluation\":\"REJECTED\"}", 409);
        assertThat(refused.get("errors").propertyNames()).contains("reason");
        ofi = step(Role.ISMS_MANAGER, ofi, "{\"transition\":\"EVALUATE\",\"evaluation\":\"ACCEPTED\"}", 200);
        ofi = step(Role.ISMS_MANAGER, ofi, "{\"transition\":\"PLAN_ACTIONS\",\"actions\":[{\"title\":\"Roll out SSO\",\"ownerId\":\""
                + org.userIds().get(Role.ISMS_MANAGER) + "\",\"dueDate\":\"" + LocalDate.now().plusDays(30)
                + "\",\"successCriteria\":\"All staff apps behind SSO\"}]}", 200);
        String actionId = ofi.get("actions").get(0).get("id").asString();
        call(Role.ISMS_MANAGER, "POST", "/actions/" + actionId + "/completion", "{\"evidence\":\"Done\",\"version\":0}", 200);
        ofi = call(Role.ISMS_MANAGER, "GET", "/improvements/" + ofi.get("id").asString(), null, 200);
        ofi = step(Role.ISMS_MANAGER, ofi, "{\"transition\":\"IMPLEMENT\"}", 200);
        ofi = step(Role.ISMS_MANAGER, ofi, "{\"transition\":\"CLOSE\",\"benefitRealised\":\"Password resets down 60 %\"}", 200);
        assertThat(ofi.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aGuestReadsButChangesNothingAndAnotherOrganisationSeesNothing() throws Exception {
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        call(Role.GUEST_AUDITOR, "GET", "/improvements/" + nc.id(), null, 200);
        call(Role.GUEST_AUDITOR, "POST", "/improvements", "{\"kind\":\"OPPORTUNITY\",\"title\":\"t\",\"description\":\"d\",\"source\":\"OTHER\"}", 403);
        call(Role.GUEST_AUDITOR, "POST", "/improvements/" + nc.id() + "/transitions",
                "{\"transition\":\"RECORD_ISMS_CHANGE\",\"ismsChange\":\"x\",\"version\":" + nc.version() + "}", 403);
        assertThat(improvements.get(org.tenant(Role.ADMIN), nc.id()).version()).isEqualTo(nc.version());

        TestOrganisation other = newOrganisation("Elsewhere");
        mvc.perform(get("/api/v1/organisations/{org}/improvements/{id}", other.id(), nc.id())
                .header("Authorization", other.bearer(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{org}/improvements", other.id()).header("Authorization", other.bearer(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void twoPeopleEditingTheSameRecordCannotOverwriteEachOther() throws Exception {
        ImprovementView nc = Workflow.reported(improvements, org, "Visitor badges not returned");
        String body = "{\"kind\":\"NONCONFORMITY\",\"title\":\"%s\",\"description\":\"d\",\"source\":\"INTERNAL_AUDIT\",\"version\":" + nc.version() + "}";
        call(Role.ISMS_MANAGER, "PUT", "/improvements/" + nc.id(), body.formatted("First edit"), 200);
        JsonNode conflict = call(Role.ADMIN, "PUT", "/improvements/" + nc.id(), body.formatted("Second edit"), 409);
        assertThat(conflict.get("detail").asString()).contains("Reload");
        assertThat(improvements.get(org.tenant(Role.ADMIN), nc.id()).title()).isEqualTo("First edit");
    }

    @Test
    void theRegisterFiltersInTheDatabase() throws Exception {
        ImprovementView planned = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        ReportForm ofi = new ReportForm();
        ofi.setKind(Kind.OPPORTUNITY);
        ofi.setTitle("Password manager for all");
        ofi.setDescription("Fewer reused passwords");
        ofi.setSource(Source.FEEDBACK);
        ofi.setTargetDate(LocalDate.now().minusDays(3));
        improvements.report(org.tenant(Role.CONTRIBUTOR), ofi);

        var all = improvements.search(org.id(), RegisterFilter.none(), PageRequest.of(0, 10));
        assertThat(all.getTotalElements()).isEqualTo(2);
        assertThat(improvements.search(org.id(), new RegisterFilter(Kind.OPPORTUNITY, null, null, null, null, null, null,
                null, null, null, null, null), PageRequest.of(0, 10))).extracting(ImprovementSummary::title)
                .containsExactly("Password manager for all");
        assertThat(improvements.search(org.id(), new RegisterFilter(null, null, null, null, "iso27001-2022:A.5.18", null,
                null, null, null, null, null, null), PageRequest.of(0, 10))).extracting(ImprovementSummary::id)
                .containsExactly(planned.id());
        assertThat(improvements.search(org.id(), new RegisterFilter(null, null, null, null, null, null, null, true, null,
                null, null, null), PageRequest.of(0, 10))).extracting(ImprovementSummary::title)
                .containsExactly("Password manager for all");
        assertThat(improvements.search(org.id(), new RegisterFilter(null, Status.ACTIONS_PLANNED, Grade.MINOR, null, null,
                org.areaId(), org.userIds().get(Role.CONTRIBUTOR), null, true, LocalDate.now().minusDays(1), LocalDate.now(),
                "vpn"), PageRequest.of(0, 10))).hasSize(1);

        mvc.perform(get("/improvements").param("kind", "OPPORTUNITY").with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Password manager for all")))
                .andExpect(content().string(not(containsString("Leavers keep VPN access"))));
    }
}
