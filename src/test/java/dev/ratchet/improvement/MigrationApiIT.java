package dev.ratchet.improvement;

import java.nio.charset.StandardCharsets;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A consultant's script brings a client's tracker in through the API: upload, preview, choose, import, list, undo. */
class MigrationApiIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTrackerIsUploadedPreviewedCorrectedImportedAndUndoneThroughTheApi() throws Exception {
        TestOrganisation org = newOrganisation("Migration API");
        String csv = "Finding ID;Finding;Severity;Closed\nA-1;Backups not tested;Major;\nA-2;Badges kept by leavers;Needs review;2025-06-30\n";
        var file = new MockMultipartFile("file", "findings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String uploaded = mvc.perform(multipart("/api/v1/organisations/{org}/improvement-migrations/uploads", org.id()).file(file)
                .header("Authorization", org.bearer(Role.ISMS_MANAGER))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode upload = JSON.readTree(uploaded);
        assertThat(upload.get("rows").asInt()).isEqualTo(2);
        mvc.perform(multipart("/api/v1/organisations/{org}/improvement-migrations/uploads", org.id()).file(file)
                .header("Authorization", org.bearer(Role.CONTRIBUTOR))).andExpect(status().isForbidden());
        String base = "/improvement-migrations/uploads/" + upload.get("uploadId").asString();

        // The preview names what Ratchet cannot guess; the script says what it means and previews again.
        JsonNode preview = api(org, Role.ISMS_MANAGER, "POST", base + "/preview", "{}", 200);
        assertThat(preview.get("importable").asBoolean()).isFalse();
        assertThat(preview.get("problems").get(0).get("message").asString()).contains("Choose what \"Needs review\" means");
        String choices = "{\"values\": {\"GRADE:needs review\": \"MINOR\"}}";
        preview = api(org, Role.ISMS_MANAGER, "POST", base + "/preview", choices, 200);
        assertThat(preview.get("importable").asBoolean()).isTrue();
        assertThat(preview.get("mapping").toString()).isEqualTo("[\"REFERENCE\",\"TITLE\",\"GRADE\",\"CLOSED_ON\"]");
        assertThat(preview.get("states").toString()).contains("CLOSED_DATE");

        JsonNode done = api(org, Role.ISMS_MANAGER, "POST", base + "/import", choices, 201);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("records").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select grade from improvement_record where organisation_id = ? and tracker_reference = 'A-2'",
                String.class, org.id())).isEqualTo("MINOR");
        api(org, Role.ISMS_MANAGER, "POST", base + "/import", choices, 409);
        String id = done.get("id").asString();
        assertThat(api(org, Role.ISMS_MANAGER, "GET", "/improvement-migrations", null, 200).get(0).get("id").asString()).isEqualTo(id);
        assertThat(api(org, Role.ISMS_MANAGER, "GET", "/improvement-migrations/" + id, null, 200).get("undoable").asBoolean()).isTrue();

        JsonNode undone = api(org, Role.ISMS_MANAGER, "POST", "/improvement-migrations/" + id + "/undo", null, 200);
        assertThat(undone.get("undoneAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, org.id())).isZero();
        // Another organisation's migration is not found, by id guessing or otherwise.
        TestOrganisation other = newOrganisation("Migration API other");
        api(other, Role.ISMS_MANAGER, "GET", "/improvement-migrations/" + id, null, 404);
        api(other, Role.ISMS_MANAGER, "POST", base + "/preview", "{}", 404);
    }
}
