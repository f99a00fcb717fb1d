package dev.ratchet.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Workflow;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's logo: uploaded in the settings (PNG or JPEG, at most 512 KB, recognised by content), printed on
 * the first page of its documents, PDF and Word, recorded in the history by its SHA-256, removable.
 */
class LogoIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Test
    void theLogoIsPrintedOnTheFirstPageOfEveryDocumentAndCanBeRemoved() throws Exception {
        TestOrganisation org = newOrganisation("Logo");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        byte[] logo = dev.ratchet.Documents.logoPng();

        // Not an image, whatever its name: refused, nothing stored.
        mvc.perform(multipart("/settings/logo").file(new MockMultipartFile("file", "logo.png", "image/png", "<svg/>".getBytes(StandardCharsets.UTF_8)))
                        .with(user(org.principal(Role.ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("logoError", containsString("PNG or JPEG")));
        mvc.perform(multipart("/api/v1/organisations/{o}/logo", org.id()).file(new MockMultipartFile("file", "big.png", "image/png", new byte[600 * 1024]))
                        .header("Authorization", org.bearer(Role.ADMIN)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.file").value(containsString("512 KB")));
        mvc.perform(get("/api/v1/organisations/{o}/logo", org.id()).header("Authorization", org.bearer(Role.AUDITOR))).andExpect(status().isNotFound());

        mvc.perform(multipart("/settings/logo").file(new MockMultipartFile("file", "northwind.png", "image/png", logo))
                        .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", containsString("northwind.png")));
        String settings = mvc.perform(get("/settings").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("northwind.png").contains("/settings/logo?v=");
        assertThat(mvc.perform(get("/api/v1/organisations/{o}/logo", org.id()).header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(logo);
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type = 'OrganisationLogo'",
                Integer.class, org.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select changes from history_entry where organisation_id = ? and record_type = 'OrganisationLogo'",
                String.class, org.id())).contains(dev.ratchet.shared.Sha256.hex(logo)).doesNotContain("\"content\"");

        byte[] pdf = mvc.perform(get("/improvements/{id}/document.pdf", nc.id()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(imagesOnFirstPage(pdf)).isEqualTo(1);
        byte[] docx = mvc.perform(get("/improvements/{id}/document.docx", nc.id()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(word.getAllPictures()).hasSize(1);
            assertThat(word.getAllPictures().get(0).getData()).isEqualTo(logo);
        }

        mvc.perform(delete("/api/v1/organisations/{o}/logo", org.id()).header("Authorization", org.bearer(Role.ADMIN))).andExpect(status().isNoContent());
        byte[] without = mvc.perform(get("/improvements/{id}/document.pdf", nc.id()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(imagesOnFirstPage(without)).isZero();
    }

    private static int imagesOnFirstPage(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (COSName name : document.getPage(0).getResources().getXObjectNames()) {
                if (document.getPage(0).getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            return images;
        }
    }
}
