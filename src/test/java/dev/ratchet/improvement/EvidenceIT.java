package dev.ratchet.improvement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence files: the rules refuse with a clear message and store nothing; a stored file comes back intact. */
class EvidenceIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    private long files(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from evidence_file where organisation_id = ?", Long.class, org.id());
    }

    @Test
    void evidenceIsStoredWithItsHashAndDatesAndServedAsADownload() throws Exception {
        TestOrganisation org = newOrganisation("Evidence");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        byte[] bytes = "%PDF-1.4\nQuarterly access review: all leavers removed".getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "access review.pdf", "text/html", bytes))
                        .param("evidenceDate", LocalDate.now().minusDays(2).toString()).param("description", "Q3 review")
                        .with(user(org.principal(Role.CONTRIBUTOR))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", containsString("is attached (SHA-256 ")));

        ImprovementView shown = improvements.get(org.tenant(Role.GUEST_AUDITOR), nc.id());
        assertThat(shown.evidence()).hasSize(1);
        var file = shown.evidence().get(0);
        assertThat(file.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(file.evidenceDate()).isEqualTo(LocalDate.now().minusDays(2));
        assertThat(file.contentType()).isEqualTo("application/pdf");

        mvc.perform(get("/evidence/{id}", file.id()).with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(bytes));

        TestOrganisation other = newOrganisation("Evidence elsewhere");
        mvc.perform(get("/evidence/{id}", file.id()).with(user(other.principal(Role.ADMIN)))).andExpect(status().isNotFound());
        assertThat(improvements.get(org.tenant(Role.ADMIN), nc.id()).reviews()).isEmpty();
    }

    @Test
    void aFileThatBreaksARuleIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        TestOrganisation org = newOrganisation("Evidence rules");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        var manager = user(org.principal(Role.ISMS_MANAGER));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "payload.exe", "application/octet-stream", new byte[] { 1, 2, 3 }))
                        .param("evidenceDate", LocalDate.now().toString()).with(manager).with(csrf()))
                .andExpect(flash().attribute("evidenceError", containsString("Files of type \"exe\" are not accepted")));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "invoice.pdf", "application/pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }))
                        .param("evidenceDate", LocalDate.now().toString()).with(manager).with(csrf()))
                .andExpect(flash().attribute("evidenceError", containsString("The file's content is not a .pdf file")));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "page.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .param("evidenceDate", LocalDate.now().toString()).with(manager).with(csrf()))
                .andExpect(flash().attribute("evidenceError", containsString("The file's content is not a .png file")));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "later.pdf", "application/pdf", new byte[] { 1 }))
                        .param("evidenceDate", LocalDate.now().plusDays(1).toString()).with(manager).with(csrf()))
                .andExpect(flash().attribute("evidenceError", "The evidence date cannot be in the future"));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[21 * 1024 * 1024]))
                        .param("evidenceDate", LocalDate.now().toString()).with(manager).with(csrf()))
                .andExpect(flash().attribute("evidenceError", "The file is larger than 20 MB"));
        mvc.perform(multipart("/improvements/{id}/evidence", nc.id())
                        .file(new MockMultipartFile("file", "note.txt", "text/plain", new byte[] { 1 }))
                        .param("evidenceDate", LocalDate.now().toString()).with(user(org.principal(Role.AUDITOR))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(files(org)).isZero();
    }
}
