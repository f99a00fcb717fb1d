package dev.ratchet.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.Reminders;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A supplier under NIS2 has a significant incident: its three reports are owed as actions counted from the moment it
 * became aware, the 24-hour early warning is escalated the minute it is missed, and the incident keeps when each
 * report went. DORA's major incidents are classified from the criteria met.
 */
class IncidentReportingIT extends IntegrationTest {

    @Autowired
    Reminders reminders;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private JsonNode incident(TestOrganisation org) throws Exception {
        return api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Customer portal down after ransomware on the build server","detectedAt":"%s","category":"MALWARE",
                 "severity":"CRITICAL","summary":"The build server was encrypted; the portal was down for six hours"}"""
                .formatted(Instant.now().minus(2, ChronoUnit.HOURS).atZone(LONDON).toOffsetDateTime()), 201);
    }

    @Test
    void aSignificantNis2IncidentOwesThreeReportsFromAwarenessAndTheEarlyWarningEscalatesWhenMissed() throws Exception {
        TestOrganisation org = newOrganisation("NIS2 supplier");
        JsonNode incident = incident(org);
        String id = incident.get("id").asString();
        Instant aware = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String classification = """
                {"awareAt":"%s","nis2Significant":true,"reporterId":"%s","version":%d}""".formatted(aware.atZone(LONDON).toOffsetDateTime(),
                org.userIds().get(Role.CONTRIBUTOR), incident.get("version").asLong());
        // Not before NIS2 is in scope: the field is named.
        assertThat(api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/classification", classification, 422).toString())
                .contains("nis2Significant").contains("not among the frameworks in scope");
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["nis2-2022-2555"],"version":-1}""", 200);
        api(org, Role.CONTRIBUTOR, "POST", "/incidents/" + id + "/classification", classification, 403);

        JsonNode reporting = api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/classification", classification, 200);
        assertThat(reporting.get("nis2Significant").asBoolean()).isTrue();
        List<String> stages = reporting.get("reports").findValuesAsString("stage");
        assertThat(stages).containsExactly("NIS2_EARLY_WARNING", "NIS2_NOTIFICATION", "NIS2_FINAL_REPORT");
        JsonNode earlyWarning = reporting.get("reports").get(0);
        JsonNode notification = reporting.get("reports").get(1);
        JsonNode finalReport = reporting.get("reports").get(2);
        assertThat(java.time.OffsetDateTime.parse(earlyWarning.get("dueAt").asString()).toInstant()).isEqualTo(aware.plus(24, ChronoUnit.HOURS));
        assertThat(java.time.OffsetDateTime.parse(notification.get("dueAt").asString()).toInstant()).isEqualTo(aware.plus(72, ChronoUnit.HOURS));
        assertThat(java.time.OffsetDateTime.parse(finalReport.get("dueAt").asString()).toInstant())
                .isEqualTo(aware.plus(72, ChronoUnit.HOURS).atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());

        // Each report is an action of the reporter, with its deadline to the minute.
        JsonNode actions = api(org, Role.CONTRIBUTOR, "GET", "/actions?size=50", null, 200);
        List<String> titles = actions.get("content").findValuesAsString("title");
        assertThat(titles).anyMatch(t -> t.startsWith("NIS2 early warning for " + incident.get("reference").asString()))
                .anyMatch(t -> t.startsWith("NIS2 incident notification for"))
                .anyMatch(t -> t.startsWith("NIS2 final report for"));
        JsonNode earlyAction = api(org, Role.CONTRIBUTOR, "GET", "/actions/" + earlyWarning.get("actionId").asString(), null, 200);
        assertThat(java.time.OffsetDateTime.parse(earlyAction.get("dueAt").asString()).toInstant()).isEqualTo(aware.plus(24, ChronoUnit.HOURS));

        // One minute before the 24 hours, nothing is escalated; one minute after, the early warning is, and only it.
        reminders.run(aware.plus(24, ChronoUnit.HOURS).minus(1, ChronoUnit.MINUTES));
        assertThat(missed(org)).isEmpty();
        reminders.run(aware.plus(24, ChronoUnit.HOURS).plus(1, ChronoUnit.MINUTES));
        assertThat(missed(org)).isNotEmpty().allMatch(s -> s.contains("NIS2 early warning for"))
                .noneMatch(s -> s.contains("notification") || s.contains("final report"));
        assertThat(jdbc.queryForList("select recipient from mail_outbox where organisation_id = ? and subject like '%Deadline missed%'",
                String.class, org.id())).contains(org.email(Role.ISMS_MANAGER), org.email(Role.CONTRIBUTOR));
        int before = missed(org).size();
        reminders.run(aware.plus(25, ChronoUnit.HOURS));
        assertThat(missed(org)).as("each escalation is sent once").hasSize(before);

        // The early warning went, late; the notification went early, so the final report is due a month after it.
        Instant notified = aware.plus(30, ChronoUnit.MINUTES);
        api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/reports/" + notification.get("id").asString() + "/sent", """
                {"sentAt":"%s","note":"CSIRT ref 2026-0042","version":%d}""".formatted(notified.atZone(LONDON).toOffsetDateTime(),
                notification.get("version").asLong()), 200);
        JsonNode after = api(org, Role.AUDITOR, "GET", "/incidents/" + id + "/reporting", null, 200);
        JsonNode sent = after.get("reports").get(1);
        assertThat(java.time.OffsetDateTime.parse(sent.get("sentAt").asString()).toInstant()).isEqualTo(notified);
        assertThat(sent.get("sentNote").asString()).isEqualTo("CSIRT ref 2026-0042");
        assertThat(sent.get("late").asBoolean()).isFalse();
        assertThat(java.time.OffsetDateTime.parse(after.get("reports").get(2).get("dueAt").asString()).toInstant())
                .isEqualTo(notified.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(api(org, Role.CONTRIBUTOR, "GET", "/actions/" + notification.get("actionId").asString(), null, 200).get("status").asString())
                .isEqualTo("DONE");
        // Sent twice is refused; a stale version too.
        api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/reports/" + notification.get("id").asString() + "/sent", """
                {"sentAt":"%s","version":%d}""".formatted(notified.atZone(LONDON).toOffsetDateTime(), sent.get("version").asLong()), 409);

        String page = mvc.perform(get("/incidents/{id}", id).with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Significant incident under NIS2").contains("Reports owed").contains("NIS2 early warning")
                .contains("within 24 hours of becoming aware").contains("CSIRT ref 2026-0042").contains("in time");
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type = 'IncidentReport'",
                Long.class, org.id())).isGreaterThanOrEqualTo(4);
    }

    @Test
    void doraMajorFollowsFromTheCriteriaAndItsInitialNotificationIsDueWithinFourHoursOfClassification() throws Exception {
        TestOrganisation org = newOrganisation("DORA bank");
        api(org, Role.ISMS_MANAGER, "PUT", "/frameworks", """
                {"frameworks":["dora-2022-2554"],"version":-1}""", 200);
        JsonNode incident = incident(org);
        String id = incident.get("id").asString();
        Instant aware = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        // Critical services and one other criterion: not major, so no report is owed and the form says why.
        assertThat(api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/classification", """
                {"awareAt":"%s","doraCriteria":["CRITICAL_SERVICES","DURATION"],"reporterId":"%s","version":%d}"""
                .formatted(aware.atZone(LONDON).toOffsetDateTime(), org.userIds().get(Role.ISMS_MANAGER), incident.get("version").asLong()), 422)
                .toString()).contains("doraCriteria").contains("owes no report");
        // NIS2 is not in scope here.
        api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/classification", """
                {"awareAt":"%s","nis2Significant":true,"reporterId":"%s","version":%d}"""
                .formatted(aware.atZone(LONDON).toOffsetDateTime(), org.userIds().get(Role.ISMS_MANAGER), incident.get("version").asLong()), 422);

        Instant before = Instant.now();
        JsonNode reporting = api(org, Role.ISMS_MANAGER, "POST", "/incidents/" + id + "/classification", """
                {"awareAt":"%s","doraCriteria":["CRITICAL_SERVICES","DURATION","CLIENTS_AFFECTED"],"reporterId":"%s","version":%d}"""
                .formatted(aware.atZone(LONDON).toOffsetDateTime(), org.userIds().get(Role.ISMS_MANAGER), incident.get("version").asLong()), 200);
        assertThat(reporting.get("doraMajor").asBoolean()).isTrue();
        assertThat(reporting.get("reports").findValuesAsString("stage"))
                .containsExactly("DORA_INITIAL_NOTIFICATION", "DORA_INTERMEDIATE_REPORT", "DORA_FINAL_REPORT");
        Instant initial = java.time.OffsetDateTime.parse(reporting.get("reports").get(0).get("dueAt").asString()).toInstant();
        // Four hours from classification comes before 24 hours from awareness.
        assertThat(initial).isBetween(before.plus(4, ChronoUnit.HOURS).minusSeconds(60), Instant.now().plus(4, ChronoUnit.HOURS).plusSeconds(60));
        assertThat(java.time.OffsetDateTime.parse(reporting.get("reports").get(1).get("dueAt").asString()).toInstant())
                .isEqualTo(initial.plus(72, ChronoUnit.HOURS));

        // The page shows the criteria checklist when DORA is in scope.
        mvc.perform(post("/incidents/{id}/classification", id).param("awareAt", "not a time").param("version", "0")
                        .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/incidents/{id}", id).with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Major ICT-related incident under DORA").contains("DORA initial notification")
                .contains("within 4 hours of classification as major");
    }

    private List<String> missed(TestOrganisation org) {
        return jdbc.queryForList("select subject from mail_outbox where organisation_id = ? and subject like '%Deadline missed%'",
                String.class, org.id());
    }
}
