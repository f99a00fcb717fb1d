package dev.ratchet.objective;

import java.time.LocalDate;
import java.util.UUID;

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

/** Objectives through the API: measurements against the target, the suggested opportunity, reviews, import, export. */
class ObjectiveIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Objectives");
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, String body, int expected) throws Exception {
        return api(o, role, method, path, body, expected);
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    JsonNode objective(String title) throws Exception {
        return call(Role.ISMS_MANAGER, "POST", "/objectives", """
                {"title":"%s","measure":"Share of critical patches applied within 14 days","unit":"%%","target":95,
                 "direction":"AT_LEAST","frequency":"MONTHLY","ownerId":"%s","dataSource":"Scanner report"}"""
                .formatted(title, org.userIds().get(Role.CONTRIBUTOR)), 201);
    }

    JsonNode measure(Role role, JsonNode objective, LocalDate on, String value, int expected) throws Exception {
        return call(role, "POST", "/objectives/" + objective.get("id").asString() + "/measurements",
                "{\"measuredOn\":\"" + on + "\",\"value\":" + value + ",\"comment\":\"monthly report\"}", expected);
    }

    long measurementCount() {
        return jdbc.queryForObject("select count(*) from objective_measurement where organisation_id = ?", Long.class, org.id());
    }

    @Test
    void anObjectiveOffTargetForTwoPeriodsSuggestsAnOpportunityWhichIsRaisedAndLinkedBothWays() throws Exception {
        JsonNode o = objective("Patch critical vulnerabilities quickly");
        assertThat(o.get("reference").asString()).isEqualTo("OBJ-01");
        LocalDate today = LocalDate.now();

        o = measure(Role.CONTRIBUTOR, o, today.minusMonths(2), "97", 201);   // the owner enters it
        assertThat(o.get("onTarget").asBoolean()).isTrue();
        o = measure(Role.CONTRIBUTOR, o, today.minusMonths(1), "88.5", 201);
        assertThat(o.get("onTarget").asBoolean()).isFalse();
        assertThat(o.get("suggestOpportunity").asBoolean()).isFalse();
        o = measure(Role.ISMS_MANAGER, o, today, "90", 201);
        assertThat(o.get("periodsOffTarget").asInt()).isEqualTo(2);
        assertThat(o.get("suggestOpportunity").asBoolean()).isTrue();

        measure(Role.AUDITOR, o, today.minusDays(3), "99", 403);             // neither owner nor manager
        measure(Role.CONTRIBUTOR, o, today, "99", 422);                      // that day has a value
        measure(Role.CONTRIBUTOR, o, today.plusDays(1), "99", 422);          // the future

        JsonNode raised = call(Role.CONTRIBUTOR, "POST", "/objectives/" + o.get("id").asString() + "/improvements", """
                {"kind":"OPPORTUNITY","title":"Patch window too long","description":"Off target two months running"}""", 201);
        assertThat(raised.get("source").asString()).isEqualTo("OBJECTIVE_REVIEW");
        assertThat(raised.get("sourceReference").asString()).isEqualTo("OBJ-01");
        assertThat(raised.get("sourceId").asString()).isEqualTo(o.get("id").asString());

        o = call(Role.GUEST_AUDITOR, "GET", "/objectives/" + o.get("id").asString(), null, 200);
        assertThat(o.get("raised").get(0).get("reference").asString()).isEqualTo(raised.get("reference").asString());
        assertThat(o.get("suggestOpportunity").asBoolean()).isFalse();  // an open one is raised already

        String page = mvc.perform(get("/improvements/{id}", raised.get("id").asString()).with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/objectives/" + o.get("id").asString() + "\"");
        String objectivePage = mvc.perform(get("/objectives/{id}", o.get("id").asString()).with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(objectivePage).contains(raised.get("reference").asString()).contains("data-chart=\"trend\"");
    }

    @Test
    void onlyTheIsmsManagerSetsObjectivesAndAStaleEditIsRefused() throws Exception {
        call(Role.CONTRIBUTOR, "POST", "/objectives", """
                {"title":"Mine","measure":"m","target":1,"direction":"AT_LEAST","frequency":"MONTHLY"}""", 403);
        JsonNode o = objective("Train everyone");
        String body = """
                {"title":"Train everyone yearly","measure":"Share trained","target":100,"direction":"AT_LEAST","frequency":"YEARLY","version":%d}""";
        call(Role.ISMS_MANAGER, "PUT", "/objectives/" + o.get("id").asString(), body.formatted(o.get("version").asLong()), 200);
        JsonNode stale = call(Role.ISMS_MANAGER, "PUT", "/objectives/" + o.get("id").asString(), body.formatted(o.get("version").asLong()), 409);
        assertThat(stale.get("detail").asString()).contains("Reload");
        JsonNode missing = call(Role.ISMS_MANAGER, "POST", "/objectives", "{\"title\":\"\",\"direction\":\"AT_LEAST\",\"frequency\":\"MONTHLY\"}", 422);
        assertThat(missing.get("errors").get("title")).isNotNull();
        assertThat(missing.get("errors").get("target")).isNotNull();
    }

    @Test
    void theYearlyReviewIsRecordedAndARetiredObjectiveIsNoLongerMeasured() throws Exception {
        JsonNode o = objective("Old objective");
        o = call(Role.ISMS_MANAGER, "POST", "/objectives/" + o.get("id").asString() + "/reviews",
                "{\"outcome\":\"RETIRE\",\"conclusion\":\"Replaced by the vulnerability SLA\",\"version\":" + o.get("version").asLong() + "}", 201);
        assertThat(o.get("status").asString()).isEqualTo("RETIRED");
        assertThat(o.get("reviews").get(0).get("conclusion").asString()).isEqualTo("Replaced by the vulnerability SLA");
        measure(Role.ISMS_MANAGER, o, LocalDate.now(), "50", 409);
    }

    @Test
    void aMalformedImportWritesNothingAndNamesEveryProblemByRowAndColumn() throws Exception {
        objective("Patch quickly");
        long before = measurementCount();
        StringBuilder csv = new StringBuilder("Objective,Date,Value,Comment\n");
        LocalDate start = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            csv.append("OBJ-01,").append(start.plusDays(i)).append(",").append(90 + i % 10).append(",batch\n");
        }
        csv.append("OBJ-01,31/02/2024,91,bad date\n");        // row 10002
        csv.append("OBJ-01,1990-01-01,91,same day again\n");   // row 10003: a second value for a day
        csv.append("OBJ-99,2024-01-01,91,\n");                 // row 10004: unknown objective
        csv.append("OBJ-01,2024-01-02,ninety,\n");             // row 10005: not a number

        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/objectives/measurements/import", csv.toString(), 422);
        assertThat(refused.get("rows").asLong()).isEqualTo(10_004);
        assertThat(refused.get("problems")).hasSize(4);
        assertThat(problem(refused, 0)).isEqualTo("10002 Date");
        assertThat(problem(refused, 1)).isEqualTo("10003 Date");
        assertThat(problem(refused, 2)).isEqualTo("10004 Objective");
        assertThat(problem(refused, 3)).isEqualTo("10005 Value");
        assertThat(measurementCount()).isEqualTo(before);

        JsonNode wrongColumns = call(Role.ISMS_MANAGER, "POST", "/objectives/measurements/import",
                "Objective,Day,Value\nOBJ-01,2024-01-01,1\n", 422);
        assertThat(wrongColumns.get("problems").get(0).get("row").asLong()).isEqualTo(1);
        assertThat(wrongColumns.toString()).contains("Unknown column").contains("Missing column \\\"Date\\\"");

        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/objectives/measurements/import",
                "\uFEFFobjective,date,value,comment\nOBJ-01,2024-01-31,91.5,January\nobj-01,29/02/2024,96,February\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(measurementCount()).isEqualTo(before + 2);
        call(Role.CONTRIBUTOR, "POST", "/objectives/measurements/import", "Objective,Date,Value\n", 403);
    }

    String problem(JsonNode outcome, int i) {
        JsonNode p = outcome.get("problems").get(i);
        return p.get("row").asLong() + " " + p.get("column").asString();
    }

    @Test
    void theExportNeutralisesFormulasAndAnotherOrganisationSeesNothing() throws Exception {
        JsonNode o = objective("=HYPERLINK(\\\"http://evil\\\")");
        String csv = mvc.perform(get("/objectives/export.csv").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Reference,Objective,Measure").contains("'=HYPERLINK");
        TestOrganisation other = newOrganisation("Other objectives");
        call(other, Role.ISMS_MANAGER, "GET", "/objectives/" + o.get("id").asString(), null, 404);
        assertThat(call(other, Role.ISMS_MANAGER, "GET", "/objectives", null, 200).get("content")).isEmpty();
        mvc.perform(get("/objectives/{id}", o.get("id").asString()).with(user(other.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isNotFound());
        assertThat(UUID.fromString(o.get("id").asString())).isNotNull();
    }
}
