package dev.ratchet.incident;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockMultipartFile;

import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The incident register through the API: record, correct, raise, export, and an all-or-nothing import. */
class IncidentIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEADER = "Reference,Title,Occurred,Detected,Resolved,Category,Severity,Affected assets,Summary,Response,Lessons learned\n";

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Incidents");
    }

    JsonNode call(TestOrganisation o, Role role, String method, String path, String body, int expected) throws Exception {
        return api(o, role, method, path, body, expected);
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return call(org, role, method, path, body, expected);
    }

    String incident(String extra) {
        return """
                {"title":"Phishing led to a compromised mailbox","occurredAt":"2026-03-02T09:10","detectedAt":"2026-03-02T11:45",
                 "category":"PHISHING","severity":"HIGH","affectedAssets":"M365 mailbox of a sales manager","areaIds":["%s"],
                 "summary":"A sales manager entered their password on a fake login page.",
                 "lessonsLearned":"MFA was not enforced for the sales team"%s}""".formatted(org.areaId(), extra);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from incident where organisation_id = ?", Long.class, org.id());
    }

    @Test
    void anIncidentIsRecordedCorrectedAndRaisesANonconformityLinkedBothWays() throws Exception {
        JsonNode i = call(Role.ISMS_MANAGER, "POST", "/incidents", incident(""), 201);
        assertThat(i.get("reference").asString()).isEqualTo("INC-2026-001");
        assertThat(i.get("areas").get(0).get("name").asString()).isEqualTo("IT operations");

        JsonNode refused = call(Role.ISMS_MANAGER, "PUT", "/incidents/" + i.get("id").asString(),
                incident(",\"resolvedAt\":\"2026-03-01T10:00\",\"version\":" + i.get("version").asLong()), 422);
        assertThat(refused.get("errors").get("resolvedAt").asString()).contains("before it was detected");
        i = call(Role.ISMS_MANAGER, "PUT", "/incidents/" + i.get("id").asString(),
                incident(",\"resolvedAt\":\"2026-03-02T16:00\",\"response\":\"Password reset, sessions revoked\",\"version\":" + i.get("version").asLong()), 200);
        assertThat(i.get("resolvedAt").asString()).startsWith("2026-03-02T16:00");
        call(Role.ISMS_MANAGER, "PUT", "/incidents/" + i.get("id").asString(), incident(",\"version\":0"), 409);
        call(Role.CONTRIBUTOR, "POST", "/incidents", incident(""), 403);

        JsonNode nc = call(Role.CONTRIBUTOR, "POST", "/incidents/" + i.get("id").asString() + "/improvements", """
                {"kind":"NONCONFORMITY","grade":"MAJOR","title":"MFA not enforced for sales","description":"See the incident"}""", 201);
        assertThat(nc.get("source").asString()).isEqualTo("INCIDENT");
        assertThat(nc.get("sourceReference").asString()).isEqualTo("INC-2026-001");
        i = call(Role.GUEST_AUDITOR, "GET", "/incidents/" + i.get("id").asString(), null, 200);
        assertThat(i.get("raised").get(0).get("reference").asString()).isEqualTo(nc.get("reference").asString());
        String page = mvc.perform(get("/improvements/{id}", nc.get("id").asString()).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/incidents/" + i.get("id").asString() + "\"");

        String csv = mvc.perform(get("/incidents/export.csv").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("INC-2026-001").contains("Phishing or social engineering").contains("2026-03-02 11:45");
        byte[] xlsx = mvc.perform(get("/incidents/export.xlsx").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("INC-2026-001");
        }

        TestOrganisation other = newOrganisation("Other incidents");
        call(other, Role.ISMS_MANAGER, "GET", "/incidents/" + i.get("id").asString(), null, 404);
        assertThat(call(other, Role.ISMS_MANAGER, "GET", "/incidents", null, 200).get("content")).isEmpty();
    }

    @Test
    void aMalformedImportWritesNothingAndNamesEveryProblemByRowAndColumn() throws Exception {
        call(Role.ISMS_MANAGER, "POST", "/incidents", incident(""), 201);   // INC-2026-001 exists
        long before = count();

        JsonNode wrongColumn = call(Role.ISMS_MANAGER, "POST", "/incidents/import",
                HEADER.replace("Severity", "Priority") + "X-1,T,,2026-01-01,,Malware,High,,S,,\n", 422);
        assertThat(wrongColumn.get("problems")).hasSize(2);
        assertThat(wrongColumn.get("problems").get(0).get("row").asLong()).isEqualTo(1);
        assertThat(wrongColumn.get("problems").get(0).get("column").asString()).isEqualTo("Priority");
        assertThat(wrongColumn.get("problems").get(1).get("column").asString()).isEqualTo("Severity");

        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= 10_000; n++) {
            csv.append("SIEM-").append(n).append(",Suspicious login ").append(n)
                    .append(",2025-06-01 10:00,2025-06-01 10:30,2025-06-01 12:00,Unauthorised access,Low,VPN,Blocked by the SIEM rule,Account locked,\n");
        }
        csv.append("SIEM-10001,Bad date,,2025-13-01 10:00,,Malware,Low,,Found,,\n");              // row 10002: no 13th month
        csv.append("SIEM-17,Twice,,2025-06-02,,Malware,Low,,Found,,\n");                          // row 10003: reference in the file twice
        csv.append("INC-2026-001,Already there,,2025-06-02,,Malware,Low,,Found,,\n");             // row 10004: reference in the register
        csv.append("SIEM-10004,Unknown kind,,2025-06-02,,Volcano,Severe,,,,\n");                  // row 10005: category, severity, summary

        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/incidents/import", csv.toString(), 422);
        assertThat(refused.get("rows").asLong()).isEqualTo(10_004);
        assertThat(problems(refused)).containsExactly("10002 Detected", "10003 Reference", "10004 Reference",
                "10005 Category", "10005 Severity", "10005 Summary");
        assertThat(count()).isEqualTo(before);

        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/incidents/import", HEADER
                + "SIEM-1,Suspicious login,2025-06-01 10:00,2025-06-01 10:30,,unauthorised access,low,,Blocked,,\n"
                + ",Lost laptop,,02/06/2025 09:00,,Loss or theft of equipment,Medium,Laptop,Left on a train,Remote wipe,Encrypt all laptops\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);
        JsonNode list = call(Role.AUDITOR, "GET", "/incidents?q=laptop", null, 200);
        assertThat(list.get("content").get(0).get("reference").asString()).isEqualTo("INC-2025-001");
        assertThat(call(Role.AUDITOR, "GET", "/incidents?severity=LOW", null, 200).get("content")).hasSize(1);
        call(Role.AUDITOR, "POST", "/incidents/import", HEADER, 403);
    }

    @Test
    void anUploadIsPreviewedThenImportedOnceOnConfirmation() throws Exception {
        var file = new MockMultipartFile("file", "siem.csv", "text/csv",
                (HEADER + "SIEM-9,Port scan,,2025-07-01 08:00,,Other,Low,,Scan from a known range,,\n").getBytes());
        String preview = mvc.perform(multipart("/incidents/import").file(file)
                        .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("1 row ready to import from siem.csv").contains("Port scan");
        assertThat(count()).isZero();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"(/incidents/import/[0-9a-f-]{36})\"").matcher(preview);
        assertThat(action.find()).isTrue();

        mvc.perform(post(action.group(1)).with(user(org.principal(Role.ISMS_MANAGER)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "1 incident imported."));
        assertThat(count()).isEqualTo(1);
        mvc.perform(post(action.group(1)).with(user(org.principal(Role.ISMS_MANAGER)))
                        .with(csrf()))
                .andExpect(flash().attribute("error", startsWith("This file has been imported already")));
        assertThat(count()).isEqualTo(1);
    }

    static java.util.List<String> problems(JsonNode outcome) {
        java.util.List<String> list = new java.util.ArrayList<>();
        outcome.get("problems").forEach(p -> list.add(p.get("row").asLong() + " " + p.get("column").asString()));
        return list;
    }
}
