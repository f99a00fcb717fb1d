package dev.ratchet.web;

import java.nio.charset.StandardCharsets;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** What an integrator's mistakes get back: a problem that names the field and what it accepts, never a 500. */
class ApiBehaviourIT extends IntegrationTest {

    @Test
    void pagingIsValidatedNamedAndNeverOverflows() throws Exception {
        TestOrganisation org = newOrganisation("Paging");
        JsonNode huge = api(org, Role.ISMS_MANAGER, "GET", "/improvements?page=2147483647&size=200", null, 422);
        assertThat(huge.path("errors").has("page")).isTrue();
        assertThat(api(org, Role.ISMS_MANAGER, "GET", "/incidents?size=201", null, 422).path("errors").path("size").asString())
                .isEqualTo("At most 200");
        assertThat(api(org, Role.ISMS_MANAGER, "GET", "/members?size=0", null, 422).path("errors").has("size")).isTrue();
        JsonNode page = api(org, Role.ISMS_MANAGER, "GET", "/policies?size=200&page=999999", null, 200);
        assertThat(page.path("content")).isEmpty();
        assertThat(page.path("page").path("size").asInt()).isEqualTo(200);
    }

    @Test
    void aBadEnumOrDateIsNamedWithWhatIsAccepted() throws Exception {
        TestOrganisation org = newOrganisation("Bad values");
        JsonNode query = api(org, Role.ISMS_MANAGER, "GET", "/improvements?status=DONE", null, 400);
        assertThat(query.path("errors").path("status").asString()).contains("REPORTED").contains("CLOSED").contains("\"DONE\"");
        JsonNode body = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"t","detectedAt":"2026-03-02T09:10:00+02:00","category":"PHISH","severity":"HIGH","summary":"s"}""", 400);
        assertThat(body.path("errors").path("category").asString()).contains("PHISHING").contains("MALWARE");
        JsonNode date = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"t","detectedAt":"yesterday","category":"PHISHING","severity":"HIGH","summary":"s"}""", 400);
        assertThat(date.path("errors").path("detectedAt").asString()).contains("RFC 3339");
    }

    @Test
    void anIncidentTimeKeepsItsInstantWhateverTheOffsetSent() throws Exception {
        TestOrganisation org = newOrganisation("Offsets");
        // Europe/London by default: 09:30 UTC on 1 July is 10:30 there (+01:00), 07:30 UTC in January is 07:30 (Z).
        JsonNode summer = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Summer","detectedAt":"2026-07-01T09:30:00Z","category":"PHISHING","severity":"HIGH","summary":"s"}""", 201);
        assertThat(summer.path("detectedAt").asString()).isEqualTo("2026-07-01T10:30:00+01:00");
        JsonNode india = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Offset","detectedAt":"2026-07-01T15:00:00+05:30","category":"PHISHING","severity":"HIGH","summary":"s"}""", 201);
        assertThat(india.path("detectedAt").asString()).isEqualTo("2026-07-01T10:30:00+01:00");
        JsonNode winter = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Winter","detectedAt":"2026-01-15T07:30","category":"PHISHING","severity":"HIGH","summary":"s"}""", 201);
        assertThat(winter.path("detectedAt").asString()).isEqualTo("2026-01-15T07:30:00Z");
    }

    @Test
    void anImportNeverEchoesMoreThanAnExcerptOfWhatWasSent() throws Exception {
        TestOrganisation org = newOrganisation("Echo");
        String header = "x".repeat(2_000_000) + "," + "y,".repeat(500) + "z";
        MockHttpServletResponse response = mvc.perform(post("/api/v1/organisations/{org}/incidents/import", org.id())
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).contentType("text/csv")
                .content((header + "\n").getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString().length()).isLessThan(20_000);
        assertThat(response.getContentAsString()).contains("more unknown columns");
    }

    @Test
    void aRefusalSaysWhichRolesWouldDoAndNamesRenamesThatCannotHappen() throws Exception {
        TestOrganisation org = newOrganisation("Roles");
        JsonNode forbidden = api(org, Role.CONTRIBUTOR, "POST", "/areas", "{\"name\":\"Sales\",\"risk\":\"LOW\"}", 403);
        assertThat(forbidden.path("detail").asString()).contains("ADMIN").contains("ISMS_MANAGER").contains("Yours: CONTRIBUTOR");
        JsonNode member = api(org, Role.ADMIN, "GET", "/members/" + org.membershipIds().get(Role.CONTRIBUTOR), null, 200);
        String renamed = """
                {"email":"%s","displayName":"Someone else","roles":["CONTRIBUTOR"],"version":%d}"""
                .formatted(member.path("email").asString(), member.path("version").asLong());
        JsonNode refused = api(org, Role.ADMIN, "PUT", "/members/" + org.membershipIds().get(Role.CONTRIBUTOR), renamed, 422);
        assertThat(refused.path("errors").has("displayName")).isTrue();
        String same = renamed.replace("Someone else", member.path("displayName").asString()).replace("[\"CONTRIBUTOR\"]", "[\"CONTRIBUTOR\",\"AUDITOR\"]");
        assertThat(api(org, Role.ADMIN, "PUT", "/members/" + org.membershipIds().get(Role.CONTRIBUTOR), same, 200)
                .path("roles").toString()).contains("AUDITOR");
    }

    @Test
    void aRequirementCodeWithoutItsFrameworkIsReadWhenUnambiguous() throws Exception {
        TestOrganisation org = newOrganisation("Codes");
        JsonNode nc = api(org, Role.ISMS_MANAGER, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"t","description":"d","source":"INTERNAL_AUDIT","requirements":["A.8.8","9.2"]}""", 201);
        assertThat(nc.path("requirements").toString()).contains("iso27001-2022:A.8.8").contains("iso27001-2022:9.2");
        JsonNode unknown = api(org, Role.ISMS_MANAGER, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"t","description":"d","source":"INTERNAL_AUDIT","requirements":["Z.9"]}""", 422);
        assertThat(unknown.path("errors").path("requirements").asString()).contains("framework:code").contains("iso27001-2022:A.5.1");
    }

    @Test
    void etagAndIfMatchStandForTheVersion() throws Exception {
        TestOrganisation org = newOrganisation("ETags");
        JsonNode incident = api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Tagged","detectedAt":"2026-07-01T09:30:00Z","category":"PHISHING","severity":"HIGH","summary":"s"}""", 201);
        String path = "/api/v1/organisations/" + org.id() + "/incidents/" + incident.path("id").asString();
        var read = mvc.perform(get(path)
                .header("Authorization", org.bearer(Role.AUDITOR))).andReturn().getResponse();
        String etag = read.getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + incident.path("version").asLong() + "\"");
        String edit = """
                {"title":"Tagged and edited","detectedAt":"2026-07-01T09:30:00Z","category":"PHISHING","severity":"HIGH","summary":"s"}""";
        var edited = mvc.perform(put(path)
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).header("If-Match", etag)
                .contentType("application/json").content(edit)).andReturn().getResponse();
        assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(200);
        assertThat(edited.getHeader("ETag")).isNotEqualTo(etag);
        var stale = mvc.perform(put(path)
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).header("If-Match", etag)
                .contentType("application/json").content(edit)).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        var disagreeing = mvc.perform(put(path)
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).header("If-Match", edited.getHeader("ETag"))
                .contentType("application/json").content(edit.replace("}", ",\"version\":0}"))).andReturn().getResponse();
        assertThat(disagreeing.getStatus()).isEqualTo(412);

        JsonNode area = api(org, Role.ISMS_MANAGER, "POST", "/areas", "{\"name\":\"Short-lived\",\"risk\":\"LOW\"}", 201);
        var deleted = mvc.perform(delete(
                "/api/v1/organisations/" + org.id() + "/areas/" + area.path("id").asString())
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).header("If-Match", "\"" + area.path("version").asLong() + "\""))
                .andReturn().getResponse();
        assertThat(deleted.getStatus()).as(deleted.getContentAsString()).isEqualTo(204);
    }
}
