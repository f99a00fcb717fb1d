package dev.ratchet.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** What used to need the browser, through the API: tokens, preferences, exports, evidence, organisations, dashboard. */
class ApiTwinsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MockHttpServletResponse call(String bearer, String method, String path, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(method), path).header("Authorization", bearer);
        if (body != null) {
            request.contentType("application/json").content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aPersonManagesTheirTokensPreferencesAndCalendarFeedThroughTheApi() throws Exception {
        TestOrganisation org = newOrganisation("Account API");
        String bearer = org.bearer(Role.CONTRIBUTOR);
        MockHttpServletResponse created = call(bearer, "POST", "/api/v1/account/tokens", "{\"name\":\"CI export\",\"validDays\":30}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode token = JSON.readTree(created.getContentAsString());
        String secret = token.path("token").asString();
        assertThat(secret).startsWith("rat_");
        assertThat(token.path("details").path("name").asString()).isEqualTo("CI export");
        assertThat(call("Bearer " + secret, "GET", "/api/v1/organisations", null).getStatus()).isEqualTo(200);

        JsonNode tokens = JSON.readTree(call(bearer, "GET", "/api/v1/account/tokens", null).getContentAsString());
        assertThat(tokens.toString()).contains("CI export").doesNotContain(secret);
        String id = token.path("details").path("id").asString();
        assertThat(call(bearer, "DELETE", "/api/v1/account/tokens/" + id, null).getStatus()).isEqualTo(204);
        assertThat(call("Bearer " + secret, "GET", "/api/v1/organisations", null).getStatus()).isEqualTo(401);
        assertThat(JSON.readTree(call(bearer, "POST", "/api/v1/account/tokens", "{\"name\":\"\"}").getContentAsString())
                .path("errors").has("name")).isTrue();

        JsonNode preferences = JSON.readTree(call(bearer, "PUT", "/api/v1/account/preferences", "{\"weeklyDigest\":false}").getContentAsString());
        assertThat(preferences.path("weeklyDigest").asBoolean()).isFalse();
        String feed = JSON.readTree(call(bearer, "POST", "/api/v1/account/calendar-feed", null).getContentAsString()).path("url").asString();
        String path = feed.substring(feed.indexOf("/calendar/"));
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).contains("BEGIN:VCALENDAR");
        assertThat(call(bearer, "DELETE", "/api/v1/account/calendar-feed", null).getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void registersExportAsTheFilesThePagesGive() throws Exception {
        TestOrganisation org = newOrganisation("Exports API");
        api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Laptop stolen","detectedAt":"2026-06-03T18:20:00+01:00","category":"LOSS_OR_THEFT","severity":"MEDIUM","summary":"s"}""", 201);
        api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Leavers keep VPN access","description":"d","source":"INTERNAL_AUDIT"}""", 201);
        MockHttpServletResponse csv = call(org.bearer(Role.AUDITOR), "GET", "/api/v1/organisations/" + org.id() + "/incidents/export.csv", null);
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8)).contains("Title").contains("Laptop stolen");
        MockHttpServletResponse xlsx = call(org.bearer(Role.GUEST_AUDITOR), "GET",
                "/api/v1/organisations/" + org.id() + "/improvements/export.xlsx?kind=NONCONFORMITY", null);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue() + book.getSheetAt(0).getRow(1).toString())
                    .isNotEmpty();
            StringBuilder text = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text).contains("Leavers keep VPN access");
        }
        for (String register : new String[] {"changes", "obligations", "objectives", "objectives/measurements", "feedback"}) {
            assertThat(call(org.bearer(Role.AUDITOR), "GET", "/api/v1/organisations/" + org.id() + "/" + register + "/export.csv", null)
                    .getStatus()).as(register).isEqualTo(200);
        }
        JsonNode dashboard = api(org, Role.MANAGEMENT, "GET", "/dashboard", null, 200);
        assertThat(dashboard.path("improvements").isObject()).isTrue();
        assertThat(dashboard.path("bySource").path("labels").isArray()).isTrue();
    }

    @Test
    void evidenceIsAttachedAndDownloadedAsItWasUploaded() throws Exception {
        TestOrganisation org = newOrganisation("Evidence API");
        JsonNode nc = api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"t","description":"d","source":"INTERNAL_AUDIT"}""", 201);
        byte[] content = "Leaver checklist v2\n".getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse attached = mvc.perform(multipart("/api/v1/organisations/{org}/improvements/{id}/evidence",
                org.id(), nc.path("id").asString()).file(new MockMultipartFile("file", "checklist.txt", "text/plain", content))
                .param("description", "The new checklist").param("evidenceDate", java.time.LocalDate.now().toString()).header("Authorization", org.bearer(Role.ISMS_MANAGER)))
                .andReturn().getResponse();
        assertThat(attached.getStatus()).as(attached.getContentAsString()).isEqualTo(201);
        JsonNode evidence = JSON.readTree(attached.getContentAsString());
        MockHttpServletResponse download = call(org.bearer(Role.GUEST_AUDITOR), "GET",
                "/api/v1/organisations/" + org.id() + "/evidence/" + evidence.path("id").asString(), null);
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(content);
        assertThat(download.getHeader("Digest")).startsWith("sha-256=");
        TestOrganisation other = newOrganisation("Evidence API other");
        assertThat(call(other.bearer(Role.ADMIN), "GET", "/api/v1/organisations/" + other.id() + "/evidence/"
                + evidence.path("id").asString(), null).getStatus()).isEqualTo(404);
    }

    @Test
    void anAdministratorCreatesAnOrganisationAndReactivatesAMember() throws Exception {
        TestOrganisation org = newOrganisation("Organisations API");
        assertThat(call(org.bearer(Role.ISMS_MANAGER), "POST", "/api/v1/organisations", "{\"name\":\"Subsidiary\"}").getStatus()).isEqualTo(403);
        MockHttpServletResponse created = call(org.bearer(Role.ADMIN), "POST", "/api/v1/organisations",
                "{\"name\":\"Subsidiary " + org.id() + "\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = JSON.readTree(created.getContentAsString()).path("id").asString();
        assertThat(call(org.bearer(Role.ADMIN), "GET", "/api/v1/organisations/" + id, null).getStatus()).isEqualTo(200);

        String member = "/members/" + org.membershipIds().get(Role.CONTRIBUTOR);
        JsonNode before = api(org, Role.ADMIN, "GET", member, null, 200);
        JsonNode off = api(org, Role.ADMIN, "POST", member + "/deactivation?version=" + before.path("version").asLong(), null, 200);
        JsonNode on = api(org, Role.ADMIN, "POST", member + "/reactivation?version=" + off.path("version").asLong(), null, 200);
        assertThat(on.path("active").asBoolean()).isTrue();
    }
}
