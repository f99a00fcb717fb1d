package dev.ratchet.risk;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The risk register through the API: criteria, assessment, treatment, acceptance and its rules, concerns, heat map. */
class RiskIT extends IntegrationTest {

    @Autowired
    RiskManagement risks;

    @Autowired
    dev.ratchet.shared.People people;

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Risks");
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return api(org, role, method, path, body, expected);
    }

    void approveDefaults() throws Exception {
        call(Role.MANAGEMENT, "POST", "/risk-criteria/draft/approval", "{\"version\":0,\"note\":\"Approved at the kick-off\"}", 200);
    }

    JsonNode newRisk(Role owner, int il, int ii, int cl, int ci, String target) throws Exception {
        return call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"Customer data exposed through a lost laptop","threat":"A laptop is lost or stolen",
                 "vulnerability":"Disks are not encrypted everywhere","consequence":"A notifiable personal data breach",
                 "ownerId":"%s","category":"Technology","requirements":["A.8.1","iso27001-2022:A.8.24"],"treatment":"MODIFY",
                 "assessment":{"inherentLikelihood":%d,"inherentImpact":%d,"currentLikelihood":%d,"currentImpact":%d,"targetLevel":"%s"}}"""
                .formatted(org.userIds().get(owner), il, ii, cl, ci, target), 201);
    }

    String id(JsonNode risk) {
        return risk.get("id").asString();
    }

    @Test
    void risksAreAssessedOnlyUnderApprovedCriteriaAndTheDefaultsAreAFiveByFiveMatrix() throws Exception {
        JsonNode draft = call(Role.AUDITOR, "GET", "/risk-criteria/draft", null, 200);
        assertThat(draft.get("id").isNull()).isTrue();
        assertThat(draft.get("likelihoods")).hasSize(5);
        assertThat(draft.get("levels").get(3).get("acceptedBy").asString()).isEqualTo("NOBODY");
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"t","threat":"t","consequence":"c","ownerId":"%s","treatment":"MODIFY",
                 "assessment":{"inherentLikelihood":3,"inherentImpact":3,"currentLikelihood":2,"currentImpact":3,"targetLevel":"Low"}}"""
                .formatted(org.userIds().get(Role.ISMS_MANAGER)), 409);
        assertThat(refused.get("detail").asString()).contains("No risk criteria are approved yet");
        call(Role.ISMS_MANAGER, "POST", "/risk-criteria/draft/approval", "{\"version\":0}", 403);
        approveDefaults();
        JsonNode inForce = call(Role.CONTRIBUTOR, "GET", "/risk-criteria/in-force", null, 200);
        assertThat(inForce.get("number").asInt()).isEqualTo(1);
        assertThat(inForce.get("status").asString()).isEqualTo("APPROVED");

        JsonNode risk = newRisk(Role.CONTRIBUTOR, 4, 4, 3, 4, "Medium");
        assertThat(risk.get("reference").asString()).isEqualTo("RSK-001");
        assertThat(risk.get("inherent").get("level").get("name").asString()).isEqualTo("Very high");
        assertThat(risk.get("current").get("level").get("name").asString()).isEqualTo("High");
        assertThat(risk.get("requirements").toString()).contains("iso27001-2022:A.8.1", "iso27001-2022:A.8.24");
        assertThat(risk.get("assessments")).hasSize(1);
        assertThat(risk.get("assessments").get(0).get("reason").asString()).isEqualTo("INITIAL");
        assertThat(risk.get("nextAssessmentDue").asString())
                .isEqualTo(LocalDate.parse(risk.get("assessedOn").asString()).plusMonths(12).toString());
    }

    @Test
    void approvedCriteriaAreLockedAndAChangeIsANewVersionThatTheAssessmentsRecord() throws Exception {
        approveDefaults();
        JsonNode inForce = call(Role.ISMS_MANAGER, "GET", "/risk-criteria/in-force", null, 200);
        // There is no draft to change: the approved version is locked.
        call(Role.ISMS_MANAGER, "GET", "/risk-criteria/draft", null, 404);
        JsonNode draft = call(Role.ISMS_MANAGER, "POST", "/risk-criteria/draft", null, 201);
        assertThat(draft.get("number").asInt()).isEqualTo(2);
        String body = """
                {"likelihoods":[{"name":"Low","description":"Once in ten years"},{"name":"Medium","description":"Once a year"},
                  {"name":"High","description":"Monthly"}],
                 "impacts":[{"name":"Small","description":"Hours"},{"name":"Large","description":"Days"},{"name":"Huge","description":"Weeks"}],
                 "levels":[{"name":"Acceptable","acceptedBy":"RISK_OWNER"},{"name":"Tolerable","acceptedBy":"TOP_MANAGEMENT"},
                  {"name":"Intolerable","acceptedBy":"NOBODY"}],
                 "matrix":[[0,0,1],[0,1,2],[1,2,2]],"cadenceMonths":6,"version":%d}""";
        JsonNode saved = call(Role.ISMS_MANAGER, "PUT", "/risk-criteria/draft", body.formatted(draft.get("version").asLong()), 200);
        assertThat(saved.get("cadenceMonths").asInt()).isEqualTo(6);
        // A stale version is refused; a matrix rating a worse risk lower is refused, naming the cell.
        call(Role.ISMS_MANAGER, "PUT", "/risk-criteria/draft", body.formatted(draft.get("version").asLong()), 409);
        JsonNode bad = call(Role.ISMS_MANAGER, "PUT", "/risk-criteria/draft",
                body.replace("[1,2,2]]", "[1,2,0]]").formatted(saved.get("version").asLong()), 422);
        assertThat(bad.toString()).contains("matrix[2][2]");
        JsonNode twoPoints = call(Role.ISMS_MANAGER, "PUT", "/risk-criteria/draft", body
                .replace(",\n  {\"name\":\"High\",\"description\":\"Monthly\"}", "")
                .replace("{\"name\":\"High\",\"description\":\"Monthly\"}", "").replace("},]", "}]")
                .formatted(saved.get("version").asLong()), 422);
        assertThat(twoPoints.toString()).contains("likelihoods");

        JsonNode risk = newRisk(Role.CONTRIBUTOR, 4, 4, 3, 4, "Medium");
        JsonNode approved = call(Role.MANAGEMENT, "POST", "/risk-criteria/draft/approval",
                "{\"version\":" + saved.get("version").asLong() + "}", 200);
        assertThat(approved.get("number").asInt()).isEqualTo(2);
        assertThat(call(Role.AUDITOR, "GET", "/risk-criteria/" + inForce.get("id").asString(), null, 200).get("status").asString())
                .isEqualTo("SUPERSEDED");
        call(Role.ISMS_MANAGER, "PUT", "/risk-criteria/draft", body.formatted(approved.get("version").asLong()), 409);

        // The risk keeps the version it was assessed under until it is re-assessed under the new one.
        JsonNode before = call(Role.ISMS_MANAGER, "GET", "/risks/" + id(risk), null, 200);
        assertThat(before.get("criteriaNumber").asInt()).isEqualTo(1);
        assertThat(before.get("criteriaInForce").asBoolean()).isFalse();
        JsonNode after = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments", """
                {"reason":"SCHEDULED","inherentLikelihood":3,"inherentImpact":3,"currentLikelihood":2,"currentImpact":2,
                 "targetLevel":"Acceptable","version":%d}""".formatted(before.get("version").asLong()), 201);
        assertThat(after.get("criteriaNumber").asInt()).isEqualTo(2);
        assertThat(after.get("current").get("level").get("name").asString()).isEqualTo("Tolerable");
        assertThat(after.get("assessments")).hasSize(2);
        assertThat(after.get("assessments").get(1).get("criteriaNumber").asInt()).isEqualTo(1);
        assertThat(after.get("nextAssessmentDue").asString()).isEqualTo(LocalDate.parse(after.get("assessedOn").asString()).plusMonths(6).toString());
    }

    @Test
    void acceptanceIsRefusedAboveTheCriteriaAndAskedOfWhomTheCriteriaName() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 5, 5, 4, 4, "Medium"); // current 16: Very high, nobody may accept
        String accept = "{\"rationale\":\"We live with it\",\"expiresOn\":\"" + LocalDate.now().plusMonths(6) + "\",\"version\":%d}";
        JsonNode refused = call(Role.MANAGEMENT, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 409);
        assertThat(refused.get("detail").asString()).contains("above the risk acceptance criteria");
        assertThat(call(Role.ISMS_MANAGER, "GET", "/risks/" + id(risk), null, 200).get("acceptances")).isEmpty();

        // High (3 × 4 = 12): top management accepts, not the owner.
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments", """
                {"reason":"SCHEDULED","inherentLikelihood":5,"inherentImpact":5,"currentLikelihood":3,"currentImpact":4,
                 "targetLevel":"Medium","version":%d}""".formatted(risk.get("version").asLong()), 201);
        assertThat(risk.get("acceptableBy").asString()).isEqualTo("TOP_MANAGEMENT");
        call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 403);
        JsonNode accepted = call(Role.MANAGEMENT, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 201);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptance").get("acceptedAs").asString()).isEqualTo("TOP_MANAGEMENT");
        assertThat(accepted.get("acceptance").get("levelName").asString()).isEqualTo("High");
        // The owner is reminded before it ends: an action due on the expiry.
        JsonNode mine = call(Role.CONTRIBUTOR, "GET", "/actions?ownerId=" + org.userIds().get(Role.CONTRIBUTOR), null, 200);
        assertThat(mine.toString()).contains("Review the acceptance of RSK-001");
        // An expiry in the past or more than three years ahead is refused on its field.
        JsonNode past = call(Role.MANAGEMENT, "POST", "/risks/" + id(risk) + "/acceptances",
                "{\"rationale\":\"x\",\"expiresOn\":\"2020-01-01\",\"version\":" + accepted.get("version").asLong() + "}", 422);
        assertThat(past.toString()).contains("expiresOn");
    }

    @Test
    void anAcceptanceIsWithdrawnWhenTheLevelTheTreatmentOrTheOwnerChanges() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 3, 3, 2, 3, "Medium"); // current 6: Medium, the owner accepts
        String accept = "{\"rationale\":\"Within appetite\",\"expiresOn\":\"" + LocalDate.now().plusMonths(6) + "\",\"version\":%d}";
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 201);
        assertThat(risk.get("acceptance").get("acceptedAs").asString()).isEqualTo("RISK_OWNER");

        // The level changes on re-assessment: withdrawn, and the reminder is cancelled.
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments", """
                {"reason":"INCIDENT","inherentLikelihood":3,"inherentImpact":3,"currentLikelihood":1,"currentImpact":3,
                 "targetLevel":"Low","version":%d}""".formatted(risk.get("version").asLong()), 201);
        assertThat(risk.get("acceptance").isNull()).isTrue();
        assertThat(risk.get("status").asString()).isEqualTo("OPEN");
        assertThat(risk.get("acceptances").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(risk.get("acceptances").get(0).get("endReason").asString()).contains("re-assessed");
        JsonNode cancelled = call(Role.ISMS_MANAGER, "GET", "/actions?status=CANCELLED", null, 200);
        assertThat(cancelled.toString()).contains("Review the acceptance of RSK-001");

        // A new acceptance (Low, the owner's) survives an edit that keeps owner and treatment; a new treatment withdraws it.
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 201);
        String update = """
                {"title":"Customer data exposed through a lost laptop","threat":"A laptop is lost","consequence":"A breach",
                 "ownerId":"%s","treatment":"%s","version":%d}""";
        risk = call(Role.ISMS_MANAGER, "PUT", "/risks/" + id(risk),
                update.formatted(org.userIds().get(Role.CONTRIBUTOR), "MODIFY", risk.get("version").asLong()), 200);
        assertThat(risk.get("status").asString()).as("the same owner and treatment keep it").isEqualTo("ACCEPTED");
        risk = call(Role.ISMS_MANAGER, "PUT", "/risks/" + id(risk),
                update.formatted(org.userIds().get(Role.CONTRIBUTOR), "RETAIN", risk.get("version").asLong()), 200);
        assertThat(risk.get("status").asString()).isEqualTo("OPEN");
        assertThat(risk.get("acceptances").get(0).get("endReason").asString()).contains("treatment");

        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/acceptances", accept.formatted(risk.get("version").asLong()), 201);
        risk = call(Role.ISMS_MANAGER, "PUT", "/risks/" + id(risk),
                update.formatted(org.userIds().get(Role.AUDITOR), "RETAIN", risk.get("version").asLong()), 200);
        assertThat(risk.get("status").asString()).isEqualTo("OPEN");
        assertThat(risk.get("acceptances").get(0).get("endReason").asString()).contains("owner");
        assertThat(risk.get("acceptances")).hasSize(3);
    }

    @Test
    void anAcceptanceExpiresAfterItsDate() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 2, 2, 1, 2, "Low");
        LocalDate tomorrow = risks.today(org.id()).plusDays(1);
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/acceptances",
                "{\"rationale\":\"Small\",\"expiresOn\":\"" + tomorrow + "\",\"version\":" + risk.get("version").asLong() + "}", 201);
        UUID acceptance = UUID.fromString(risk.get("acceptance").get("id").asString());
        risks.expireAcceptances(500);
        assertThat(call(Role.ISMS_MANAGER, "GET", "/risks/" + id(risk), null, 200).get("status").asString()).isEqualTo("ACCEPTED");
        // Two days on, the sweep ends it: the risk is open again.
        jdbc.update("update risk_acceptance set expires_on = ? where id = ?", java.sql.Date.valueOf(tomorrow.minusDays(2)), acceptance);
        assertThat(risks.expireAcceptances(500)).isGreaterThanOrEqualTo(1);
        JsonNode expired = call(Role.ISMS_MANAGER, "GET", "/risks/" + id(risk), null, 200);
        assertThat(expired.get("status").asString()).isEqualTo("OPEN");
        assertThat(expired.get("acceptances").get(0).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("acceptance").isNull()).isTrue();
    }

    @Test
    void theCadenceIsRemindedAsAnActionForTheOwnerOnceWithinTheLeadTime() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 2, 2, 1, 2, "Low");
        risks.remindReassessments(500);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/actions?ownerId=" + org.userIds().get(Role.CONTRIBUTOR), null, 200).toString())
                .as("a year away: not yet").doesNotContain("(scheduled)");
        jdbc.update("update risk set next_assessment_due = ? where id = ?", java.sql.Date.valueOf(risks.today(org.id()).plusDays(3)),
                UUID.fromString(id(risk)));
        risks.remindReassessments(500);
        risks.remindReassessments(500);
        JsonNode mine = call(Role.CONTRIBUTOR, "GET", "/actions?ownerId=" + org.userIds().get(Role.CONTRIBUTOR), null, 200);
        assertThat(mine.toString().split("Re-assess RSK-001 \\(scheduled\\)", -1)).as("asked once").hasSize(2);
        risk = call(Role.CONTRIBUTOR, "GET", "/risks/" + id(risk), null, 200);
        call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments", """
                {"reason":"SCHEDULED","inherentLikelihood":2,"inherentImpact":2,"currentLikelihood":1,"currentImpact":2,
                 "targetLevel":"Low","version":%d}""".formatted(risk.get("version").asLong()), 201);
        assertThat(call(Role.ISMS_MANAGER, "GET", "/actions?status=DONE", null, 200).toString()).contains("Re-assess RSK-001 (scheduled)");
    }

    @Test
    void theCurrentLevelIsLoweredOnTheStrengthOfATreatmentOnlyOnceItIsDone() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 4, 4, 3, 4, "Medium");
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/treatment-actions", """
                {"title":"Encrypt every laptop disk","ownerId":"%s","dueDate":"%s","successCriteria":"Every laptop reports encryption on",
                 "controls":["A.8.1","A.8.24"]}""".formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(30)), 201);
        JsonNode treatment = risk.get("treatmentPlan").get(0);
        assertThat(treatment.get("controls").toString()).contains("iso27001-2022:A.8.24");
        String actionId = treatment.get("action").get("id").asString();
        String lowered = """
                {"reason":"TREATMENT","inherentLikelihood":4,"inherentImpact":4,"currentLikelihood":2,"currentImpact":3,
                 "targetLevel":"Medium","basisActionId":"%s","version":%d}""";
        JsonNode refused = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments",
                lowered.formatted(actionId, risk.get("version").asLong()), 422);
        assertThat(refused.toString()).contains("basisActionId", "not done");
        JsonNode action = call(Role.CONTRIBUTOR, "GET", "/actions/" + actionId, null, 200);
        call(Role.CONTRIBUTOR, "POST", "/actions/" + actionId + "/completion",
                "{\"evidence\":\"MDM report: 42 of 42 encrypted\",\"version\":" + action.get("version").asLong() + "}", 200);
        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments",
                lowered.formatted(actionId, risk.get("version").asLong()), 201);
        assertThat(risk.get("current").get("level").get("name").asString()).isEqualTo("Medium");
        assertThat(risk.get("assessments").get(0).get("basisActionId").asString()).isEqualTo(actionId);
        // A contributor who does not own the risk neither assesses nor plans it.
        call(Role.AUDITOR, "POST", "/risks/" + id(risk) + "/assessments", lowered.formatted(actionId, risk.get("version").asLong()), 403);
    }

    @Test
    void aNonconformityThatNamesARiskAsksItsOwnerForAReassessment() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 3, 4, 3, 3, "Medium");
        JsonNode nc = call(Role.AUDITOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"A laptop was found unencrypted","description":"Found during the audit of IT"}""", 201);
        JsonNode bad = call(Role.AUDITOR, "POST", "/risks/" + id(risk) + "/concerns", "{\"reference\":\"NC-1999-999\"}", 422);
        assertThat(bad.toString()).contains("reference");
        risk = call(Role.AUDITOR, "POST", "/risks/" + id(risk) + "/concerns", "{\"reference\":\"" + nc.get("reference").asString() + "\"}", 201);
        JsonNode concern = risk.get("concerns").get(0);
        assertThat(concern.get("recordReference").asString()).isEqualTo(nc.get("reference").asString());
        assertThat(concern.get("reassessed").asBoolean()).isFalse();
        assertThat(concern.get("outcome").asString()).as("the nonconformity's status beside the risk").isEqualTo("Reported");
        JsonNode mine = call(Role.CONTRIBUTOR, "GET", "/actions?ownerId=" + org.userIds().get(Role.CONTRIBUTOR), null, 200);
        assertThat(mine.toString()).contains("Re-assess RSK-001 after " + nc.get("reference").asString());
        call(Role.AUDITOR, "POST", "/risks/" + id(risk) + "/concerns", "{\"reference\":\"" + nc.get("reference").asString() + "\"}", 422);

        risk = call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/assessments", """
                {"reason":"NONCONFORMITY","inherentLikelihood":4,"inherentImpact":4,"currentLikelihood":3,"currentImpact":4,
                 "targetLevel":"Medium","version":%d}""".formatted(risk.get("version").asLong()), 201);
        assertThat(risk.get("concerns").get(0).get("reassessed").asBoolean()).isTrue();
        assertThat(risks.concerning(org.id(), UUID.fromString(nc.get("id").asString()))).extracting(RiskSummary::reference).containsExactly("RSK-001");
    }

    @Test
    void theHeatMapCountsOpenRisksPerCellAndTheRegisterFiltersOnACell() throws Exception {
        approveDefaults();
        newRisk(Role.CONTRIBUTOR, 4, 4, 3, 4, "Medium");
        newRisk(Role.CONTRIBUTOR, 4, 5, 3, 4, "Medium");
        JsonNode closed = newRisk(Role.CONTRIBUTOR, 2, 2, 1, 1, "Low");
        call(Role.ISMS_MANAGER, "POST", "/risks/" + id(closed) + "/closure", "{\"reason\":\"The office closed\",\"version\":"
                + closed.get("version").asLong() + "}", 200);
        JsonNode map = call(Role.AUDITOR, "GET", "/risks/heat-map", null, 200);
        assertThat(map.get("total").asLong()).isEqualTo(2);
        // Rows run from likelihood 5 down: likelihood 3 is the third row, impact 4 the fourth cell.
        JsonNode cell = map.get("rows").get(2).get("cells").get(3);
        assertThat(cell.get("likelihood").asInt()).isEqualTo(3);
        assertThat(cell.get("impact").asInt()).isEqualTo(4);
        assertThat(cell.get("count").asLong()).isEqualTo(2);
        assertThat(cell.get("levelName").asString()).isEqualTo("High");
        JsonNode inherent = call(Role.AUDITOR, "GET", "/risks/heat-map?inherent=true", null, 200);
        assertThat(inherent.get("rows").get(1).get("cells").get(3).get("count").asLong()).isEqualTo(1);
        JsonNode filtered = call(Role.CONTRIBUTOR, "GET", "/risks?likelihood=3&impact=4", null, 200);
        assertThat(filtered.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/risks?likelihood=4&impact=5&inherent=true", null, 200).get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(call(Role.CONTRIBUTOR, "GET", "/risks?status=CLOSED", null, 200).get("page").get("totalElements").asLong()).isEqualTo(1);
        call(Role.GUEST_AUDITOR, "GET", "/risks", null, 403);
        // Another organisation sees none of it.
        TestOrganisation other = newOrganisation("Other");
        call(Role.ISMS_MANAGER, "GET", "/risks/" + id(closed), null, 200);
        api(other, Role.ISMS_MANAGER, "GET", "/risks/" + id(closed), null, 404);
        assertThat(api(other, Role.ISMS_MANAGER, "GET", "/risks", null, 200).get("page").get("totalElements").asLong()).isZero();
    }

    @Test
    void badInputIsNamedByFieldAndChangesNothing() throws Exception {
        approveDefaults();
        JsonNode bad = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"t","threat":"t","consequence":"c","ownerId":"%s","treatment":"MODIFY","requirements":["Z.99"],
                 "assessment":{"inherentLikelihood":2,"inherentImpact":2,"currentLikelihood":6,"currentImpact":3,"targetLevel":"Huge"}}"""
                .formatted(org.userIds().get(Role.ISMS_MANAGER)), 422);
        assertThat(bad.toString()).contains("assessment.currentLikelihood", "assessment.targetLevel");
        JsonNode worse = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"t","threat":"t","consequence":"c","ownerId":"%s","treatment":"MODIFY","requirements":["Z.99"],
                 "assessment":{"inherentLikelihood":2,"inherentImpact":2,"currentLikelihood":4,"currentImpact":4,"targetLevel":"Low"}}"""
                .formatted(org.userIds().get(Role.ISMS_MANAGER)), 422);
        assertThat(worse.toString()).contains("requirements[0]");
        JsonNode above = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"t","threat":"t","consequence":"c","ownerId":"%s","treatment":"MODIFY",
                 "assessment":{"inherentLikelihood":2,"inherentImpact":2,"currentLikelihood":4,"currentImpact":4,"targetLevel":"Low"}}"""
                .formatted(org.userIds().get(Role.ISMS_MANAGER)), 422);
        assertThat(above.toString()).contains("cannot be above the level without them");
        JsonNode guest = call(Role.ISMS_MANAGER, "POST", "/risks", """
                {"title":"t","threat":"t","consequence":"c","ownerId":"%s","treatment":"MODIFY",
                 "assessment":{"inherentLikelihood":2,"inherentImpact":2,"currentLikelihood":1,"currentImpact":1,"targetLevel":"Low"}}"""
                .formatted(org.userIds().get(Role.GUEST_AUDITOR)), 422);
        assertThat(guest.toString()).contains("ownerId");
        assertThat(call(Role.ISMS_MANAGER, "GET", "/risks", null, 200).get("page").get("totalElements").asLong()).isZero();
    }

    @Test
    void theSpreadsheetKeptTodayComesInByItsOwnColumnNamesAllRowsOrNone() throws Exception {
        String header = "Risk ID,Risk,Risk description,Consequences,Risk owner,Mitigations,Annex A controls,Gross likelihood,"
                + "Gross impact,Residual likelihood,Residual impact,Risk response\n";
        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/risks/import", header
                + "R-01,Phishing,Credentials phished,Account takeover," + org.email(Role.CONTRIBUTOR) + ",MFA,A.5.17,Likely,Major,2,4,Mitigate\n", 422);
        assertThat(refused.toString()).contains("No risk criteria are approved yet");
        approveDefaults();
        refused = call(Role.ISMS_MANAGER, "POST", "/risks/import", header
                + "R-01,Phishing,Credentials phished,Account takeover,nobody@example.com,MFA,A.5.17,Likely,Major,2,4,Mitigate\n"
                + "R-02,Supplier outage,Hosting down,No service," + org.email(Role.CONTRIBUTOR) + ",,Z.9,7,Major,,,Pray\n", 422);
        assertThat(refused.get("problems")).extracting(p -> p.get("row").asLong() + " " + p.get("column").asString())
                .containsExactlyInAnyOrder("2 Owner", "3 Requirements", "3 Inherent likelihood", "3 Treatment");
        assertThat(call(Role.AUDITOR, "GET", "/risks", null, 200).get("content")).isEmpty();

        JsonNode imported = call(Role.ISMS_MANAGER, "POST", "/risks/import", header
                + "R-01,Phishing,Credentials phished,Account takeover," + org.email(Role.CONTRIBUTOR) + ",MFA on e-mail,A.5.17,Likely,Major,2,4,Mitigate\n"
                + ",Supplier outage,Hosting down,No service," + org.email(Role.CONTRIBUTOR) + ",,\"A.5.19, A.5.30\",3,Major,,,Transfer\n", 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        JsonNode list = call(Role.AUDITOR, "GET", "/risks?sort=reference", null, 200);
        assertThat(list.get("content")).hasSize(2);
        JsonNode phishing = list.get("content").get(0);
        assertThat(phishing.get("reference").asString()).isEqualTo("R-01");
        assertThat(phishing.get("current").get("level").get("name").asString()).isEqualTo("High");
        assertThat(phishing.get("treatment").asString()).isEqualTo("MODIFY");
        assertThat(list.get("content").get(1).get("reference").asString()).isEqualTo("RSK-002");
        assertThat(list.get("content").get(1).get("treatment").asString()).isEqualTo("SHARE");
        assertThat(list.get("content").get(1).get("current").get("likelihood").asInt()).as("the inherent rating when no residual is given").isEqualTo(3);

        // What the register exports, another organisation imports as it is (owners by name, levels left to the criteria).
        String csv = mvc.perform(get("/risks/export.csv").with(user(org.principal(Role.AUDITOR))))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("R-01", "Phishing", "iso27001-2022:A.5.17", "High");
        TestOrganisation other = newOrganisation("Risk copy");
        api(other, Role.MANAGEMENT, "POST", "/risk-criteria/draft/approval", "{\"version\":0}", 200);
        String renamed = csv.replace(nameOf(org, Role.CONTRIBUTOR), nameOf(other, Role.CONTRIBUTOR));
        JsonNode copied = api(other, Role.ISMS_MANAGER, "POST", "/risks/import", renamed, 201);
        assertThat(copied.get("imported").asInt()).isEqualTo(2);
        assertThat(copied.get("notices").toString()).contains("Current level");
    }

    private String nameOf(TestOrganisation o, Role role) {
        return people.memberOf(o.id(), o.userIds().get(role)).orElseThrow().displayName();
    }

    @Test
    void anApprovedTreatmentPlanIsTheDocumentApprovedWhateverChangesLater() throws Exception {
        approveDefaults();
        JsonNode risk = newRisk(Role.CONTRIBUTOR, 4, 4, 3, 4, "Medium");
        call(Role.CONTRIBUTOR, "POST", "/risks/" + id(risk) + "/treatment-actions", """
                {"title":"Enforce disk encryption","ownerId":"%s","dueDate":"%s","successCriteria":"All laptops encrypted","controls":["A.8.24"]}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(30)), 201);
        call(Role.ISMS_MANAGER, "POST", "/risk-treatment-plan/approvals", "{\"note\":\"x\"}", 403);
        JsonNode approval = call(Role.MANAGEMENT, "POST", "/risk-treatment-plan/approvals", "{\"note\":\"Approved at the review\"}", 201);
        assertThat(approval.get("number").asInt()).isEqualTo(1);
        assertThat(approval.get("openActions").asInt()).isEqualTo(1);

        // The risk changes after the approval: the approved plan does not, the plan as it stands does.
        risk = call(Role.ISMS_MANAGER, "GET", "/risks/" + id(risk), null, 200);
        call(Role.ISMS_MANAGER, "PUT", "/risks/" + id(risk), """
                {"title":"Laptop theft exposes customer exports","threat":"A laptop is lost","consequence":"A breach",
                 "ownerId":"%s","treatment":"MODIFY","version":%d}""".formatted(org.userIds().get(Role.CONTRIBUTOR), risk.get("version").asLong()), 200);
        String approvedPdf = dev.ratchet.Documents.pdfText(download(Role.GUEST_AUDITOR,
                "/risk-treatment-plan/approvals/" + approval.get("id").asString() + "/document.pdf", 200));
        assertThat(approvedPdf).contains("Risk treatment plan", "approval 1", "Approved at the review", "RSK-001 Customer data exposed",
                "Enforce disk encryption", "A.8.24", "High (3×4)").doesNotContain("Laptop theft");
        String current = dev.ratchet.Documents.pdfText(download(Role.AUDITOR, "/risk-treatment-plan/document.pdf", 200));
        assertThat(current).contains("Laptop theft exposes customer exports", "not approved");
        download(Role.GUEST_AUDITOR, "/risk-treatment-plan/document.pdf", 403);
        byte[] docx = download(Role.AUDITOR, "/risk-treatment-plan/approvals/" + approval.get("id").asString() + "/document.docx", 200);
        dev.ratchet.Documents.keep(docx, "risk-treatment-plan.docx");
        assertThat(dev.ratchet.Documents.docxText(docx)).contains("Enforce disk encryption", "Acceptance of residual risk");
        assertThat(dev.ratchet.Documents.pdfText(dev.ratchet.Documents.viaLibreOffice(docx))).contains("Enforce disk encryption");
        byte[] xlsx = download(Role.AUDITOR, "/risk-treatment-plan/approvals/" + approval.get("id").asString() + "/document.xlsx", 200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
            assertThat(book.getSheetAt(2).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Enforce disk encryption");
        }
        TestOrganisation other = newOrganisation("Other plan");
        api(other, Role.ISMS_MANAGER, "GET", "/risk-treatment-plan/approvals/" + approval.get("id").asString() + "/document.pdf", null, 404);
    }

    @Test
    void managementReviewInputFIsAssembledFromTheRegisterFrozenWithThePackAndPrintedInTheMinutes() throws Exception {
        approveDefaults();
        JsonNode high = newRisk(Role.CONTRIBUTOR, 5, 5, 4, 4, "Medium"); // Very high now: above the acceptance criteria
        newRisk(Role.CONTRIBUTOR, 3, 3, 2, 2, "Low");
        call(Role.CONTRIBUTOR, "POST", "/risks/" + id(high) + "/treatment-actions", """
                {"title":"Segment the network","ownerId":"%s","dueDate":"%s","successCriteria":"Production in its own VLAN"}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(10)), 201);
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT)
                + "\",\"quorum\":1,\"oversight\":\"Oversees the ISMS\"}", 200);
        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q4 review\",\"plannedDate\":\"" + LocalDate.now().plusDays(3) + "\"}", 201);
        String reviewId = review.get("id").asString();
        review = call(Role.ISMS_MANAGER, "PUT", "/reviews/" + reviewId + "/inputs",
                "{\"riskAssessment\":\"The supplier review is late\",\"version\":" + review.get("version").asLong() + "}", 200);
        JsonNode f = review.get("pack").get("risks");
        assertThat(f.get("criteriaVersion").asInt()).isEqualTo(1);
        assertThat(f.get("aboveAcceptance").asLong()).isEqualTo(1);
        assertThat(f.get("aboveAcceptanceRisks").get(0).asString()).startsWith("RSK-001");
        assertThat(f.get("actionsOpen").asLong()).isEqualTo(1);
        assertThat(f.get("byLevel").get(0).get("level").asString()).isEqualTo("Very high");
        assertThat(f.get("byLevel").get(0).get("now").asLong()).isEqualTo(1);
        assertThat(f.get("byLevel").get(0).get("atPreviousReview").isNull()).as("a first review has no previous one").isTrue();

        review = call(Role.MANAGEMENT, "POST", "/reviews/" + reviewId + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        // The register changes after the meeting started: input (f) does not.
        newRisk(Role.CONTRIBUTOR, 5, 5, 5, 5, "High");
        JsonNode frozen = call(Role.CONTRIBUTOR, "GET", "/reviews/" + reviewId + "/pack", null, 200).get("risks");
        assertThat(frozen.get("aboveAcceptance").asLong()).isEqualTo(1);
        String minutes = dev.ratchet.Documents.pdfText(download(Role.CONTRIBUTOR, "/reviews/" + reviewId + "/minutes.pdf", 200));
        assertThat(minutes).contains("(f) Results of risk assessment", "1 risk is above the risk acceptance criteria: RSK-001",
                "Treatment actions: 0 done, 1 open, 0 overdue", "The supplier review is late", "Very high");
        String docx = dev.ratchet.Documents.docxText(download(Role.CONTRIBUTOR, "/reviews/" + reviewId + "/minutes.docx", 200));
        assertThat(docx).contains("1 risk is above the risk acceptance criteria");
    }

    private byte[] download(Role role, String path, int expected) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(role)))
                .andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsByteArray();
    }
}
