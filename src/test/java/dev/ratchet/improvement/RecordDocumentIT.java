package dev.ratchet.improvement;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an auditor receives of clause 10.2 and 10.1: the record document (PDF and DOCX) and the incident and corrective
 * action log tell the whole story, every attempt's analysis included, read from the exported text.
 */
class RecordDocumentIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    ActionManagement actions;

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Record document");
        var settings = organisations.settingsOf(org.id());
        settings.setEffectivenessWaitDays(0);
        organisations.updateSettings(org.id(), settings);
    }

    @Test
    void theRecordDocumentTellsBothAttemptsWithTheReviewTheElsewhereJudgementSimilarRecordsEvidenceAndHistory() throws Exception {
        ImprovementView earlier = Workflow.reported(improvements, org, "Contractor badge not returned");
        ImprovementView nc = Workflow.closedAtSecondAttempt(improvements, actions, org, earlier.id());
        byte[] file = "%PDF-1.4\nDepartures of Q3 checked against active accounts".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "departures-q3.pdf", "application/pdf", file))
                        .param("evidenceDate", LocalDate.now().toString()).param("description", "Departure check")
                        .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));

        ImprovementView shown = improvements.get(org.tenant(Role.AUDITOR), nc.id());
        assertThat(shown.status()).isEqualTo(Status.CLOSED);
        assertThat(shown.analyses()).extracting(AnalysisView::attempt, AnalysisView::method, AnalysisView::effective)
                .containsExactly(tuple(1, RcaMethod.FIVE_WHYS, false),
                        tuple(2, RcaMethod.FISHBONE, true));

        byte[] pdf = mvc.perform(get("/improvements/{id}/document.pdf", nc.id()).with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] docx = mvc.perform(get("/api/v1/organisations/{org}/improvements/{id}/document.docx", org.id(), nc.id())
                        .header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Documents.keepPages(pdf, "record-document", 3);
        Documents.keep(docx, "record-document.docx");
        // The Word document as printed (LibreOffice lays out Word's page fields): every page names the organisation
        // and the record, and says which page of how many it is.
        byte[] printedPdf = Documents.viaLibreOffice(docx);
        String printed = Documents.pdfText(printedPdf);
        int pages;
        try (var printedDocument = Loader.loadPDF(printedPdf)) {
            pages = printedDocument.getNumberOfPages();
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(printed).contains("Page 1 of " + pages, "Page " + pages + " of " + pages)
                .contains(org.name() + " — " + nc.reference() + " record document");
        for (String text : List.of(Documents.pdfText(pdf), Documents.docxText(docx))) {
            assertThat(text).contains(nc.reference(), "Leavers keep VPN access", "Correction and consequences (clause 10.2 a)",
                    "Both accounts disabled", "VPN logs checked: no use after leaving");
            // Attempt 1: the review, 5 whys with its chain, the elsewhere judgement, the action, not effective.
            assertThat(text).contains("Attempt 1: not effective", "Confirmed with HR and IT records", "5 whys",
                    "Why 1: Accounts were not disabled", "Why 3: The leaver checklist has no IT step",
                    "The leaver process has no step that informs IT", "Contractors leave through the same process",
                    "Add an IT step to the leaver checklist", "Sampled ten leavers", "One contractor account still active");
            // Attempt 2: fishbone by category, the similar record, effective.
            assertThat(text).contains("Attempt 2: effective", "Second look after the contractor account was found",
                    "Fishbone (Ishikawa)", "Process: Contractors leave through procurement, not HR",
                    "Contractor departures bypass the HR leaver process", earlier.reference() + " Contractor badge not returned",
                    "Temporary staff from agencies leave the same way", "Route contractor departures through the leaver checklist",
                    "Checked every departure of the quarter", "No account active after departure");
            assertThat(text.indexOf("Attempt 1")).isLessThan(text.indexOf("Attempt 2"));
            assertThat(text).contains("departures-q3.pdf", sha, "History", "Created improvement record", "Created root cause analysis",
                    "Created effectiveness review");
        }
    }

    @Test
    void theLogNamesEveryAttemptsAnalysisTheReviewTheSimilarRecordsAndTheOpportunitysEvaluation() throws Exception {
        ImprovementView earlier = Workflow.reported(improvements, org, "Contractor badge not returned");
        ImprovementView nc = Workflow.closedAtSecondAttempt(improvements, actions, org, earlier.id());
        ReportForm form = new ReportForm();
        form.setKind(Kind.OPPORTUNITY);
        form.setTitle("Self-service password reset");
        form.setDescription("Fewer helpdesk calls");
        form.setSource(Source.FEEDBACK);
        ImprovementView ofi = improvements.report(org.tenant(Role.CONTRIBUTOR), form);
        TransitionRequest defer = Workflow.step(Transition.EVALUATE, ofi);
        defer.setEvaluation(Evaluation.DEFERRED);
        defer.setReason("Waiting for the identity provider migration");
        defer.setDeferredUntil(LocalDate.now().plusMonths(3));
        improvements.transition(org.tenant(Role.ISMS_MANAGER), ofi.id(), defer);

        String csv = mvc.perform(get("/improvements/export.csv").with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("Reference").equals(nc.reference())).findFirst().orElseThrow();
        assertThat(row.get("Review of the nonconformity")).isEqualTo("Second look after the contractor account was found");
        assertThat(row.get("Root cause method")).isEqualTo("Fishbone (Ishikawa)");
        assertThat(row.get("Root cause analysis")).contains("People: Procurement does not know IT must be told")
                .contains("Process: Contractors leave through procurement, not HR");
        assertThat(row.get("Similar records")).isEqualTo(earlier.reference() + " Contractor badge not returned");
        assertThat(row.get("Could occur elsewhere")).isEqualTo("Yes");
        assertThat(row.get("Similar nonconformities elsewhere")).isEqualTo("Temporary staff from agencies leave the same way");
        assertThat(row.get("Analyses by attempt").lines().toList()).hasSize(2);
        assertThat(row.get("Analyses by attempt")).contains("Attempt 1", "5 whys", "The leaver process has no step that informs IT",
                "Why 1: Accounts were not disabled", "Not effective", "Attempt 2", "Fishbone (Ishikawa)",
                "Contractor departures bypass the HR leaver process", "Effective");
        assertThat(row.get("Actions")).contains("Attempt 1: Add an IT step to the leaver checklist",
                "Attempt 2: Route contractor departures through the leaver checklist");
        assertThat(row.get("Effectiveness review")).contains("Attempt 1: Not effective", "method: Sampled ten leavers",
                "Attempt 2: Effective", "method: Checked every departure of the quarter");
        CSVRecord opportunity = rows.stream().filter(r -> r.get("Reference").equals(ofi.reference())).findFirst().orElseThrow();
        assertThat(opportunity.get("Evaluation")).isEqualTo("Deferred");
        assertThat(opportunity.get("Evaluation reason")).isEqualTo("Waiting for the identity provider migration");
        assertThat(opportunity.get("Deferred until")).isEqualTo(LocalDate.now().plusMonths(3).toString());
    }
}
