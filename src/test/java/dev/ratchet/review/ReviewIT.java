package dev.ratchet.review;

import java.time.LocalDate;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Management reviews through the API: the team, the schedule, the input pack from live data, frozen at the start. */
class ReviewIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Reviews");
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        var request = switch (method) {
            case "POST" -> post("/api/v1/organisations/{org}" + path, org.id());
            case "PUT" -> put("/api/v1/organisations/{org}" + path, org.id());
            default -> get("/api/v1/organisations/{org}" + path, org.id());
        };
        request.header("Authorization", org.bearer(role));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String response = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return response.isEmpty() || !response.startsWith("{") && !response.startsWith("[") ? null : JSON.readTree(response);
    }

    @Test
    void thePackIsAssembledFromTheRegistersAndFrozenWhenTheMeetingStarts() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", """
                {"chairId":"%s","memberIds":["%s","%s"],"quorum":2,"oversight":"The team oversees the ISMS."}"""
                .formatted(org.userIds().get(Role.MANAGEMENT), org.userIds().get(Role.ISMS_MANAGER), org.userIds().get(Role.AUDITOR)), 200);
        JsonNode schedule = call(Role.CONTRIBUTOR, "GET", "/reviews", null, 200);
        assertThat(schedule.get("cadenceMonths").asInt()).isEqualTo(3); // quarterly by default
        assertThat(schedule.get("nextPlanned").asBoolean()).isFalse();

        // The registers: a nonconformity, an audit reported with it, an objective with a measurement.
        call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Backups not tested","description":"No restore test this year","source":"INTERNAL_AUDIT","grade":"MINOR"}""", 201);
        JsonNode audit = call(Role.ISMS_MANAGER, "POST", "/audits", """
                {"title":"Backups","objectives":"Check backups","plannedStart":"%s","plannedEnd":"%s","requirements":["iso27001-2022:A.8.13"]}"""
                .formatted(LocalDate.now(), LocalDate.now()), 201);
        audit = call(Role.ISMS_MANAGER, "POST", "/audits/" + audit.get("id").asString() + "/team",
                "{\"externalName\":\"Ext Auditor\",\"lead\":true,\"version\":" + audit.get("version").asLong() + "}", 201);
        audit = call(Role.ISMS_MANAGER, "POST", "/audits/" + audit.get("id").asString() + "/start", "{\"version\":" + audit.get("version").asLong() + "}", 200);
        JsonNode line = audit.get("lines").get(0);
        call(Role.ISMS_MANAGER, "PUT", "/audits/" + audit.get("id").asString() + "/lines/" + line.get("id").asString(),
                "{\"result\":\"CONFORMING\",\"version\":" + line.get("version").asLong() + "}", 200);
        audit = call(Role.ISMS_MANAGER, "GET", "/audits/" + audit.get("id").asString(), null, 200);
        call(Role.ISMS_MANAGER, "POST", "/audits/" + audit.get("id").asString() + "/report",
                "{\"text\":\"Effective\",\"version\":" + audit.get("version").asLong() + "}", 200);
        JsonNode objective = call(Role.ISMS_MANAGER, "POST", "/objectives", """
                {"title":"Restore tests","measure":"Successful restore tests per quarter","target":3,"direction":"AT_LEAST","frequency":"QUARTERLY"}""", 201);
        call(Role.ISMS_MANAGER, "POST", "/objectives/" + objective.get("id").asString() + "/measurements",
                "{\"measuredOn\":\"" + LocalDate.now() + "\",\"value\":1}", 201);

        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q4 review\",\"plannedDate\":\"" + LocalDate.now().plusDays(3) + "\"}", 201);
        call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Another\",\"plannedDate\":\"" + LocalDate.now().plusDays(30) + "\"}", 409);
        String id = review.get("id").asString();
        review = call(Role.ISMS_MANAGER, "PUT", "/reviews/" + id + "/inputs", """
                {"externalInternalIssues":"New data centre provider","riskAssessment":"Risk treatment plan 80%% done","version":%d}"""
                .formatted(review.get("version").asLong()), 200);
        JsonNode pack = review.get("pack");
        assertThat(review.get("frozen").asBoolean()).isFalse();
        assertThat(pack.get("nonconformities").get("raised").asLong()).isEqualTo(1);
        assertThat(pack.get("nonconformities").get("byGrade").get("Minor").asLong()).isEqualTo(1);
        assertThat(pack.get("audits").get(0).get("reference").asString()).isEqualTo(audit.get("reference").asString());
        assertThat(pack.get("objectives").get(0).get("onTarget").asBoolean()).isFalse();
        assertThat(pack.get("externalInternalIssues").asString()).isEqualTo("New data centre provider");

        call(Role.AUDITOR, "POST", "/reviews/" + id + "/start", "{\"version\":" + review.get("version").asLong() + "}", 403);
        review = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        assertThat(review.get("status").asString()).isEqualTo("IN_MEETING");
        String frozen = review.get("pack").toString();

        // Data changes after the meeting started: the pack does not.
        call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Second finding","description":"Found later","source":"OTHER"}""", 201);
        call(Role.ISMS_MANAGER, "POST", "/objectives/" + objective.get("id").asString() + "/measurements",
                "{\"measuredOn\":\"" + LocalDate.now().minusDays(1) + "\",\"value\":5}", 201);
        JsonNode after = call(Role.CONTRIBUTOR, "GET", "/reviews/" + id, null, 200);
        assertThat(after.get("frozen").asBoolean()).isTrue();
        assertThat(after.get("pack").toString()).isEqualTo(frozen);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/reviews/" + id + "/pack", null, 200).get("nonconformities").get("raised").asLong()).isEqualTo(1);
        call(Role.ISMS_MANAGER, "PUT", "/reviews/" + id + "/inputs", "{\"riskAssessment\":\"changed\",\"version\":" + after.get("version").asLong() + "}", 409);

        call(Role.GUEST_AUDITOR, "GET", "/reviews/" + id, null, 403);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/reviews", null, 200).get("reviews")).hasSize(1);
    }

    @Test
    void aDecisionsActionIsFollowedUpInTheNextReviewsInputA() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees the ISMS\"}", 200);
        JsonNode first = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q1 review\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        String id = first.get("id").asString();
        String decision = """
                {"type":"RESOURCE_NEED","decision":"Fund a second backup region","rationale":"Restore tests failed twice; one region is a single point of failure",
                 "inputs":["d","f"],"actions":[{"title":"Set up backups in a second region","ownerId":"%s","dueDate":"%s",
                 "successCriteria":"A full restore from the second region succeeds within 4 hours"}]}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(45));
        call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", decision, 409);           // the meeting has not started
        first = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/start", "{\"version\":" + first.get("version").asLong() + "}", 200);
        call(Role.AUDITOR, "POST", "/reviews/" + id + "/decisions", decision, 403);
        JsonNode refused = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", decision.replace("\"inputs\":[\"d\",\"f\"]", "\"inputs\":[]"), 422);
        assertThat(refused.get("errors").get("inputs")).isNotNull();
        JsonNode decided = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", decision, 201);
        JsonNode d = decided.get("decisions").get(0);
        assertThat(d.get("rationale").asString()).startsWith("Restore tests failed twice");
        assertThat(d.get("inputs").toString()).isEqualTo("[\"d\",\"f\"]");
        JsonNode action = d.get("actions").get(0);
        assertThat(action.get("ownerId").asString()).isEqualTo(org.userIds().get(Role.CONTRIBUTOR).toString());
        assertThat(action.get("successCriteria").asString()).contains("within 4 hours");

        JsonNode second = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q2 review\",\"plannedDate\":\"" + LocalDate.now().plusDays(90) + "\"}", 201);
        JsonNode line = second.get("pack").get("previousActions").get(0);
        assertThat(line.get("reference").asString()).isEqualTo(first.get("reference").asString() + " decision 1");
        assertThat(line.get("title").asString()).isEqualTo("Set up backups in a second region");
        assertThat(line.get("status").asString()).isEqualTo("Open");

        mvc.perform(post("/api/v1/organisations/{org}/actions/{a}/completion", org.id(), action.get("id").asString())
                        .header("Authorization", org.bearer(Role.CONTRIBUTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"Restore test passed in 3 h 10 min\",\"version\":" + action.get("version").asLong() + "}"))
                .andExpect(status().isOk());
        JsonNode now = call(Role.CONTRIBUTOR, "GET", "/reviews/" + second.get("id").asString() + "/pack", null, 200);
        assertThat(now.get("previousActions").get(0).get("status").asString()).isEqualTo("Done");

        // Only the chair approves; approved minutes are locked; a guest auditor then reads them.
        call(Role.GUEST_AUDITOR, "GET", "/reviews/" + id, null, 403);
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/approval", "{\"version\":" + decided.get("version").asLong() + "}", 403);
        JsonNode approved = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + decided.get("version").asLong() + "}", 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedByName").asString()).startsWith("Management");
        JsonNode locked = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", decision, 409);
        assertThat(locked.get("detail").asString()).contains("approved and locked");
        call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + approved.get("version").asLong() + "}", 409);
        assertThat(call(Role.GUEST_AUDITOR, "GET", "/reviews/" + id, null, 200).get("decisions").get(0).get("decision").asString())
                .isEqualTo("Fund a second backup region");
        String page = mvc.perform(get("/reviews/{id}", id).with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Minutes approved by").doesNotContain("Record a decision");
    }

    @Test
    void theTeamNeedsAChairAndAQuorumItCanMeet() throws Exception {
        JsonNode refused = call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"quorum\":1,\"oversight\":\"x\"}", 422);
        assertThat(refused.get("errors").get("chairId")).isNotNull();
        refused = call(Role.ISMS_MANAGER, "PUT", "/review-team",
                "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":3,\"oversight\":\"x\"}", 422);
        assertThat(refused.get("errors").get("quorum")).isNotNull();
        call(Role.MANAGEMENT, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"x\"}", 403);
        JsonNode team = call(Role.ISMS_MANAGER, "PUT", "/review-team",
                "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees the ISMS\"}", 200);
        assertThat(team.get("chairName").asString()).startsWith("Management");
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"x\",\"version\":99}", 409);
    }
}
