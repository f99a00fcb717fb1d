package dev.ratchet.bundle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Sha256;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An evidence bundle holds each kind of document of the period, and its manifest's hashes match the files. */
class BundleIT extends IntegrationTest {

    @Autowired
    HistoryManagement history;

    @Autowired
    BundleManagement bundles;

    @Test
    void aBundleForNis2OpensWithItsEvidenceTableAndKeepsOnlyTheRecordsThatEvidenceIt() throws Exception {
        TestOrganisation org = newOrganisation("Bundle NIS2");
        LocalDate today = LocalDate.now();
        String body = "{\"from\":\"" + today.minusMonths(1) + "\",\"to\":\"" + today.plusDays(3) + "\",\"framework\":\"nis2-2022-2555\"}";
        assertThat(api(org, Role.AUDITOR, "POST", "/bundles", body, 422).get("errors").get("framework")).isNotNull();
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", "{\"frameworks\":[\"nis2-2022-2555\"],\"version\":-1}", 200);
        JsonNode incidentPlan = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"No incident response plan","description":"Tabletop","source":"INTERNAL_AUDIT","requirements":["A.5.24"]}""", 201);
        JsonNode direct = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"OPPORTUNITY","title":"Report to the CSIRT from Ratchet","description":"Idea","source":"OTHER","requirements":["nis2-2022-2555:Art.23(4)(a)"]}""", 201);
        JsonNode unrelated = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Visitor badges not returned","description":"Front desk","source":"INTERNAL_AUDIT","requirements":["A.7.2"]}""", 201);

        JsonNode bundle = api(org, Role.AUDITOR, "POST", "/bundles", body, 201);
        String id = bundle.get("id").asString();
        for (int i = 0; i < 150 && !bundle.get("status").asString().equals("READY") && !bundle.get("status").asString().equals("FAILED"); i++) {
            Thread.sleep(200);
            bundle = api(org, Role.AUDITOR, "GET", "/bundles/" + id, null, 200);
        }
        assertThat(bundle.get("status").asString()).as(bundle.toString()).isEqualTo("READY");
        assertThat(bundle.get("framework").asString()).isEqualTo("nis2-2022-2555");
        byte[] zip = mvc.perform(get("/api/v1/organisations/{org}/bundles/{id}/content.zip", org.id(), id).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = BundleFiles.read(zip);
        String table = "framework/nis2-2022-2555 evidence " + today.minusMonths(1) + " to " + today.plusDays(3);
        assertThat(files.keySet()).contains(table + ".pdf", table + ".xlsx",
                "records/" + incidentPlan.get("reference").asString() + " record.pdf", "records/" + direct.get("reference").asString() + " record.pdf")
                .doesNotContain("records/" + unrelated.get("reference").asString() + " record.pdf");
        String pdf = Documents.pdfText(files.get(table + ".pdf"));
        assertThat(pdf).contains("NIS2 Directive (EU) 2022/2555").contains("Art.21(2)(b) Incident handling")
                .contains(incidentPlan.get("reference").asString() + " No incident response plan (through ISO/IEC 27001 A.5.24)")
                .contains(direct.get("reference").asString() + " Report to the CSIRT from Ratchet")
                .contains("1 of 20 requirements are evidenced directly, 1 more only through mapped requirements")
                .doesNotContain("Visitor badges");
        assertThat(new String(files.get("manifest.txt"), StandardCharsets.UTF_8)).contains("for NIS2 Directive (EU) 2022/2555");
    }

    @Test
    void theBundleHoldsThePeriodsEvidenceWithAManifestWhoseHashesMatch() throws Exception {
        TestOrganisation org = newOrganisation("Bundle");
        LocalDate today = LocalDate.now();
        JsonNode nc = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Leaver account still active","description":"Found in the access review","source":"INTERNAL_AUDIT"}""", 201);
        byte[] scan = "%PDF-1.4\nAccess review of November, signed".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/improvements/{id}/evidence", nc.get("id").asString())
                        .file(new MockMultipartFile("file", "access-review.pdf", "application/pdf", scan))
                        .param("evidenceDate", today.toString())
                        .with(user(org.principal(Role.ISMS_MANAGER)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // An audit reported in the period.
        JsonNode audit = api(org, Role.ISMS_MANAGER, "POST", "/audits", """
                {"title":"Access","objectives":"Check access","plannedStart":"%s","plannedEnd":"%s","requirements":["iso27001-2022:A.5.18"]}"""
                .formatted(today, today), 201);
        String auditId = audit.get("id").asString();
        audit = api(org, Role.ISMS_MANAGER, "POST", "/audits/" + auditId + "/team", "{\"externalName\":\"Ext\",\"lead\":true,\"version\":" + audit.get("version").asLong() + "}", 201);
        audit = api(org, Role.ISMS_MANAGER, "POST", "/audits/" + auditId + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 200);
        JsonNode line = audit.get("lines").get(0);
        api(org, Role.ISMS_MANAGER, "PUT", "/audits/" + auditId + "/lines/" + line.get("id").asString(),
                "{\"result\":\"CONFORMING\",\"version\":" + line.get("version").asLong() + "}", 200);
        audit = api(org, Role.ISMS_MANAGER, "GET", "/audits/" + auditId, null, 200);
        audit = api(org, Role.ISMS_MANAGER, "POST", "/audits/" + auditId + "/report", "{\"text\":\"Effective\",\"version\":" + audit.get("version").asLong() + "}", 200);
        String auditReport = "audits/" + audit.get("reference").asString() + " audit report.pdf";
        // A management review approved, a policy approved, a change recorded.
        api(org, Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees\"}", 200);
        JsonNode review = api(org, Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q4\",\"plannedDate\":\"" + today.plusDays(2) + "\"}", 201);
        String reviewId = review.get("id").asString();
        review = api(org, Role.MANAGEMENT, "POST", "/reviews/" + reviewId + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        StringBuilder items = new StringBuilder();
        review.get("agenda").forEach(i -> items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(i.get("id").asString()).append("\",\"discussed\":true}"));
        review = api(org, Role.MANAGEMENT, "PUT", "/reviews/" + reviewId + "/minutes", "{\"present\":[\"" + org.userIds().get(Role.MANAGEMENT)
                + "\"],\"items\":[" + items + "],\"version\":" + review.get("version").asLong() + "}", 200);
        api(org, Role.MANAGEMENT, "POST", "/reviews/" + reviewId + "/approval", "{\"version\":" + review.get("version").asLong() + "}", 200);
        JsonNode policy = api(org, Role.ISMS_MANAGER, "POST", "/policies/continual-improvement", null, 201);
        api(org, Role.MANAGEMENT, "POST", "/policies/" + policy.get("id").asString() + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        api(org, Role.ISMS_MANAGER, "POST", "/changes", """
                {"title":"Move backups to a second region","reason":"Resilience","impact":"Backup procedure","plannedDate":"%s"}""".formatted(today), 201);

        api(org, Role.CONTRIBUTOR, "POST", "/bundles", "{\"from\":\"" + today.minusMonths(1) + "\",\"to\":\"" + today.plusDays(3) + "\"}", 403);
        JsonNode refused = api(org, Role.AUDITOR, "POST", "/bundles", "{\"from\":\"" + today + "\",\"to\":\"" + today.minusDays(1) + "\"}", 422);
        assertThat(refused.get("errors").get("to")).isNotNull();
        JsonNode bundle = api(org, Role.GUEST_AUDITOR, "POST", "/bundles", "{\"from\":\"" + today.minusMonths(1) + "\",\"to\":\"" + today.plusDays(3) + "\"}", 201);
        String id = bundle.get("id").asString();
        for (int i = 0; i < 150 && !bundle.get("status").asString().equals("READY") && !bundle.get("status").asString().equals("FAILED"); i++) {
            Thread.sleep(200);
            bundle = api(org, Role.AUDITOR, "GET", "/bundles/" + id, null, 200);
        }
        assertThat(bundle.get("status").asString()).as(bundle.toString()).isEqualTo("READY");
        assertThat(bundle.get("done").asInt()).isEqualTo(bundle.get("total").asInt());

        byte[] zip = mvc.perform(get("/api/v1/organisations/{org}/bundles/{id}/content.zip", org.id(), id).header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Sha256.hex(zip)).isEqualTo(bundle.get("sha256").asString());
        Map<String, byte[]> files = BundleFiles.read(zip);
        String year = String.valueOf(today.getYear());
        String reviewRef = review.get("reference").asString();
        String record = "records/" + nc.get("reference").asString() + " record.pdf";
        assertThat(files.keySet()).contains("audits/audit-programme-" + year + ".pdf", "audits/audit-programme-" + year + ".docx",
                        "audits/audit-programme-" + year + ".xlsx", auditReport, auditReport.replace(".pdf", ".docx"),
                        "management-reviews/" + reviewRef + " minutes.pdf", "management-reviews/" + reviewRef + " minutes.docx",
                        "management-reviews/" + reviewRef + " input pack (frozen).pdf", record,
                        "records/" + nc.get("reference").asString() + " evidence/access-review.pdf",
                        "registers/obligation-changes.xlsx")
                .anyMatch(f -> f.startsWith("policies/POL-01 Continual Improvement Policy v1.0") && f.endsWith(".pdf"))
                .anyMatch(f -> f.startsWith("policies/POL-01 Continual Improvement Policy v1.0") && f.endsWith(".docx"))
                .noneMatch(f -> f.endsWith(".txt") && f.startsWith("audits/"))
                .contains("registers/incident-and-corrective-action-log.xlsx", "registers/isms-change-log.xlsx", "registers/incidents.xlsx",
                        "registers/objectives.xlsx", "registers/legal-and-regulatory-obligations.xlsx", "registers/feedback.xlsx",
                        "history-verification.txt", "manifest.txt");

        BundleFiles.assertManifestMatches(files);
        assertThat(new String(files.get("history-verification.txt"), StandardCharsets.UTF_8)).contains("Result: intact")
                .contains(history.headHash(org.id()));
        assertThat(Documents.pdfText(files.get(auditReport))).contains("Effective");
        assertThat(files.get("records/" + nc.get("reference").asString() + " evidence/access-review.pdf")).isEqualTo(scan);
        assertThat(Documents.pdfText(files.get(record))).contains("Leaver account still active", "access-review.pdf", Sha256.hex(scan));
        assertThat(Documents.pdfText(files.get("audits/audit-programme-" + year + ".pdf"))).contains(audit.get("reference").asString(),
                "Ext", "Coverage of the certification cycle");
        assertThat(Documents.docxText(files.get("management-reviews/" + reviewRef + " minutes.docx"))).contains("Minutes of the management review");
        // The minutes in the bundle are the approved ones, byte for byte.
        assertThat(files.get("management-reviews/" + reviewRef + " minutes.pdf")).isEqualTo(mvc.perform(get("/api/v1/organisations/{org}/reviews/{id}/minutes.pdf",
                org.id(), reviewId).header("Authorization", org.bearer(Role.AUDITOR))).andReturn().getResponse().getContentAsByteArray());

        // Another organisation does not reach it.
        TestOrganisation other = newOrganisation("Elsewhere");
        mvc.perform(get("/api/v1/organisations/{org}/bundles/{id}/content.zip", other.id(), id).header("Authorization", other.bearer(Role.ISMS_MANAGER)))
                .andExpect(status().isNotFound());
        assertThat(api(other, Role.ISMS_MANAGER, "GET", "/bundles", null, 200)).isEmpty();
    }

    @Test
    void bundlesAreLimitedPerPersonAndOrganisationWith429AndRetryAfterAndExpireAfterTheRetentionPeriod() throws Exception {
        TestOrganisation org = newOrganisation("Bundle quota");
        LocalDate today = LocalDate.now();
        String body = "{\"from\":\"" + today.minusMonths(1) + "\",\"to\":\"" + today + "\"}";
        java.util.function.BiConsumer<Role, String> building = (role, status) -> jdbc.update("insert into evidence_bundle (id, organisation_id,"
                + " period_from, period_to, status, step, done, total, requested_by, requested_at) values (?, ?, ?, ?, ?, 'Waiting', 0, 0, ?, ?)",
                java.util.UUID.randomUUID(), org.id(), java.sql.Date.valueOf(today.minusMonths(1)), java.sql.Date.valueOf(today), status,
                org.userIds().get(role), java.sql.Timestamp.from(java.time.Instant.now()));

        building.accept(Role.GUEST_AUDITOR, "RUNNING");
        var refused = mvc.perform(post("/api/v1/organisations/{org}/bundles", org.id())
                        .header("Authorization", org.bearer(Role.GUEST_AUDITOR)).contentType("application/json").content(body))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("still being put together");
        building.accept(Role.ISMS_MANAGER, "QUEUED");
        JsonNode second = api(org, Role.AUDITOR, "POST", "/bundles", body, 429);
        assertThat(second.get("detail").asString()).contains("Two bundles of this organisation");
        long queued = jdbc.queryForObject("select count(*) from evidence_bundle where organisation_id = ?", Long.class, org.id());
        assertThat(queued).isEqualTo(2);

        // A bundle past the retention period keeps its record, not its content.
        java.util.UUID old = java.util.UUID.randomUUID();
        jdbc.update("insert into evidence_bundle (id, organisation_id, period_from, period_to, status, step, done, total, content, size_bytes,"
                + " requested_by, requested_at, finished_at) values (?, ?, ?, ?, 'READY', 'Ready', 1, 1, ?, 3, ?, ?, ?)", old, org.id(),
                java.sql.Date.valueOf(today.minusMonths(3)), java.sql.Date.valueOf(today.minusMonths(2)), new byte[] {1, 2, 3},
                org.userIds().get(Role.AUDITOR), java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))),
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
        bundles.expireAll();
        assertThat(api(org, Role.AUDITOR, "GET", "/bundles/" + old, null, 200).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select count(*) from evidence_bundle where id = ? and content is null", Long.class, old)).isEqualTo(1);
        mvc.perform(get("/api/v1/organisations/{org}/bundles/{id}/content.zip", org.id(), old).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isConflict());
    }

    @Test
    void aBundleWhoseInstanceStoppedIsBuiltAgainByTheSweepOrFailsWithItsReason() throws Exception {
        TestOrganisation org = newOrganisation("Bundle after kill");
        LocalDate today = LocalDate.now();
        java.util.function.BiFunction<Integer, java.time.Duration, java.util.UUID> stopped = (attempts, silentFor) -> {
            java.util.UUID id = java.util.UUID.randomUUID();
            jdbc.update("insert into evidence_bundle (id, organisation_id, period_from, period_to, status, step, done, total, requested_by,"
                    + " requested_at, heartbeat_at, attempts, requested_roles) values (?, ?, ?, ?, 'RUNNING', 'Audit report AUD-1', 3, 12, ?, ?, ?, ?, ?)",
                    id, org.id(), java.sql.Date.valueOf(today.minusMonths(1)), java.sql.Date.valueOf(today), org.userIds().get(Role.AUDITOR),
                    java.sql.Timestamp.from(java.time.Instant.now().minus(silentFor)), java.sql.Timestamp.from(java.time.Instant.now().minus(silentFor)),
                    attempts, "AUDITOR");
            return id;
        };
        java.util.UUID killed = stopped.apply(1, java.time.Duration.ofMinutes(5));
        java.util.UUID killedThrice = stopped.apply(3, java.time.Duration.ofMinutes(5));
        java.util.UUID stillBeating = stopped.apply(1, java.time.Duration.ofSeconds(5));

        bundles.resumeStopped();
        JsonNode bundle = api(org, Role.AUDITOR, "GET", "/bundles/" + killed, null, 200);
        for (int i = 0; i < 150 && !bundle.get("status").asString().equals("READY") && !bundle.get("status").asString().equals("FAILED"); i++) {
            Thread.sleep(200);
            bundle = api(org, Role.AUDITOR, "GET", "/bundles/" + killed, null, 200);
        }
        assertThat(bundle.get("status").asString()).as(bundle.toString()).isEqualTo("READY");
        assertThat(jdbc.queryForObject("select attempts from evidence_bundle where id = ?", Integer.class, killed)).isEqualTo(2);
        byte[] zip = mvc.perform(get("/api/v1/organisations/{org}/bundles/{id}/content.zip", org.id(), killed).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BundleFiles.assertManifestMatches(BundleFiles.read(zip));

        JsonNode failed = api(org, Role.AUDITOR, "GET", "/bundles/" + killedThrice, null, 200);
        for (int i = 0; i < 50 && !failed.get("status").asString().equals("FAILED"); i++) {
            Thread.sleep(100);
            failed = api(org, Role.AUDITOR, "GET", "/bundles/" + killedThrice, null, 200);
        }
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("Ratchet stopped 3 times while putting this bundle together");
        // One whose instance still beats is its instance's to finish.
        assertThat(api(org, Role.AUDITOR, "GET", "/bundles/" + stillBeating, null, 200).get("status").asString()).isEqualTo("RUNNING");
    }
}
