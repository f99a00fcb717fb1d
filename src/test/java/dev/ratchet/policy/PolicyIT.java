package dev.ratchet.policy;

import java.time.LocalDate;
import java.util.List;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.organisation.Sector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy register: the generated Continual Improvement Policy, versions and approval, exceptions and compliance. */
class PolicyIT extends IntegrationTest {

    static final List<String> SECTIONS = List.of("Document version control", "Contents", "Purpose", "Scope", "Principle", "Audit",
            "Internal audits", "External certification audits", "Client and third-party audits", "Incidents", "Change management",
            "Management Review Team", "Review of objectives", "Legal, regulatory and information security standards change",
            "Improvement as a result of nonconformity", "Management of improvement", "Policy compliance", "Compliance measurement",
            "Exceptions", "Non-compliance", "Continual improvement", "Areas of the ISO/IEC 27001 standard addressed",
            "Clause 9.2", "Clause 9.3", "Clause 10.1", "Clause 10.2");

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    HistoryManagement history;

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Policies");
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return api(org, role, method, path, body, expected);
    }

    byte[] download(Role role, String path) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    String documents(JsonNode policy, JsonNode version, List<String> into) throws Exception {
        String base = "/policies/" + policy.get("id").asString() + "/versions/" + version.get("id").asString();
        String pdf = Documents.pdfText(download(Role.AUDITOR, base + "/document.pdf"));
        String docx = Documents.docxText(Documents.keep(download(Role.AUDITOR, base + "/document.docx"),
                policy.get("reference").asString() + "-v" + version.get("number").asString() + ".docx"));
        into.add(pdf);
        into.add(docx);
        return pdf;
    }

    @Test
    void theGeneratedPolicyStatesTheOrganisationsPracticeAndFollowsItsSettings() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", """
                {"chairId":"%s","memberIds":["%s"],"quorum":2,"oversight":"The team oversees the ISMS for the board."}"""
                .formatted(org.userIds().get(Role.MANAGEMENT), org.userIds().get(Role.AUDITOR)), 200);
        call(Role.CONTRIBUTOR, "POST", "/policies/continual-improvement", null, 403);
        JsonNode policy = call(Role.ISMS_MANAGER, "POST", "/policies/continual-improvement", null, 201);
        call(Role.ISMS_MANAGER, "POST", "/policies/continual-improvement", null, 409);
        assertThat(policy.get("draft").get("number").asString()).isEqualTo("0.1");
        List<String> texts = new java.util.ArrayList<>();
        documents(policy, policy.get("draft"), texts);
        for (String text : texts) {
            assertThat(text).contains(SECTIONS).contains("leads to its re-assessment", "results of risk assessment and the status of the risk treatment plan").contains("every quarter (every 3 months)").contains("Chair: Management")
                    .contains("Members: Internal auditor").contains("The team oversees the ISMS for the board.").contains("90 days after the actions are complete")
                    .contains("Internal audit, Certification audit");
        }

        // Approved by top management (no approver named), the version is 1.0 and locked.
        String id = policy.get("id").asString();
        call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 403);
        policy = call(Role.MANAGEMENT, "POST", "/policies/" + id + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        assertThat(policy.get("current").get("number").asString()).isEqualTo("1.0");
        assertThat(policy.get("draft").isNull()).isTrue();
        assertThat(policy.get("drift")).isEmpty();
        assertThat(policy.get("nextReviewDate").asString()).isEqualTo(LocalDate.now().plusMonths(12).toString());

        // The settings change: the approved policy no longer matches practice, and the new draft says so.
        OrganisationSettings settings = organisations.settingsOf(org.id());
        settings.setReviewCadenceMonths(6);
        settings.setSector(Sector.AI_COMPANY);
        organisations.updateSettings(org.id(), settings);
        policy = call(Role.AUDITOR, "GET", "/policies/" + id, null, 200);
        assertThat(policy.get("drift").toString()).contains("every quarter (every 3 months)").contains("every six months");
        policy = call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/regeneration", null, 200);
        assertThat(policy.get("draft").get("number").asString()).isEqualTo("1.1");
        assertThat(policy.get("current").get("number").asString()).isEqualTo("1.0");
        texts.clear();
        documents(policy, policy.get("draft"), texts);
        for (String text : texts) {
            assertThat(text).contains("every six months").doesNotContain("every quarter").contains("training-data protection")
                    .contains("1.0").contains("Brought in line with the organisation's settings");
        }
        texts.clear();
        documents(policy, policy.get("current"), texts);
        assertThat(texts).allSatisfy(text -> assertThat(text).contains("every quarter (every 3 months)"));
    }

    @Test
    void approvingLocksAVersionAndAnEditMakesANewDraftBothInTheHistory() throws Exception {
        JsonNode policy = call(Role.ISMS_MANAGER, "POST", "/policies", """
                {"title":"Access Control Policy","ownerId":"%s","reviewMonths":12,"content":"# Access Control Policy\\n\\n## Purpose\\n\\nLeast privilege."}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR)), 201);
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/policies", "{\"title\":\" \",\"reviewMonths\":50,\"content\":\"x\"}", 422);
        assertThat(refused.get("errors").get("title")).isNotNull();
        assertThat(refused.get("errors").get("reviewMonths")).isNotNull();
        String id = policy.get("id").asString();
        call(Role.AUDITOR, "PUT", "/policies/" + id + "/content", "{\"content\":\"x\",\"changeSummary\":\"y\"}", 403);
        policy = call(Role.CONTRIBUTOR, "PUT", "/policies/" + id + "/content",
                "{\"content\":\"# Access Control Policy\\n\\n## Purpose\\n\\nLeast privilege, reviewed quarterly.\",\"changeSummary\":\"Quarterly access reviews\",\"version\":"
                        + policy.get("draft").get("version").asLong() + "}", 200);
        assertThat(policy.get("versions")).hasSize(1);                                   // the draft itself took the edit
        policy = call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/submission", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        assertThat(policy.get("draft").get("status").asString()).isEqualTo("IN_REVIEW");
        call(Role.GUEST_AUDITOR, "GET", "/policies/" + id, null, 200).get("versions").forEach(v -> assertThat(v.get("status").asString()).isIn("APPROVED", "SUPERSEDED"));
        policy = call(Role.MANAGEMENT, "POST", "/policies/" + id + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        JsonNode approved = policy.get("current");
        assertThat(approved.get("number").asString()).isEqualTo("1.0");
        assertThat(approved.get("html").asString()).contains("<h2>Purpose</h2>").contains("reviewed quarterly");

        // An edit after approval makes draft 1.1; 1.0 stays in force, unchanged.
        policy = call(Role.CONTRIBUTOR, "PUT", "/policies/" + id + "/content",
                "{\"content\":\"# Access Control Policy\\n\\n## Purpose\\n\\nLeast privilege. <script>alert(1)</script>\",\"changeSummary\":\"Scripts\"}", 200);
        assertThat(policy.get("versions")).hasSize(2);
        assertThat(policy.get("draft").get("number").asString()).isEqualTo("1.1");
        assertThat(policy.get("draft").get("html").asString()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(policy.get("current").get("content").asString()).contains("reviewed quarterly");
        policy = call(Role.MANAGEMENT, "POST", "/policies/" + id + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        assertThat(policy.get("current").get("number").asString()).isEqualTo("2.0");
        assertThat(policy.get("versions").get(1).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(policy.get("versions").get(1).get("number").asString()).isEqualTo("1.0");
        assertThat(call(Role.GUEST_AUDITOR, "GET", "/policies/" + id, null, 200).get("versions")).hasSize(2);

        // The owner has the next review in their actions; members asked to read 2.0 acknowledge it.
        JsonNode reviewAction = call(Role.CONTRIBUTOR, "GET", "/actions?mine=true&originType=POLICY&open=true", null, 200).get("content").get(0);
        assertThat(reviewAction.get("dueDate").asString()).isEqualTo(LocalDate.now().plusMonths(12).toString());
        assertThat(reviewAction.get("title").asString()).startsWith("Review " + policy.get("reference").asString());
        // A review that keeps 2.0 is recorded: the review action is done, the next one planned a cycle later.
        call(Role.AUDITOR, "POST", "/policies/" + id + "/reviews", "{\"note\":\"Still right\",\"version\":" + policy.get("version").asLong() + "}", 403);
        call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/reviews", "{\"note\":\" \",\"version\":" + policy.get("version").asLong() + "}", 422);
        policy = call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/reviews", "{\"note\":\"Still right after the reorganisation\",\"version\":"
                + policy.get("version").asLong() + "}", 200);
        assertThat(policy.get("lastReview").get("note").asString()).isEqualTo("Still right after the reorganisation");
        JsonNode reviews = call(Role.CONTRIBUTOR, "GET", "/actions?mine=true&originType=POLICY", null, 200).get("content");
        assertThat(reviews).anyMatch(a -> a.get("status").asString().equals("DONE") && a.get("completionEvidence").asString().contains("Still right"));
        assertThat(reviews).filteredOn(a -> a.get("status").asString().equals("OPEN")).hasSize(1);
        call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/acknowledgement-requests", "{\"dueDate\":\"" + LocalDate.now().plusDays(14) + "\"}", 403);
        call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/acknowledgement-requests", "{\"dueDate\":\"" + LocalDate.now().minusDays(1) + "\"}", 422);
        policy = call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/acknowledgement-requests", """
                {"memberIds":["%s","%s"],"dueDate":"%s"}""".formatted(org.userIds().get(Role.CONTRIBUTOR), org.userIds().get(Role.AUDITOR),
                LocalDate.now().plusDays(14)), 201);
        assertThat(policy.get("acknowledgements")).hasSize(2);
        call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/acknowledgement-requests", "{\"memberIds\":[\"" + org.userIds().get(Role.AUDITOR)
                + "\"],\"dueDate\":\"" + LocalDate.now().plusDays(14) + "\"}", 409);            // asked already
        assertThat(call(Role.AUDITOR, "GET", "/actions?mine=true&originType=POLICY_READ", null, 200).get("content").get(0).get("title").asString())
                .contains("version 2.0");
        call(Role.MANAGEMENT, "POST", "/policies/" + id + "/acknowledgement", null, 409);         // not asked
        policy = call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/acknowledgement", null, 200);
        call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/acknowledgement", null, 409);        // done already
        JsonNode acks = policy.get("acknowledgements");
        assertThat(acks).anyMatch(a -> a.get("userId").asString().equals(org.userIds().get(Role.CONTRIBUTOR).toString()) && !a.get("acknowledgedAt").isNull());
        assertThat(acks).anyMatch(a -> a.get("userId").asString().equals(org.userIds().get(Role.AUDITOR).toString()) && a.get("acknowledgedAt").isNull());

        // A new draft can be a file: Markdown becomes the text; a PDF is kept with its hash and named in the text.
        var markdown = new MockMultipartFile("file", "access.md", "text/markdown",
                "# Access Control Policy\n\n## Purpose\n\nFrom a file.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/organisations/{o}/policies/{id}/file", org.id(), id)
                        .file(markdown).header("Authorization", org.bearer(Role.AUDITOR)).param("changeSummary", "From a file"))
                .andExpect(status().isForbidden());
        String uploaded = mvc.perform(multipart("/api/v1/organisations/{o}/policies/{id}/file", org.id(), id)
                        .file(markdown).header("Authorization", org.bearer(Role.CONTRIBUTOR)).param("changeSummary", "From a file"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(uploaded).contains("From a file.").contains("\"number\":\"2.1\"");
        var pdf = new MockMultipartFile("file", "access-policy.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
        uploaded = mvc.perform(multipart("/api/v1/organisations/{o}/policies/{id}/file", org.id(), id)
                        .file(pdf).header("Authorization", org.bearer(Role.CONTRIBUTOR)).param("changeSummary", "Signed PDF"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(uploaded).contains("\"fileName\":\"access-policy.pdf\"").contains("The text of this version is the attached document");

        List<HistoryEntry> entries = history.of(org.id(), "Policy", id);
        assertThat(entries.stream().filter(e -> e.recordType().equals("PolicyVersion") && e.action() == HistoryEntry.Action.CREATE)).hasSize(3);
        assertThat(entries).anyMatch(e -> e.recordType().equals("PolicyVersion") && e.changes().stream().anyMatch(c -> "SUPERSEDED".equals(c.after())));

        String page = mvc.perform(get("/policies/{id}", id).with(user(org.principal(Role.CONTRIBUTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Version 2.0 in force").contains("reviewed quarterly".substring(0, 5));
        TestOrganisation other = newOrganisation("Elsewhere");
        mvc.perform(get("/api/v1/organisations/{org}/policies/{id}", other.id(), id).header("Authorization", other.bearer(Role.ISMS_MANAGER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/policies/{id}", id).with(user(other.principal(Role.ISMS_MANAGER)))).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredExceptionIsFlaggedAndReachesTheReviewPackAndAFailedCheckRaisesANonconformity() throws Exception {
        JsonNode policy = call(Role.ISMS_MANAGER, "POST", "/policies", """
                {"title":"Backup Policy","reviewMonths":12,"content":"# Backup Policy\\n\\nDaily backups, restored quarterly."}""", 201);
        String id = policy.get("id").asString();
        String exception = """
                {"policyId":"%s","clause":"Restores","scope":"Legacy billing server","justification":"Vendor tool cannot restore","risk":"Data loss",
                 "compensatingControls":"Weekly export","actionPlan":"Replace the server","reviewDate":"%s","expiryDate":"%s"}""";
        JsonNode expired = call(Role.CONTRIBUTOR, "POST", "/policy-exceptions", exception.formatted(id, LocalDate.now().minusDays(20), LocalDate.now().minusDays(1)), 201);
        JsonNode current = call(Role.CONTRIBUTOR, "POST", "/policy-exceptions", exception.formatted(id, LocalDate.now().plusDays(20), LocalDate.now().plusDays(60)), 201);
        JsonNode refused = call(Role.CONTRIBUTOR, "POST", "/policy-exceptions", exception.formatted(id, LocalDate.now().plusDays(20), LocalDate.now()), 422);
        assertThat(refused.get("errors").get("expiryDate")).isNotNull();
        assertThat(expired.get("expired").asBoolean()).isTrue();
        assertThat(expired.get("status").asString()).isEqualTo("Expired");
        JsonNode list = call(Role.AUDITOR, "GET", "/policy-exceptions?expired=true", null, 200);
        assertThat(list.get("content")).hasSize(1);
        assertThat(list.get("content").get(0).get("reference").asString()).isEqualTo(expired.get("reference").asString());
        String page = mvc.perform(get("/policy-exceptions").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("table-danger").contains(expired.get("reference").asString());

        // Approval: top management, not the requester; a change of substance withdraws it.
        String currentId = current.get("id").asString();
        call(Role.ISMS_MANAGER, "POST", "/policy-exceptions/" + currentId + "/approval", "{\"version\":" + current.get("version").asLong() + "}", 403);
        current = call(Role.MANAGEMENT, "POST", "/policy-exceptions/" + currentId + "/approval", "{\"version\":" + current.get("version").asLong() + "}", 200);
        assertThat(current.get("status").asString()).isEqualTo("Approved");
        current = call(Role.CONTRIBUTOR, "PUT", "/policy-exceptions/" + currentId, exception.replace("Weekly export", "Monthly export")
                .replace("\"expiryDate\":\"%s\"}", "\"expiryDate\":\"%s\",\"version\":" + current.get("version").asLong() + "}")
                .formatted(id, LocalDate.now().plusDays(20), LocalDate.now().plusDays(60)), 200);
        assertThat(current.get("approvedAt").isNull()).isTrue();
        call(Role.AUDITOR, "PUT", "/policy-exceptions/" + currentId, exception.formatted(id, LocalDate.now(), LocalDate.now()), 403);

        // The requester has the exception's review and end in their actions, with the reminders of the tracker.
        String currentReference = current.get("reference").asString();
        JsonNode exceptionActions = call(Role.CONTRIBUTOR, "GET", "/actions?mine=true&originType=POLICY_EXCEPTION&open=true", null, 200).get("content");
        assertThat(exceptionActions).anyMatch(a -> a.get("title").asString().equals("Review exception " + currentReference))
                .anyMatch(a -> a.get("title").asString().equals("End exception " + currentReference + " by its expiry")
                        && a.get("dueDate").asString().equals(LocalDate.now().plusDays(60).toString()));
        assertThat(exceptionActions).hasSize(4);                                                    // two per open exception

        // The expired exception shows in the management review pack.
        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q1\",\"plannedDate\":\"" + LocalDate.now().plusDays(7) + "\"}", 201);
        JsonNode expiredInPack = review.get("pack").get("policies").get("expiredExceptions");
        assertThat(expiredInPack).hasSize(1);
        assertThat(expiredInPack.get(0).get("reference").asString()).isEqualTo(expired.get("reference").asString());

        // A failed compliance check raises a nonconformity linked to the policy.
        call(Role.CONTRIBUTOR, "POST", "/policies/" + id + "/compliance-checks", "{\"title\":\"Restore tested\",\"method\":\"Restore log\",\"frequencyMonths\":3,\"firstDue\":\"" + LocalDate.now() + "\"}", 403);
        policy = call(Role.ISMS_MANAGER, "POST", "/policies/" + id + "/compliance-checks", """
                {"title":"Quarterly restore tested","method":"Read the restore log","frequencyMonths":3,"ownerId":"%s","firstDue":"%s"}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now()), 201);
        String check = policy.get("checks").get(0).get("id").asString();
        call(Role.AUDITOR, "POST", "/compliance-checks/" + check + "/results", "{\"checkedOn\":\"" + LocalDate.now() + "\",\"passed\":true}", 403);
        call(Role.CONTRIBUTOR, "POST", "/compliance-checks/" + check + "/results", "{\"checkedOn\":\"" + LocalDate.now().plusDays(1) + "\",\"passed\":true}", 422);
        call(Role.CONTRIBUTOR, "POST", "/compliance-checks/" + check + "/results", "{\"checkedOn\":\"" + LocalDate.now().minusDays(30) + "\",\"passed\":true}", 201);
        policy = call(Role.CONTRIBUTOR, "POST", "/compliance-checks/" + check + "/results",
                "{\"checkedOn\":\"" + LocalDate.now() + "\",\"passed\":false,\"notes\":\"No restore this quarter\"}", 201);
        JsonNode failed = policy.get("checks").get(0).get("results").get(0);
        assertThat(failed.get("passed").asBoolean()).isFalse();
        JsonNode nc = call(Role.ISMS_MANAGER, "GET", "/improvements/" + failed.get("improvementId").asString(), null, 200);
        assertThat(nc.get("kind").asString()).isEqualTo("NONCONFORMITY");
        assertThat(nc.get("source").asString()).isEqualTo("POLICY_COMPLIANCE");
        assertThat(nc.get("sourceId").asString()).isEqualTo(id);
        assertThat(nc.get("description").asString()).contains("No restore this quarter");
        assertThat(policy.get("compliance").get("passedPercent").asInt()).isEqualTo(50);
        assertThat(policy.get("checks").get(0).get("nextDue").asString()).isEqualTo(LocalDate.now().plusMonths(3).toString());
        JsonNode allChecks = call(Role.GUEST_AUDITOR, "GET", "/compliance-checks", null, 200);
        assertThat(allChecks).hasSize(1);
        assertThat(allChecks.get(0).get("policyReference").asString()).isEqualTo(policy.get("reference").asString());
        assertThat(allChecks.get(0).get("check").get("results")).hasSize(2);
        JsonNode checkActions = call(Role.CONTRIBUTOR, "GET", "/actions?mine=true&originType=COMPLIANCE_CHECK", null, 200).get("content");
        assertThat(checkActions).hasSize(3);                                                        // the first run, two results, the next run
        assertThat(checkActions).filteredOn(a -> a.get("status").asString().equals("OPEN")).singleElement()
                .satisfies(a -> assertThat(a.get("dueDate").asString()).isEqualTo(LocalDate.now().plusMonths(3).toString()));

        // Non-compliance found outside an audit raises one too; the pack counts both.
        policy = call(Role.AUDITOR, "POST", "/policies/" + id + "/noncompliance", "{\"description\":\"Backups of the HR share were switched off\",\"foundOn\":\"" + LocalDate.now() + "\"}", 201);
        assertThat(policy.get("noncompliance").get(0).get("improvementReference").asString()).startsWith("NC-");
        assertThat(policy.get("compliance").get("openNoncompliance").asLong()).isEqualTo(1);
        JsonNode pack = call(Role.ISMS_MANAGER, "GET", "/reviews/" + review.get("id").asString() + "/pack", null, 200);
        assertThat(pack.get("policies").get("checksFailed").asLong()).isEqualTo(1);
        assertThat(pack.get("policies").get("openNoncompliance").asLong()).isEqualTo(1);
        assertThat(pack.get("nonconformities").get("bySource").get("Policy compliance").asLong()).isEqualTo(2);
    }
}
