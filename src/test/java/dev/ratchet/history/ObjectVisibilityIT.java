package dev.ratchet.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Object-level access, as data (object-visibility.psv): each record in each state, asked for by each role through
 * its history (API and page fragment), the record itself, or its document. A refused history answers 404 and shows
 * nothing of the changes; a refused record or document 404 or 403.
 */
class ObjectVisibilityIT extends IntegrationTest {

    static final List<Role> ROLES = List.of(Role.ADMIN, Role.ISMS_MANAGER, Role.AUDITOR, Role.CONTRIBUTOR, Role.MANAGEMENT, Role.GUEST_AUDITOR);

    /**
     * A record as the views reach it: its history's type and id, its API path, its document's API path, and the
     * register export (a page route) with a text of the record that the export must show or leave out.
     */
    record Target(String type, String id, String path, String document, String export, String marker) {

        Target(String type, String id) {
            this(type, id, null, null, null, null);
        }

        Target(String type, String id, String path, String document) {
            this(type, id, path, document, null, null);
        }
    }

    @Test
    void everyRoleReadsTheHistoryOfExactlyTheRecordsItMayRead() throws Exception {
        TestOrganisation org = newOrganisation("Object visibility");
        Map<String, Target> records = records(org);
        Map<String, List<Boolean>> expected = table();
        assertThat(expected.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct())
                .containsExactlyInAnyOrderElementsOf(records.keySet());
        for (Map.Entry<String, List<Boolean>> row : expected.entrySet()) {
            String state = row.getKey().substring(0, row.getKey().indexOf('|'));
            String view = row.getKey().substring(row.getKey().indexOf('|') + 1);
            Target target = records.get(state);
            for (int i = 0; i < ROLES.size(); i++) {
                Role role = ROLES.get(i);
                boolean allowed = row.getValue().get(i);
                String as = state + " (" + view + ") as " + role;
                switch (view) {
                    case "history" -> {
                        int api = mvc.perform(get("/api/v1/organisations/{org}/history", org.id()).param("recordType", target.type())
                                .param("recordId", target.id()).header("Authorization", org.bearer(role))).andReturn().getResponse().getStatus();
                        assertThat(api).as(as + ", API").isEqualTo(allowed ? 200 : 404);
                        var page = mvc.perform(get("/history").param("type", target.type()).param("id", target.id())
                                .with(user(org.principal(role)))).andReturn().getResponse();
                        assertThat(page.getStatus()).as(as + ", page").isEqualTo(allowed ? 200 : 404);
                    }
                    case "record", "document" -> {
                        String path = view.equals("record") ? target.path() : target.document();
                        assertThat(path).as(as + ": the test names its path").isNotNull();
                        int status = mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(role)))
                                .andReturn().getResponse().getStatus();
                        if (allowed) {
                            assertThat(status).as(as).isEqualTo(200);
                        } else {
                            assertThat(status).as(as).isIn(403, 404);
                        }
                    }
                    case "export" -> {
                        assertThat(target.export()).as(as + ": the test names its export").isNotNull();
                        var export = mvc.perform(get(target.export()).with(user(org.principal(role)))).andReturn().getResponse();
                        assertThat(export.getStatus()).as(as).isEqualTo(200);
                        if (allowed) {
                            assertThat(export.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(as).contains(target.marker());
                        } else {
                            assertThat(export.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(as).doesNotContain(target.marker());
                        }
                    }
                    default -> throw new IllegalArgumentException(view);
                }
            }
        }
    }

    @Test
    void aGuestReadingAPolicysHistorySeesNothingOfItsDraftVersion() throws Exception {
        TestOrganisation org = newOrganisation("Policy history");
        JsonNode policy = approvedPolicyWithDraft(org);
        String history = api(org, Role.GUEST_AUDITOR, "GET", "/history?recordType=Policy&recordId=" + policy.get("id").asString(), null, 200).toString();
        assertThat(history).contains("Least privilege.").doesNotContain("Secret draft wording");
        String manager = api(org, Role.ISMS_MANAGER, "GET", "/history?recordType=Policy&recordId=" + policy.get("id").asString(), null, 200).toString();
        assertThat(manager).contains("Secret draft wording");
    }

    private JsonNode approvedPolicyWithDraft(TestOrganisation org) throws Exception {
        JsonNode policy = api(org, Role.ISMS_MANAGER, "POST", "/policies", """
                {"title":"Access Control Policy","reviewMonths":12,"content":"# Access\\n\\nLeast privilege."}""", 201);
        String id = policy.get("id").asString();
        policy = api(org, Role.ISMS_MANAGER, "POST", "/policies/" + id + "/submission", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        policy = api(org, Role.MANAGEMENT, "POST", "/policies/" + id + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        return api(org, Role.ISMS_MANAGER, "PUT", "/policies/" + id + "/content",
                "{\"content\":\"# Access\\n\\nSecret draft wording.\",\"changeSummary\":\"Draft\",\"version\":" + policy.get("current").get("version").asLong() + "}", 200);
    }

    /** One record in each state the table names. */
    private Map<String, Target> records(TestOrganisation org) throws Exception {
        Map<String, Target> records = new LinkedHashMap<>();
        JsonNode nc = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Found","description":"Found","source":"OTHER"}""", 201);
        String ncId = nc.get("id").asString();
        records.put("improvement record", new Target("ImprovementRecord", ncId, "/improvements/" + ncId, "/improvements/" + ncId + "/document.pdf"));
        JsonNode policy = approvedPolicyWithDraft(org);
        String versions = "/policies/" + policy.get("id").asString() + "/versions/";
        String draft = policy.get("draft").get("id").asString();
        String current = policy.get("current").get("id").asString();
        records.put("policy version in draft", new Target("PolicyVersion", draft, null, versions + draft + "/document.pdf"));
        records.put("policy version approved", new Target("PolicyVersion", current, null, versions + current + "/document.pdf"));

        api(org, Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees\"}", 200);
        records.put("review team", new Target("ReviewTeam", org.id().toString()));
        JsonNode approved = api(org, Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"First\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        String approvedId = approved.get("id").asString();
        approved = api(org, Role.MANAGEMENT, "POST", "/reviews/" + approvedId + "/start", "{\"version\":" + approved.get("version").asLong() + "}", 200);
        StringBuilder items = new StringBuilder();
        approved.get("agenda").forEach(i -> items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(i.get("id").asString()).append("\",\"discussed\":true}"));
        approved = api(org, Role.MANAGEMENT, "PUT", "/reviews/" + approvedId + "/minutes", "{\"present\":[\"" + org.userIds().get(Role.MANAGEMENT)
                + "\"],\"items\":[" + items + "],\"version\":" + approved.get("version").asLong() + "}", 200);
        api(org, Role.MANAGEMENT, "POST", "/reviews/" + approvedId + "/approval", "{\"version\":" + approved.get("version").asLong() + "}", 200);
        records.put("management review approved", new Target("ManagementReview", approvedId, "/reviews/" + approvedId,
                "/reviews/" + approvedId + "/minutes.pdf"));
        JsonNode planned = api(org, Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Second\",\"plannedDate\":\"" + LocalDate.now().plusDays(5) + "\"}", 201);
        String plannedId = planned.get("id").asString();
        records.put("management review planned", new Target("ManagementReview", plannedId, "/reviews/" + plannedId,
                "/reviews/" + plannedId + "/minutes.pdf"));
        planned = api(org, Role.MANAGEMENT, "POST", "/reviews/" + plannedId + "/start", "{\"version\":" + planned.get("version").asLong() + "}", 200);
        JsonNode decided = api(org, Role.MANAGEMENT, "POST", "/reviews/" + plannedId + "/decisions", """
                {"type":"RESOURCE_NEED","decision":"Confidential budget","rationale":"Board only","inputs":["d"]}""", 201);
        records.put("review decision before approval", new Target("ReviewDecision", decided.get("decisions").get(0).get("id").asString()));

        JsonNode colleague = api(org, Role.MANAGEMENT, "POST", "/feedback", "{\"kind\":\"IDEA\",\"subject\":\"Champions\",\"text\":\"One per team\"}", 201);
        records.put("feedback of a colleague", new Target("Feedback", colleague.get("id").asString(),
                "/feedback/" + colleague.get("id").asString(), null, "/feedback/export.csv", "Champions"));
        JsonNode own = api(org, Role.CONTRIBUTOR, "POST", "/feedback", "{\"kind\":\"IDEA\",\"subject\":\"Mine\",\"text\":\"Mine\"}", 201);
        records.put("feedback of the contributor", new Target("Feedback", own.get("id").asString(), "/feedback/" + own.get("id").asString(), null,
                "/feedback/export.csv", "Mine"));
        JsonNode anonymous = api(org, Role.CONTRIBUTOR, "POST", "/feedback", """
                {"kind":"CONCERN","subject":"Shared password","text":"Four of us use one account","anonymous":true}""", 201);
        records.put("anonymous feedback of the contributor", new Target("Feedback", anonymous.get("id").asString()));
        return records;
    }

    private static Map<String, List<Boolean>> table() throws IOException {
        Map<String, List<Boolean>> rows = new LinkedHashMap<>();
        String text = new ClassPathResource("object-visibility.psv").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<Boolean> allowed = java.util.Arrays.stream(cells[2].strip().split("\\s+")).map("Y"::equals).toList();
            assertThat(allowed).as(line).hasSize(ROLES.size());
            rows.put(cells[0].strip() + "|" + cells[1].strip(), allowed);
        }
        return rows;
    }
}
