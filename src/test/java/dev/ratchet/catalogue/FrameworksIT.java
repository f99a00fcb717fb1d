package dev.ratchet.catalogue;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An EU SaaS company answers to ISO/IEC 27001, NIS2 (as a supplier) and NIST CSF for a US customer: it puts them in
 * scope, and a nonconformity against A.5.24 shows what it also touches and is found by NIS2's incident handling.
 */
class FrameworksIT extends IntegrationTest {

    @Test
    void frameworksInScopeAreChosenWithTheirVersionAndUnknownOnesAreRefusedNamingTheField() throws Exception {
        TestOrganisation org = newOrganisation("Scope");
        JsonNode scope = api(org, Role.AUDITOR, "GET", "/frameworks", null, 200);
        assertThat(scope.get("version").asLong()).isEqualTo(-1);
        assertThat(scope.get("frameworks").findValuesAsString("id")).containsExactly("iso27001-2022");

        JsonNode refused = api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["nis2-2022-2555","hipaa"],"version":-1}""", 422);
        assertThat(refused.toString()).contains("frameworks[1]").contains("hipaa");
        assertThat(api(org, Role.AUDITOR, "GET", "/frameworks", null, 200).get("version").asLong()).isEqualTo(-1);

        JsonNode chosen = api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["nis2-2022-2555","nist-csf-2.0"],"version":-1}""", 200);
        assertThat(chosen.get("frameworks").findValuesAsString("id")).containsExactly("iso27001-2022", "nis2-2022-2555", "nist-csf-2.0");
        // Someone else's edit on the version read before is refused, not applied over this one.
        api(org, Role.ADMIN, "PUT", "/frameworks", """
                {"frameworks":["soc2-tsc-2017"],"version":-1}""", 409);
        api(org, Role.CONTRIBUTOR, "PUT", "/frameworks", """
                {"frameworks":["soc2-tsc-2017"],"version":%d}""".formatted(chosen.get("version").asLong()), 403);
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type = 'FrameworkScope'",
                Long.class, org.id())).isEqualTo(1);

        String page = mvc.perform(get("/settings/frameworks").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("NIST Cybersecurity Framework 2.0").contains("Public domain").contains("always in scope")
                .contains("ISO/IEC 27001:2022 to NIS2 Directive (EU) 2022/2555");
        mvc.perform(post("/settings/frameworks").param("frameworks", "nis2-2022-2555").param("frameworks", "soc2-tsc-2017")
                        .param("version", String.valueOf(chosen.get("version").asLong()))
                        .with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(api(org, Role.AUDITOR, "GET", "/frameworks", null, 200).get("frameworks").findValuesAsString("id"))
                .containsExactly("iso27001-2022", "nis2-2022-2555", "soc2-tsc-2017");
    }

    @Test
    void aRecordAgainstA524ShowsWhatItAlsoTouchesAndIsFoundByNis2IncidentHandlingMarkedAsMapped() throws Exception {
        TestOrganisation org = newOrganisation("Crosswalk");
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["nis2-2022-2555","nist-csf-2.0"],"version":-1}""", 200);
        JsonNode nc = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"No incident response plan for the payment service","description":"Found in the tabletop exercise",
                 "source":"INTERNAL_AUDIT","requirements":["A.5.24"]}""", 201);
        JsonNode direct = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"OPPORTUNITY","title":"Report to the CSIRT from Ratchet","description":"Idea","source":"OTHER",
                 "requirements":["nis2-2022-2555:Art.21(2)(b)"]}""", 201);
        api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Unrelated","description":"Backups untested","source":"INTERNAL_AUDIT","requirements":["A.8.13"]}""", 201);

        String record = mvc.perform(get("/improvements/{id}", nc.get("id").asString()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(record).contains("also touches").contains("NIS2 Art.21(2)(b)").contains("NIST CSF 2.0 RS.MA-01")
                .contains("NIST CSF 2.0 ID.IM-04")
                // SOC 2 is not in this organisation's scope, so it is not shown
                .doesNotContain("SOC 2 CC7.4");
        JsonNode touches = api(org, Role.AUDITOR, "GET", "/frameworks/mapped?requirement=A.5.24", null, 200);
        assertThat(touches.findValuesAsString("reference")).contains("nis2-2022-2555:Art.21(2)(b)", "nist-csf-2.0:RS.MA-01")
                .doesNotContain("soc2-tsc-2017:CC7.4");

        JsonNode found = api(org, Role.AUDITOR, "GET", "/improvements?requirement=nis2-2022-2555:Art.21(2)(b)", null, 200);
        assertThat(found.get("content").findValuesAsString("reference"))
                .containsExactlyInAnyOrder(nc.get("reference").asString(), direct.get("reference").asString());
        for (JsonNode row : found.get("content")) {
            if (row.get("id").asString().equals(nc.get("id").asString())) {
                assertThat(row.get("requirementMatch").asString()).isEqualTo("MAPPED");
                assertThat(row.get("mappedThrough").get(0).asString()).isEqualTo("iso27001-2022:A.5.24");
            } else {
                assertThat(row.get("requirementMatch").asString()).isEqualTo("DIRECT");
            }
        }
        // By ISO's own control the record is direct and the NIS2 one mapped; by a NIST CSF category, the same through its subcategory.
        JsonNode byIso = api(org, Role.AUDITOR, "GET", "/improvements?requirement=A.5.24", null, 200);
        assertThat(byIso.get("content").findValuesAsString("requirementMatch")).containsExactlyInAnyOrder("DIRECT", "MAPPED");
        assertThat(api(org, Role.AUDITOR, "GET", "/improvements?requirement=nist-csf-2.0:RS.MA", null, 200).get("content")
                .findValuesAsString("reference")).contains(nc.get("reference").asString());

        String page = mvc.perform(get("/improvements").param("requirement", "nis2-2022-2555:Art.21(2)(b)")
                        .with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Linked to the requirement").contains("mapped via A.5.24").contains(">direct<")
                .doesNotContain("Unrelated");
    }

    @Test
    void aFrameworkInScopeBringsItsObligationsOnRequestOnceEach() throws Exception {
        TestOrganisation org = newOrganisation("Obligations");
        assertThat(api(org, Role.ISMS_MANAGER, "POST", "/obligations/from-framework", """
                {"framework":"nis2-2022-2555"}""", 422).toString()).contains("framework").contains("not among the frameworks in scope");
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["nis2-2022-2555","gdpr-2016-679"],"version":-1}""", 200);
        api(org, Role.AUDITOR, "POST", "/obligations/from-framework", """
                {"framework":"nis2-2022-2555"}""", 403);
        JsonNode created = api(org, Role.ISMS_MANAGER, "POST", "/obligations/from-framework", """
                {"framework":"nis2-2022-2555"}""", 201);
        assertThat(created.findValuesAsString("name")).containsExactly("NIS2 Art.20: Governance",
                "NIS2 Art.21: Cybersecurity risk-management measures", "NIS2 Art.23: Reporting obligations");
        JsonNode measures = created.get(1);
        assertThat(measures.get("type").asString()).isEqualTo("LEGAL");
        assertThat(measures.get("jurisdiction").asString()).isEqualTo("EU");
        assertThat(measures.get("source").asString()).contains("Directive (EU) 2022/2555").endsWith("Art.21");
        assertThat(measures.get("requirements").toString()).contains("nis2-2022-2555:Art.21(2)(a)").contains("nis2-2022-2555:Art.21(2)(j)");
        assertThat(measures.get("nextReviewDate").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(1).toString());
        // Asked again, nothing is added twice.
        assertThat(api(org, Role.ISMS_MANAGER, "POST", "/obligations/from-framework", """
                {"framework":"nis2-2022-2555"}""", 201)).isEmpty();
        assertThat(api(org, Role.ISMS_MANAGER, "POST", "/obligations/from-framework", """
                {"framework":"gdpr-2016-679"}""", 201).findValuesAsString("name")).hasSize(9).contains("GDPR Art.32: Security of processing");
        String page = mvc.perform(get("/obligations").with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Add the obligations NIS2 brings").contains("NIS2 Art.21: Cybersecurity risk-management measures");
    }

    @Test
    void theGeneratedPolicyNamesTheFrameworksInScopeAndAnAiCompanyItsAiManagementSystem() throws Exception {
        TestOrganisation org = newOrganisation("Policy frameworks");
        var settings = organisations.settingsOf(org.id());
        settings.setSector(dev.ratchet.organisation.Sector.AI_COMPANY);
        organisations.updateSettings(org.id(), settings);
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["iso42001-2023","nis2-2022-2555","soc2-tsc-2017"],"version":-1}""", 200);
        JsonNode policy = api(org, Role.ISMS_MANAGER, "POST", "/policies/continual-improvement", null, 201);
        byte[] pdf = mvc.perform(get("/api/v1/organisations/{o}/policies/{p}/versions/{v}/document.pdf", org.id(),
                        policy.get("id").asString(), policy.get("draft").get("id").asString()).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = dev.ratchet.Documents.pdfText(pdf);
        assertThat(text).contains("Standards and regulations that need this policy")
                .contains("ISO/IEC 27001:2022, the standard of the ISMS")
                .contains("ISO/IEC 42001:2023, in particular:").contains("10.2 Nonconformity and corrective action")
                .contains("NIS2 Directive (EU) 2022/2555, in particular:").contains("Art.21(2)(b) Incident handling")
                .contains("SOC 2 Trust Services Criteria, in particular:").contains("CC4.2")
                .contains("The same loop serves our AI management system under ISO/IEC 42001:2023")
                .doesNotContain("DORA");
    }
}
