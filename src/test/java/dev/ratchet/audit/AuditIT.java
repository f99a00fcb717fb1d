package dev.ratchet.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaRisk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Audits through the API: independence, the NDA rule, findings before reporting, the programme, coverage. */
class AuditIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String A_5_15 = "iso27001-2022:A.5.15";
    static final String A_5_18 = "iso27001-2022:A.5.18";

    @Autowired
    HistoryManagement history;

    TestOrganisation org;
    LocalDate start;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Audits");
        start = LocalDate.now().plusDays(10);
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, Object body, int expected) throws Exception {
        return api(o, role, method, path, body == null || body instanceof String ? (String) body : JSON.writeValueAsString(body), expected);
    }

    JsonNode call(Role role, String method, String path, Object body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    String planBody(String type, String extra, UUID area, String... requirements) {
        return """
                {"title":"Access management","type":"%s","objectives":"Confirm access rights follow the policy",
                 "criteria":"ISO/IEC 27001:2022","plannedStart":"%s","plannedEnd":"%s","areaIds":[%s],
                 "requirements":[%s]%s}""".formatted(type, start, start.plusDays(2), area == null ? "" : "\"" + area + "\"",
                String.join(",", java.util.Arrays.stream(requirements).map(r -> "\"" + r + "\"").toList()), extra);
    }

    JsonNode plan(UUID area, String... requirements) throws Exception {
        return call(Role.ISMS_MANAGER, "POST", "/audits", planBody("INTERNAL", "", area, requirements), 201);
    }

    String path(JsonNode audit) {
        return "/audits/" + audit.get("id").asString();
    }

    JsonNode addAuditor(JsonNode audit, Role who, boolean lead, String justification, int expected) throws Exception {
        return call(Role.ISMS_MANAGER, "POST", path(audit) + "/team", """
                {"userId":"%s","lead":%s,"justification":%s,"version":%d}""".formatted(org.userIds().get(who), lead,
                justification == null ? "null" : "\"" + justification + "\"", audit.get("version").asLong()), expected);
    }

    UUID areaWorkedInByTheAuditor() {
        AreaForm area = new AreaForm();
        area.setName("Service desk " + UUID.randomUUID().toString().substring(0, 4));
        area.setRisk(AreaRisk.HIGH);
        area.setMemberIds(List.of(org.userIds().get(Role.AUDITOR)));
        return organisations.createArea(org.id(), area).id();
    }

    @Test
    void anInternalAuditorIsRefusedForAnAreaTheyWorkIn() throws Exception {
        JsonNode audit = plan(areaWorkedInByTheAuditor(), A_5_18);

        JsonNode refused = addAuditor(audit, Role.AUDITOR, true, null, 422);

        assertThat(refused.get("detail").asString()).contains("Service desk").contains("does not audit their own work");
        assertThat(refused.get("errors").get("userId")).isNotNull();
        assertThat(call(Role.AUDITOR, "GET", path(audit), null, 200).get("team")).isEmpty();
        // Someone independent of the area is accepted.
        JsonNode staffed = addAuditor(audit, Role.MANAGEMENT, true, null, 201);
        assertThat(staffed.get("team").get(0).get("conflicts")).isEmpty();
    }

    @Test
    void whereTheOrganisationAllowsIt_anOverrideNeedsAJustificationThatTheReportPrints() throws Exception {
        var settings = organisations.settingsOf(org.id());
        settings.setAllowIndependenceOverride(true);
        organisations.updateSettings(org.id(), settings);
        JsonNode audit = plan(areaWorkedInByTheAuditor(), A_5_18);

        JsonNode refused = addAuditor(audit, Role.AUDITOR, true, null, 422);
        assertThat(refused.get("errors").get("justification").asString()).contains("Give a justification");

        JsonNode staffed = addAuditor(audit, Role.AUDITOR, true, "The only trained auditor; the CISO reviews the working papers", 201);
        JsonNode member = staffed.get("team").get(0);
        assertThat(member.get("conflicts").get(0).asString()).startsWith("Service desk");
        assertThat(member.get("justification").asString()).startsWith("The only trained auditor");

        String pdf = pdfText(call(Role.AUDITOR, "GET", path(audit), null, 200));
        assertThat(pdf).contains("Independence overridden").contains("The only trained auditor");
    }

    @Test
    void aClientAuditDoesNotStartWithoutItsContractOrNda() throws Exception {
        JsonNode audit = call(Role.ISMS_MANAGER, "POST", "/audits",
                planBody("CLIENT_OR_THIRD_PARTY", ",\"party\":\"Northwind Bank\"", null, A_5_18), 201);
        audit = call(Role.ISMS_MANAGER, "POST", path(audit) + "/team", """
                {"externalName":"Dana Ruiz","externalOrganisation":"Northwind Bank","lead":true,"version":%d}"""
                .formatted(audit.get("version").asLong()), 201);

        JsonNode refused = call(Role.ISMS_MANAGER, "POST", path(audit) + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 409);
        assertThat(refused.get("errors").get("contractReference").asString()).contains("contract or NDA");
        assertThat(call(Role.ISMS_MANAGER, "GET", path(audit), null, 200).get("status").asString()).isEqualTo("PLANNED");

        audit = call(Role.ISMS_MANAGER, "PUT", path(audit), planBody("CLIENT_OR_THIRD_PARTY",
                ",\"party\":\"Northwind Bank\",\"contractReference\":\"NDA-2026-044\",\"version\":" + audit.get("version").asLong(), null, A_5_18), 200);
        JsonNode started = call(Role.ISMS_MANAGER, "POST", path(audit) + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 200);
        assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void reportingIsRefusedWhileANonconformityLineLacksItsImprovementRecord() throws Exception {
        JsonNode audit = plan(org.areaId(), A_5_18, A_5_15);
        assertThat(audit.get("lines")).hasSize(2);
        assertThat(audit.get("lines").get(0).get("code").asString()).isEqualTo("A.5.15"); // in the catalogue's order
        audit = addAuditor(audit, Role.AUDITOR, true, null, 201);
        audit = call(Role.AUDITOR, "POST", path(audit) + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 200);

        JsonNode conforming = audit.get("lines").get(0);
        JsonNode nc = audit.get("lines").get(1);
        call(Role.AUDITOR, "PUT", path(audit) + "/lines/" + conforming.get("id").asString(), """
                {"result":"CONFORMING","notes":"Policy approved 3 March","evidenceSeen":"Access control policy v2.1","version":%d}"""
                .formatted(conforming.get("version").asLong()), 200);
        audit = call(Role.AUDITOR, "PUT", path(audit) + "/lines/" + nc.get("id").asString(), """
                {"result":"MINOR_NONCONFORMITY","notes":"Two leavers kept VPN access for 3 weeks","version":%d}"""
                .formatted(nc.get("version").asLong()), 200);

        JsonNode refused = call(Role.AUDITOR, "POST", path(audit) + "/report",
                "{\"text\":\"Mostly effective\",\"version\":" + audit.get("version").asLong() + "}", 409);
        assertThat(refused.get("detail").asString()).contains("improvement record of the nonconformity against A.5.18");
        assertThat(call(Role.AUDITOR, "GET", path(audit), null, 200).get("status").asString()).isEqualTo("IN_PROGRESS");

        nc = audit.get("lines").get(1);
        audit = call(Role.AUDITOR, "POST", path(audit) + "/lines/" + nc.get("id").asString() + "/finding", """
                {"title":"Leavers keep VPN access","description":"Two leavers kept VPN access for 3 weeks","areaId":"%s","version":%d}"""
                .formatted(org.areaId(), nc.get("version").asLong()), 201);
        JsonNode line = audit.get("lines").get(1);
        String reference = line.get("improvementReference").asString();
        assertThat(reference).startsWith("NC-");

        JsonNode record = call(Role.AUDITOR, "GET", "/improvements/" + line.get("improvementId").asString(), null, 200);
        assertThat(record.get("source").asString()).isEqualTo("INTERNAL_AUDIT");
        assertThat(record.get("sourceReference").asString()).isEqualTo(audit.get("reference").asString());
        assertThat(record.get("sourceId").asString()).isEqualTo(audit.get("id").asString());
        assertThat(record.get("grade").asString()).isEqualTo("MINOR");
        assertThat(record.get("requirements").get(0).asString()).isEqualTo(A_5_18);

        JsonNode reported = call(Role.AUDITOR, "POST", path(audit) + "/report",
                "{\"text\":\"Mostly effective, one minor nonconformity\",\"version\":" + audit.get("version").asLong() + "}", 200);
        assertThat(reported.get("status").asString()).isEqualTo("REPORTED");

        String pdf = pdfText(reported);
        assertThat(pdf).contains("A.5.18").contains(reference).contains("IT operations").contains("Mostly effective");
        String docx = docxText(reported);
        assertThat(docx).contains("A.5.18").contains(reference).contains("Mostly effective");

        // The record's page links back to the audit.
        String page = mvc.perform(get("/improvements/{id}", line.get("improvementId").asString()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/audits/" + audit.get("id").asString() + "\"");

        // The line changes are in the audit's history.
        List<HistoryEntry> entries = history.of(org.id(), "Audit", audit.get("id").asString());
        assertThat(entries).anyMatch(e -> e.recordType().equals("AuditLine")
                && e.changes().stream().anyMatch(c -> "MINOR_NONCONFORMITY".equals(c.after())));
    }

    @Test
    void onlyTheTeamOrTheIsmsManagerWorksOnAnAudit() throws Exception {
        JsonNode audit = plan(org.areaId(), A_5_18);
        audit = addAuditor(audit, Role.MANAGEMENT, true, null, 201);

        call(Role.AUDITOR, "POST", path(audit) + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 403);
        call(Role.AUDITOR, "POST", "/audits", planBody("INTERNAL", "", null, A_5_18), 403);
        call(Role.CONTRIBUTOR, "GET", path(audit), null, 200);
    }

    @Test
    void anotherOrganisationReachesNothing() throws Exception {
        JsonNode audit = plan(org.areaId(), A_5_18);
        TestOrganisation other = newOrganisation("Other audits");

        call(other, Role.ISMS_MANAGER, "GET", path(audit), null, 404);
        call(other, Role.ISMS_MANAGER, "GET", path(audit) + "/report.pdf", null, 404);
        assertThat(call(other, Role.ISMS_MANAGER, "GET", "/audits", null, 200).get("content")).isEmpty();
        mvc.perform(get("/api/v1/organisations/{org}" + path(audit), org.id()).header("Authorization", other.bearer(Role.ISMS_MANAGER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProgrammeIsApprovedByManagementAndAChangeOpensANewRevision() throws Exception {
        plan(org.areaId(), A_5_18);
        int year = start.getYear();
        JsonNode programme = call(Role.AUDITOR, "GET", "/audit-programmes/" + year, null, 200);
        assertThat(programme.get("status").asString()).isEqualTo("DRAFT");
        assertThat(programme.get("audits")).hasSize(1);

        call(Role.ISMS_MANAGER, "POST", "/audit-programmes/" + year + "/approval", "{\"version\":" + programme.get("version").asLong() + "}", 403);
        programme = call(Role.MANAGEMENT, "POST", "/audit-programmes/" + year + "/approval",
                "{\"note\":\"Approved at the board\",\"version\":" + programme.get("version").asLong() + "}", 200);
        assertThat(programme.get("status").asString()).isEqualTo("APPROVED");
        assertThat(programme.get("approvedRevision").asInt()).isEqualTo(1);

        plan(org.areaId(), A_5_15);
        programme = call(Role.AUDITOR, "GET", "/audit-programmes/" + year, null, 200);
        assertThat(programme.get("status").asString()).isEqualTo("DRAFT");
        assertThat(programme.get("revision").asInt()).isEqualTo(2);
        assertThat(programme.get("approvedRevision").asInt()).isEqualTo(1);
        assertThat(programme.get("audits")).hasSize(2);
    }

    @Test
    void theProgrammeDocumentGivesEachAuditsScopeTeamAndStatusTheFrequenciesRevisionsAndCoverage() throws Exception {
        JsonNode audit = plan(org.areaId(), A_5_18);
        audit = addAuditor(audit, Role.AUDITOR, true, null, 201);
        int year = start.getYear();
        JsonNode programme = call(Role.ISMS_MANAGER, "PUT", "/audit-programmes/" + year,
                "{\"basis\":\"Access management is our highest risk\",\"version\":0}", 200);
        call(Role.MANAGEMENT, "POST", "/audit-programmes/" + year + "/approval",
                "{\"note\":\"Approved at the board\",\"version\":" + programme.get("version").asLong() + "}", 200);
        plan(org.areaId(), A_5_15);                                       // a change after approval opens revision 2

        for (String format : List.of("pdf", "docx", "xlsx")) {
            byte[] content = mvc.perform(get("/api/v1/organisations/{org}/audit-programmes/{year}/document." + format, org.id(), year)
                            .header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String text = switch (format) {
                case "pdf" -> {
                    Documents.keepPages(content, "audit-programme-document", 2);
                    yield Documents.pdfText(content);
                }
                case "docx" -> Documents.docxText(Documents.keep(content, "audit-programme.docx"));
                default -> xlsxText(content);
            };
            assertThat(text).as(format).contains("Audit programme " + year, "Access management is our highest risk",
                    "Audit frequency by area", "IT operations", "Audit every", audit.get("reference").asString(),
                    "Confirm access rights follow the policy", "ISO/IEC 27001:2022", "A.5.18", "Lead auditor",
                    "Internal auditor", "Independence", "Planned", "Revisions and approval", "Approved", "Approved at the board",
                    "Opened by a change after approval", "Coverage of the certification cycle", "A.5.15");
        }
    }

    private static String xlsxText(byte[] content) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(content))) {
            for (var sheet : book) {
                for (var row : sheet) {
                    for (var cell : row) {
                        text.append(cell.getStringCellValue()).append(' ');
                    }
                }
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    @Test
    void anAuditScopedOnNistCsfGetsItsChecklistAndCoverageCountsDirectAndMappedEvidenceApartPerFramework() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/frameworks", "{\"frameworks\":[\"nist-csf-2.0\",\"nis2-2022-2555\"],\"version\":-1}", 200);
        int year = start.getYear();
        // An audit of the whole of NIST CSF 2.0: one checklist line per subcategory, in the framework's order.
        JsonNode csf = call(Role.ISMS_MANAGER, "POST", "/audits", planBody("INTERNAL", ",\"framework\":\"nist-csf-2.0\"", org.areaId()), 201);
        assertThat(csf.get("lines")).hasSize(106);
        assertThat(csf.get("lines").get(0).get("code").asString()).isEqualTo("GV.OC-01");
        assertThat(csf.get("lines").get(105).get("code").asString()).isEqualTo("RC.CO-04");
        call(Role.ISMS_MANAGER, "POST", "/audits", planBody("INTERNAL", ",\"framework\":\"hipaa\"", org.areaId()), 422);

        // An ISO audit finds A.5.24 conforming: NIS2's incident handling and CSF's RS.MA-01 are covered through it.
        JsonNode iso = plan(org.areaId(), "A.5.24");
        iso = addAuditor(iso, Role.AUDITOR, true, null, 201);
        iso = call(Role.AUDITOR, "POST", path(iso) + "/start", "{\"version\":" + iso.get("version").asLong() + "}", 200);
        JsonNode line = iso.get("lines").get(0);
        call(Role.AUDITOR, "PUT", path(iso) + "/lines/" + line.get("id").asString(),
                "{\"result\":\"CONFORMING\",\"version\":" + line.get("version").asLong() + "}", 200);

        JsonNode nis2 = call(Role.AUDITOR, "GET", "/audits/coverage?framework=nis2-2022-2555&year=" + year, null, 200);
        assertThat(nis2.get("frameworkName").asString()).isEqualTo("NIS2 Directive (EU) 2022/2555");
        assertThat(nis2.get("covered").asLong()).isZero();
        assertThat(nis2.get("mapped").asLong()).isEqualTo(1);
        JsonNode handling = row(nis2, "Art.21(2)(b)");
        assertThat(handling.get("state").asString()).isEqualTo("MAPPED");
        assertThat(handling.get("mappedFrom").get(0).asString()).isEqualTo("iso27001-2022:A.5.24");

        JsonNode nist = call(Role.AUDITOR, "GET", "/audits/coverage?framework=nist-csf-2.0&year=" + year, null, 200);
        assertThat(nist.get("planned").asLong()).isEqualTo(106);
        assertThat(nist.get("mapped").asLong()).isZero(); // planned directly outweighs mapped evidence
        JsonNode isoCoverage = call(Role.AUDITOR, "GET", "/audits/coverage?year=" + year, null, 200);
        assertThat(row(isoCoverage, "A.5.24").get("state").asString()).isEqualTo("COVERED");

        String page = mvc.perform(get("/audits/coverage")
                        .param("framework", "nis2-2022-2555").param("year", String.valueOf(year))
                        .with(user(this.org.principal(Role.AUDITOR))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Coverage of <span>NIS2 Directive (EU) 2022/2555</span>")
                .contains("covered only through a mapped requirement audited").contains("Through")
                .contains("ISO/IEC 27001 A.5.24").contains("NIST CSF 2.0");
        // The dashboard's coverage bar per framework in scope, direct and mapped apart.
        String dashboard = mvc.perform(get("/").with(user(this.org.principal(Role.MANAGEMENT))))
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("NIS2 Directive (EU) 2022/2555: 0 of 20 audited (0%), 1 more through mapped requirements (5%)")
                .contains("NIST Cybersecurity Framework 2.0: 0 of 106 audited (0%), 0 more through mapped requirements");
        // The programme document shows each framework in scope.
        byte[] pdf = mvc.perform(get("/api/v1/organisations/{o}/audit-programmes/{y}/document.pdf", this.org.id(), year)
                        .header("Authorization", this.org.bearer(Role.AUDITOR)))
                .andReturn().getResponse().getContentAsByteArray();
        String text = dev.ratchet.Documents.pdfText(pdf);
        assertThat(text).contains(year - 2 + " to " + year + ": ISO/IEC 27001:2022").contains(": NIST Cybersecurity Framework 2.0")
                .contains("NIS2 Directive (EU) 2022/2555: 0 requirements audited, 1 covered only through a mapped requirement audited").containsPattern("Incident handling Through ISO ?/IEC 27001 A.5.24");
    }

    private static JsonNode row(JsonNode coverage, String code) {
        for (JsonNode group : coverage.get("groups")) {
            for (JsonNode r : group.get("rows")) {
                if (r.get("code").asString().equals(code)) {
                    return r;
                }
            }
        }
        throw new AssertionError(code + " is not in the coverage");
    }

    @Test
    void coverageShowsWhatWasAuditedPlannedLeftOutAndNeverAudited() throws Exception {
        JsonNode audit = plan(org.areaId(), A_5_18);
        int year = start.getYear();
        JsonNode before = call(Role.AUDITOR, "GET", "/audits/coverage?year=" + year, null, 200);
        long total = before.get("covered").asLong() + before.get("planned").asLong() + before.get("excluded").asLong() + before.get("gaps").asLong();
        assertThat(before.get("planned").asLong()).isEqualTo(1);
        assertThat(total).isEqualTo(before.get("gaps").asLong() + 1);

        call(Role.ISMS_MANAGER, "POST", "/audit-exclusions", """
                {"requirement":"iso27001-2022:A.7.5","cycleEndYear":%d,"reason":"Hosted in AWS: no premises of our own"}""".formatted(year), 201);
        call(Role.ISMS_MANAGER, "POST", "/audit-exclusions", "{\"requirement\":\"iso27001-2022:A.7.6\",\"cycleEndYear\":" + year + "}", 422);

        audit = addAuditor(audit, Role.AUDITOR, true, null, 201);
        audit = call(Role.AUDITOR, "POST", path(audit) + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 200);
        JsonNode line = audit.get("lines").get(0);
        call(Role.AUDITOR, "PUT", path(audit) + "/lines/" + line.get("id").asString(),
                "{\"result\":\"CONFORMING\",\"version\":" + line.get("version").asLong() + "}", 200);

        JsonNode after = call(Role.AUDITOR, "GET", "/audits/coverage?year=" + year, null, 200);
        assertThat(after.get("covered").asLong()).isEqualTo(1);
        assertThat(after.get("planned").asLong()).isZero();
        assertThat(after.get("excluded").asLong()).isEqualTo(1);
        assertThat(after.get("gaps").asLong()).isEqualTo(total - 2);
        JsonNode row = null;
        for (JsonNode group : after.get("groups")) {
            for (JsonNode r : group.get("rows")) {
                if (r.get("code").asString().equals("A.5.18")) {
                    row = r;
                }
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("state").asString()).isEqualTo("COVERED");
        assertThat(row.get("cells").get(2).get("result").asString()).isEqualTo("CONFORMING");

        JsonNode frequencies = call(Role.AUDITOR, "GET", "/audits/frequencies", null, 200);
        assertThat(frequencies).isNotEmpty();
    }

    String pdfText(JsonNode audit) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/organisations/{org}/audits/{id}/report.pdf", org.id(), audit.get("id").asString())
                .header("Authorization", org.bearer(Role.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        return Documents.pdfText(bytes);
    }

    String docxText(JsonNode audit) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/organisations/{org}/audits/{id}/report.docx", org.id(), audit.get("id").asString())
                .header("Authorization", org.bearer(Role.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        return Documents.docxText(Documents.keep(bytes, "audit-report.docx"));
    }
}
