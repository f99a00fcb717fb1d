package dev.ratchet.soa;

import java.time.LocalDate;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Statement of Applicability: reasons found in the risks, rules of exclusion, approval, locked versions, diff. */
class SoaIT extends IntegrationTest {

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("SoA");
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return api(org, role, method, path, body, expected);
    }

    JsonNode control(String code) throws Exception {
        return call(Role.AUDITOR, "GET", "/soa/controls/" + code, null, 200);
    }

    String decide(boolean applicable, String exclusion, long version) {
        return """
                {"applicable":%s,"exclusionJustification":%s,"status":"IMPLEMENTED","implementation":"Done through MDM","version":%d}"""
                .formatted(applicable, exclusion == null ? "null" : "\"" + exclusion + "\"", version);
    }

    @Test
    void theSoaProposesAControlFromTheRiskThatCallsForItAndShowsWhatIsLeftToResolve() throws Exception {
        JsonNode rows = call(Role.CONTRIBUTOR, "GET", "/soa", null, 200);
        assertThat(rows).hasSize(93);
        assertThat(rows.get(0).get("code").asString()).isEqualTo("A.5.1");
        assertThat(rows.get(0).get("problems").toString()).contains("Not decided");

        call(Role.MANAGEMENT, "POST", "/risk-criteria/draft/approval", "{\"version\":0}", 200);
        JsonNode risk = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"Laptop theft","threat":"A laptop is stolen","consequence":"A breach","ownerId":"%s","treatment":"MODIFY",
                 "requirements":["A.8.1"],
                 "assessment":{"inherentLikelihood":4,"inherentImpact":4,"currentLikelihood":3,"currentImpact":4,"targetLevel":"Medium"}}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR)), 201);
        call(Role.ISMS_MANAGER, "POST", "/risks/" + risk.get("id").asString() + "/treatment-actions", """
                {"title":"Encrypt disks","ownerId":"%s","dueDate":"%s","successCriteria":"All encrypted","controls":["A.8.24"]}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(20)), 201);
        JsonNode a824 = control("A.8.24");
        assertThat(a824.get("reasons").get(0).get("reference").asString()).isEqualTo("RSK-001");
        assertThat(a824.get("problems").toString()).contains("Not decided; called for by RSK-001");

        // Excluding without a justification is refused on its field and changes nothing.
        JsonNode refused = call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.8.24", decide(false, null, 0), 422);
        assertThat(refused.get("errors").has("exclusionJustification")).isTrue();
        assertThat(control("A.8.24").get("applicable").isNull()).isTrue();
        call(Role.AUDITOR, "PUT", "/soa/controls/A.8.24", decide(true, null, 0), 403);

        // Called for but excluded is a problem to resolve; applied with nothing calling for it is one too.
        JsonNode excluded = call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.8.24", decide(false, "We hold no data at rest", 0), 200);
        assertThat(excluded.get("problems").toString()).contains("Excluded, but called for by RSK-001");
        JsonNode lonely = call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.5.2", decide(true, null, 0), 200);
        assertThat(lonely.get("problems").toString()).contains("no risk, obligation, nonconformity, policy or other reason calls for it");
        // An obligation naming a control is a reason for it too.
        call(Role.ISMS_MANAGER, "POST", "/obligations", """
                {"name":"UK GDPR","type":"LEGAL","source":"UK GDPR Art. 32","howItApplies":"Security of processing","nextReviewDate":"2099-01-01",
                 "requirements":["A.5.34"]}""", 201);
        JsonNode privacy = control("A.5.34");
        assertThat(privacy.get("reasons").get(0).get("kind").asString()).isEqualTo("Obligation");
        assertThat(privacy.get("reasons").get(0).get("reference").asString()).isEqualTo("OBL-001");
        JsonNode included = call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.8.24", decide(true, null, excluded.get("version").asLong()), 200);
        assertThat(included.get("problems")).isEmpty();
        call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.8.24", decide(true, null, excluded.get("version").asLong()), 409);
        call(Role.ISMS_MANAGER, "PUT", "/soa/controls/Z.9", decide(true, null, 0), 404);
        call(Role.GUEST_AUDITOR, "GET", "/soa", null, 403);
    }

    @Test
    void approvalNeedsEveryControlDecidedAndAnApprovedVersionIsLockedWithItsDocumentsAndADiff() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.5.1", decide(true, null, 0), 200);
        JsonNode refused = call(Role.MANAGEMENT, "POST", "/soa/versions", "{\"note\":\"First\"}", 409);
        assertThat(refused.get("detail").asString()).contains("92 controls are not decided yet");
        JsonNode rows = call(Role.ISMS_MANAGER, "GET", "/soa", null, 200);
        for (JsonNode row : rows) {
            if (row.get("applicable").isNull()) {
                boolean physical = row.get("code").asString().startsWith("A.7.");
                call(Role.ISMS_MANAGER, "PUT", "/soa/controls/" + row.get("code").asString(),
                        decide(!physical, physical ? "Fully remote company: no premises of our own" : null, 0), 200);
            }
        }
        call(Role.ISMS_MANAGER, "POST", "/soa/versions", "{}", 403);
        JsonNode v1 = call(Role.MANAGEMENT, "POST", "/soa/versions", "{\"note\":\"Approved at the review\"}", 201);
        assertThat(v1.get("number").asInt()).isEqualTo(1);
        assertThat(v1.get("excluded").asInt()).isEqualTo(14);
        assertThat(v1.get("applicable").asInt()).isEqualTo(79);

        // A later decision does not change version 1's document; version 2 supersedes it and the diff names the change.
        JsonNode a71 = control("A.7.1");
        call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.7.1", decide(true, null, a71.get("version").asLong()), 200);
        String v1Pdf = Documents.pdfText(download(Role.GUEST_AUDITOR, "/soa/versions/" + v1.get("id").asString() + "/document.pdf"));
        assertThat(v1Pdf).contains("Statement of Applicability", "version 1", "Fully remote company", "A.7.1");
        JsonNode v2 = call(Role.MANAGEMENT, "POST", "/soa/versions", "{}", 201);
        assertThat(call(Role.GUEST_AUDITOR, "GET", "/soa/versions/" + v1.get("id").asString(), null, 200).get("status").asString())
                .isEqualTo("SUPERSEDED");
        JsonNode diff = call(Role.GUEST_AUDITOR, "GET", "/soa/diff?from=" + v1.get("id").asString() + "&to=" + v2.get("id").asString(), null, 200);
        assertThat(diff.get("changes")).anySatisfy(c -> {
            assertThat(c.get("code").asString()).isEqualTo("A.7.1");
            assertThat(c.get("field").asString()).isEqualTo("Applicable");
            assertThat(c.get("before").asString()).isEqualTo("No");
            assertThat(c.get("after").asString()).isEqualTo("Yes");
        });
        byte[] docx = download(Role.AUDITOR, "/soa/versions/" + v2.get("id").asString() + "/document.docx");
        Documents.keep(docx, "statement-of-applicability.docx");
        assertThat(Documents.docxText(docx)).contains("Justification", "Fully remote company");
        assertThat(Documents.pdfText(Documents.viaLibreOffice(docx))).contains("Statement of Applicability");
        byte[] xlsx = download(Role.AUDITOR, "/soa/versions/" + v2.get("id").asString() + "/document.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(1);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Justification");
            assertThat(sheet.getLastRowNum()).isEqualTo(93);
        }
        TestOrganisation other = newOrganisation("Other SoA");
        api(other, Role.AUDITOR, "GET", "/soa/versions/" + v1.get("id").asString(), null, 404);
    }

    @Test
    void theEvidenceBundleHoldsTheRiskRegisterTheApprovedPlanAndTheSoaVersionsInForce() throws Exception {
        call(Role.MANAGEMENT, "POST", "/risk-criteria/draft/approval", "{\"version\":0}", 200);
        call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"Laptop theft","threat":"A laptop is stolen","consequence":"A breach","ownerId":"%s","treatment":"MODIFY",
                 "assessment":{"inherentLikelihood":4,"inherentImpact":4,"currentLikelihood":3,"currentImpact":4,"targetLevel":"Medium"}}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR)), 201);
        call(Role.MANAGEMENT, "POST", "/risk-treatment-plan/approvals", "{}", 201);
        for (JsonNode row : call(Role.ISMS_MANAGER, "GET", "/soa", null, 200)) {
            call(Role.ISMS_MANAGER, "PUT", "/soa/controls/" + row.get("code").asString(), decide(true, null, 0), 200);
        }
        call(Role.MANAGEMENT, "POST", "/soa/versions", "{}", 201);
        LocalDate today = LocalDate.now();
        JsonNode bundle = call(Role.AUDITOR, "POST", "/bundles", "{\"from\":\"" + today.minusMonths(1) + "\",\"to\":\"" + today.plusDays(1) + "\"}", 201);
        String id = bundle.get("id").asString();
        for (int i = 0; i < 150 && !bundle.get("status").asString().equals("READY") && !bundle.get("status").asString().equals("FAILED"); i++) {
            Thread.sleep(200);
            bundle = call(Role.AUDITOR, "GET", "/bundles/" + id, null, 200);
        }
        assertThat(bundle.get("status").asString()).as(bundle.toString()).isEqualTo("READY");
        java.util.Map<String, byte[]> files = dev.ratchet.bundle.BundleFiles.read(download(Role.AUDITOR, "/bundles/" + id + "/content.zip"));
        assertThat(files.keySet()).contains("registers/risk-register.xlsx", "risks/risk-treatment-plan approval 1.pdf",
                "risks/risk-treatment-plan approval 1.docx", "statement-of-applicability/version 1.pdf",
                "statement-of-applicability/version 1.docx", "statement-of-applicability/version 1.xlsx");
        assertThat(Documents.pdfText(files.get("statement-of-applicability/version 1.pdf"))).contains("A.8.24");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(files.get("registers/risk-register.xlsx")))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("RSK-001");
        }
        dev.ratchet.bundle.BundleFiles.assertManifestMatches(files);
    }

    @Test
    void theAuditCoverageCountsAControlTheSoaExcludesAsExcludedWithItsJustificationNotAsAGap() throws Exception {
        int year = LocalDate.now().getYear();
        JsonNode before = call(Role.AUDITOR, "GET", "/audits/coverage?year=" + year, null, 200);
        call(Role.ISMS_MANAGER, "PUT", "/soa/controls/A.7.12", decide(false, "No cabling of our own: a serviced office", 0), 200);
        JsonNode after = call(Role.AUDITOR, "GET", "/audits/coverage?year=" + year, null, 200);
        assertThat(after.get("gaps").asLong()).isEqualTo(before.get("gaps").asLong() - 1);
        assertThat(after.get("excluded").asLong()).isEqualTo(before.get("excluded").asLong() + 1);
        assertThat(after.toString()).contains("Excluded in the Statement of Applicability: No cabling of our own");
        // An audit whose scope takes the excluded control in has it on its checklist as excluded, with why.
        JsonNode audit = call(Role.ISMS_MANAGER, "POST", "/audits", """
                {"title":"Physical security","objectives":"Check the office","plannedStart":"%s","plannedEnd":"%s",
                 "requirements":["iso27001-2022:A.7.1","iso27001-2022:A.7.12"]}""".formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(11)), 201);
        assertThat(audit.get("lines").toString()).contains("NOT_AUDITED", "Excluded in the Statement of Applicability: No cabling");
    }

    private byte[] download(Role role, String path) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
