package dev.ratchet.change;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ISMS change log through the API: plan, approval by the named approver, implementation, review, links, exports, import. */
class ChangeIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Changes");
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, String body, int expected) throws Exception {
        return api(o, role, method, path, body, expected);
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    JsonNode step(Role role, JsonNode change, String step, String text, int expected) throws Exception {
        return call(role, "POST", "/changes/" + change.get("id").asString() + "/steps",
                "{\"step\":\"" + step + "\",\"text\":" + (text == null ? "null" : "\"" + text + "\"") + ",\"version\":" + change.get("version").asLong() + "}", expected);
    }

    @Test
    void aChangeCausedByANonconformityIsApprovedByItsApproverImplementedAndReviewed() throws Exception {
        JsonNode nc = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"MFA missing for sales","description":"Found after a phishing incident","source":"INCIDENT"}""", 201);
        JsonNode change = call(Role.ISMS_MANAGER, "POST", "/changes", """
                {"title":"Enforce MFA for all mailboxes","reason":"Phishing compromised a mailbox","impact":"Access control policy 4.2, onboarding checklist",
                 "plannedDate":"2026-04-01","approverId":"%s","causeReference":"%s"}""".formatted(org.userIds().get(Role.MANAGEMENT),
                nc.get("reference").asString().toLowerCase()), 201);
        assertThat(change.get("reference").asString()).isEqualTo("CHG-2026-001");
        assertThat(change.get("cause").get("id").asString()).isEqualTo(nc.get("id").asString());

        step(Role.ISMS_MANAGER, change, "APPROVE", null, 403);                 // not the named approver
        step(Role.ISMS_MANAGER, change, "IMPLEMENT", null, 409);               // not approved yet
        change = step(Role.MANAGEMENT, change, "APPROVE", null, 200);
        assertThat(change.get("status").asString()).isEqualTo("APPROVED");
        change = step(Role.ISMS_MANAGER, change, "IMPLEMENT", null, 200);
        JsonNode refused = step(Role.ISMS_MANAGER, change, "REVIEW", "", 409);
        assertThat(refused.get("errors").get("text")).isNotNull();
        change = step(Role.ISMS_MANAGER, change, "REVIEW", "All 42 mailboxes enforce MFA; no lock-outs reported", 200);
        assertThat(change.get("status").asString()).isEqualTo("REVIEWED");
        call(Role.ISMS_MANAGER, "PUT", "/changes/" + change.get("id").asString(), """
                {"title":"x","reason":"x","impact":"x","plannedDate":"2026-04-01","version":%d}""".formatted(change.get("version").asLong()), 409);

        JsonNode ofi = call(Role.AUDITOR, "POST", "/changes/" + change.get("id").asString() + "/improvements", """
                {"kind":"OPPORTUNITY","title":"Use phishing-resistant keys","description":"Next step after MFA"}""", 201);
        assertThat(ofi.get("sourceReference").asString()).isEqualTo("CHG-2026-001");
        change = call(Role.GUEST_AUDITOR, "GET", "/changes/" + change.get("id").asString(), null, 200);
        assertThat(change.get("raised").get(0).get("reference").asString()).isEqualTo(ofi.get("reference").asString());
        String page = mvc.perform(get("/improvements/{id}", ofi.get("id").asString()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/changes/" + change.get("id").asString() + "\"");

        byte[] pdf = mvc.perform(get("/changes/export.pdf").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("ISMS change log").contains("CHG-2026-001").contains("Enforce MFA");
        }
        String csv = mvc.perform(get("/changes/export.csv").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("CHG-2026-001").contains("Reviewed").contains(nc.get("reference").asString().toLowerCase());
    }

    @Test
    void withNoApproverNamedTopManagementApprovesAndAnotherOrganisationSeesNothing() throws Exception {
        JsonNode change = call(Role.ISMS_MANAGER, "POST", "/changes", """
                {"title":"New backup region","reason":"Resilience","impact":"Backup policy","plannedDate":"2026-06-01"}""", 201);
        step(Role.AUDITOR, change, "APPROVE", null, 403);
        JsonNode rejected = step(Role.MANAGEMENT, change, "REJECT", "Budget next year", 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        call(Role.CONTRIBUTOR, "POST", "/changes", "{\"title\":\"x\",\"reason\":\"x\",\"impact\":\"x\",\"plannedDate\":\"2026-06-01\"}", 403);
        TestOrganisation other = newOrganisation("Other changes");
        call(other, Role.ISMS_MANAGER, "GET", "/changes/" + change.get("id").asString(), null, 404);
    }

    @Test
    void changingAnApprovedPlanSendsItBackForApproval() throws Exception {
        JsonNode change = call(Role.ISMS_MANAGER, "POST", "/changes",
                "{\"title\":\"Quarterly access reviews\",\"reason\":\"Audit finding\",\"impact\":\"Access control policy\",\"plannedDate\":\"2026-07-01\"}", 201);
        change = step(Role.MANAGEMENT, change, "APPROVE", null, 200);
        change = call(Role.ISMS_MANAGER, "PUT", "/changes/" + change.get("id").asString(),
                "{\"title\":\"Monthly access reviews\",\"reason\":\"Audit finding\",\"impact\":\"Access control policy, HR leaver process\","
                + "\"plannedDate\":\"2026-08-01\",\"version\":" + change.get("version").asLong() + "}", 200);
        assertThat(change.get("status").asString()).isEqualTo("PLANNED");
        assertThat(change.get("title").asString()).isEqualTo("Monthly access reviews");
        assertThat(change.get("approvedAt").isNull()).isTrue();
    }

    @Test
    void anImportIsAllOrNothing() throws Exception {
        String header = "Reference,Change,Reason,Impact,Planned date,Cause\n";
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/changes/import", header
                + "CR-1,Firewall rules review,Audit finding,Network policy,2026-02-01,\n"
                + "CR-1,Same reference,x,x,2026-02-02,\n"
                + "CR-2,Bad date,x,x,2026-02-30,\n", 422);
        assertThat(refused.get("problems")).hasSize(2);
        assertThat(refused.get("problems").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(refused.get("problems").get(1).get("column").asString()).isEqualTo("Planned date");
        assertThat(call(Role.AUDITOR, "GET", "/changes", null, 200).get("content")).isEmpty();
        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/changes/import", header
                + "CR-1,Firewall rules review,Audit finding,Network policy,2026-02-01,\n"
                + ",Laptop encryption,Lost laptop,Endpoint policy,01/03/2026,\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(call(Role.AUDITOR, "GET", "/changes?q=laptop", null, 200).get("content").get(0).get("reference").asString())
                .isEqualTo("CHG-2026-001");
    }
}
