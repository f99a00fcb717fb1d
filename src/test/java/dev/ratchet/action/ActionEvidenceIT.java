package dev.ratchet.action;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Workflow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner files the proof on the action itself, from her list: the record shows it under that action, the record
 * document names it with its SHA-256 in that action's row, and only the owner (or the ISMS manager) may file it.
 */
class ActionEvidenceIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Test
    void evidenceFiledOnAnActionIsShownUnderThatActionAndInTheRecordDocument() throws Exception {
        TestOrganisation org = newOrganisation("Action evidence");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        var action = nc.actions().get(0);
        byte[] file = "%PDF-1.4\nLeaver checklist v3 with the IT step".getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/actions/{id}/evidence", action.id())
                        .file(new MockMultipartFile("file", "leaver-checklist-v3.pdf", "application/pdf", file))
                        .param("evidenceDate", LocalDate.now().toString()).param("description", "The new IT step")
                        .param("back", "/actions/mine")
                        .with(user(org.principal(Role.CONTRIBUTOR))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/actions/mine#action-" + action.id()));
        // Someone else's action: not theirs to prove.
        mvc.perform(multipart("/api/v1/organisations/{o}/actions/{id}/evidence", org.id(), action.id())
                        .file(new MockMultipartFile("file", "other.pdf", "application/pdf", file))
                        .param("evidenceDate", LocalDate.now().toString())
                        .header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/organisations/{o}/actions/{id}/evidence", org.id(), action.id())
                        .file(new MockMultipartFile("file", "restore-log.txt", "text/plain", "restored in 3 h".getBytes(StandardCharsets.UTF_8)))
                        .param("evidenceDate", LocalDate.now().toString())
                        .header("Authorization", org.bearer(Role.CONTRIBUTOR)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ownerType").value("ACTION"));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));

        String mine = mvc.perform(get("/actions/mine").with(user(org.principal(Role.CONTRIBUTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("leaver-checklist-v3.pdf").contains("restore-log.txt");
        String record = mvc.perform(get("/improvements/{id}", nc.id()).with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int row = record.indexOf("Add an IT step to the leaver checklist");
        assertThat(record.indexOf("leaver-checklist-v3.pdf", row)).isGreaterThan(row);
        mvc.perform(get("/api/v1/organisations/{o}/actions/{id}", org.id(), action.id()).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$.files.length()").value(2))
                .andExpect(jsonPath("$.files[?(@.fileName == 'leaver-checklist-v3.pdf')].sha256").value(sha));

        byte[] pdf = mvc.perform(get("/improvements/{id}/document.pdf", nc.id()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] docx = mvc.perform(get("/improvements/{id}/document.docx", nc.id()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        for (String text : java.util.List.of(Documents.pdfText(pdf).replaceAll("\\s+", " "), Documents.docxText(docx).replaceAll("\\s+", " "))) {
            int action1 = text.indexOf("Add an IT step to the leaver checklist");
            assertThat(action1).isNotNegative();
            assertThat(text.indexOf("File: leaver-checklist-v3.pdf", action1)).isGreaterThan(action1);
            assertThat(text).contains(sha.substring(0, 16));
        }
    }
}
