package dev.ratchet.review;

import java.time.LocalDate;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Management reviews through the API: the team, the schedule, the input pack from live data, frozen at the start. */
class ReviewIT extends IntegrationTest {

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Reviews");
    }

    JsonNode call(Role role, String method, String path, String body, int expected) throws Exception {
        return api(org, role, method, path, body, expected);
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
        // The owner is told at once, in Ratchet and by e-mail, not only when reminders start before the due date.
        assertThat(call(Role.CONTRIBUTOR, "GET", "/notifications", null, 200).toString())
                .contains("New action for you: Set up backups in a second region");
        String mail = jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject like '%New action for you%'",
                String.class, org.email(Role.CONTRIBUTOR));
        assertThat(mail).startsWith("Hello Contributor ").contains("gave you an action in Ratchet")
                .contains("For: " + first.get("reference").asString() + " decision 1")
                .contains("Due: " + LocalDate.now().plusDays(45).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)))
                .contains("Success criteria: A full restore from the second region succeeds within 4 hours")
                .contains("/actions/mine#action-" + action.get("id").asString());

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
        JsonNode incomplete = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + decided.get("version").asLong() + "}", 409);
        assertThat(incomplete.get("detail").asString()).contains("the quorum").contains("(a), (b), (c), (d), (e), (f), (g)");
        decided = minutes(decided, Role.MANAGEMENT, 200);
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
    void approvedMinutesStayExactlyAsApprovedWhateverChangesLaterAndPrintTheCadence() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees the ISMS\"}", 200);
        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Frozen review\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        String id = review.get("id").asString();
        review = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        review = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", """
                {"type":"RESOURCE_NEED","decision":"Fund a second backup region","rationale":"Single point of failure","inputs":["d"],
                 "actions":[{"title":"Set up backups in a second region","ownerId":"%s","dueDate":"%s","successCriteria":"Restore within 4 hours"}]}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(45)), 201);
        JsonNode action = review.get("decisions").get(0).get("actions").get(0);
        review = minutes(review, Role.MANAGEMENT, 200);
        call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + review.get("version").asLong() + "}", 200);

        byte[] pdf = download("/reviews/" + id + "/minutes.pdf");
        byte[] docx = download("/reviews/" + id + "/minutes.docx");
        String text = Documents.pdfText(pdf);
        assertThat(text).contains("Set up backups in a second region", "Open", "Management reviews are held every 3 months (clause 9.3.1)",
                "the next review is due by");
        assertThat(Documents.docxText(docx)).contains("Management reviews are held every 3 months", "Open", org.name());
        // Printed from Word (here LibreOffice), every page says whose minutes they are, that they are approved, and its number.
        String printed = Documents.pdfText(Documents.viaLibreOffice(docx));
        assertThat(printed).contains(org.name() + " — " + review.get("reference").asString() + " minutes of the management review")
                .contains("Approved minutes · Page 1 of ");

        // Everything the minutes print moves on: the action is done, the organisation renamed, its cadence changed.
        mvc.perform(post("/api/v1/organisations/{org}/actions/{a}/completion", org.id(), action.get("id").asString())
                        .header("Authorization", org.bearer(Role.CONTRIBUTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"Done\",\"version\":" + action.get("version").asLong() + "}"))
                .andExpect(status().isOk());
        var settings = organisations.settingsOf(org.id());
        settings.setName(org.name() + " renamed");
        settings.setReviewCadenceMonths(6);
        organisations.updateSettings(org.id(), settings);

        assertThat(download("/reviews/" + id + "/minutes.pdf")).isEqualTo(pdf);
        assertThat(download("/reviews/" + id + "/minutes.docx")).isEqualTo(docx);
        byte[] guest = mvc.perform(get("/reviews/{id}/minutes.pdf", id).with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(guest).isEqualTo(pdf);

        // An amendment is the one change the approved minutes take: printed beside them, the rest as approved.
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/amendments", "{\"correction\":\"The deadline was agreed as 45 days\",\"reason\":\"Typo\"}", 201);
        String amended = Documents.pdfText(download("/reviews/" + id + "/minutes.pdf"));
        assertThat(amended).contains("The deadline was agreed as 45 days", "Management reviews are held every 3 months").doesNotContain("renamed");
        assertThat(amended).contains("Set up backups in a second region Contributor").doesNotContain("Restore within 4 hours Done");
        assertThat(Documents.docxText(download("/reviews/" + id + "/minutes.docx"))).contains("The deadline was agreed as 45 days");
    }

    @Test
    void thePackCountsNonconformitiesAndOpportunitiesApartAndShowsTheTrendAgainstEarlierReviews() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees\"}", 200);
        call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Backups not tested","description":"No restore test","source":"INTERNAL_AUDIT","grade":"MINOR"}""", 201);
        JsonNode ofi = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"OPPORTUNITY","title":"Password manager","description":"Fewer resets","source":"FEEDBACK"}""", 201);
        call(Role.ISMS_MANAGER, "POST", "/improvements/" + ofi.get("id").asString() + "/transitions",
                "{\"transition\":\"EVALUATE\",\"evaluation\":\"REJECTED\",\"reason\":\"Already licensed\",\"version\":" + ofi.get("version").asLong() + "}", 200);

        JsonNode first = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"First\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        JsonNode n = first.get("pack").get("nonconformities");
        assertThat(n.get("raised").asLong()).isEqualTo(1);
        assertThat(n.get("closed").asLong()).isZero();                     // the rejected opportunity is not a closed nonconformity
        assertThat(n.get("opportunitiesRaised").asLong()).isEqualTo(1);
        assertThat(n.get("opportunitiesClosed").asLong()).isEqualTo(1);
        assertThat(n.get("bySource").propertyNames()).containsExactly("Internal audit");
        assertThat(n.get("opportunitiesBySource").get("Feedback").asLong()).isEqualTo(1);
        String packText = Documents.pdfText(download("/reviews/" + first.get("id").asString() + "/pack.pdf"));
        assertThat(packText).contains("Nonconformities closed in the period 0", "Opportunities closed in the period 1",
                "Opportunities raised by source Feedback: 1", "Nonconformities raised by source");

        first = call(Role.MANAGEMENT, "POST", "/reviews/" + first.get("id").asString() + "/start", "{\"version\":" + first.get("version").asLong() + "}", 200);
        first = minutes(first, Role.MANAGEMENT, 200);
        call(Role.MANAGEMENT, "POST", "/reviews/" + first.get("id").asString() + "/approval", "{\"version\":" + first.get("version").asLong() + "}", 200);

        // A second review only days later still shows a trend: the first review's frozen figures beside its own.
        JsonNode second = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Second\",\"plannedDate\":\"" + LocalDate.now().plusDays(2) + "\"}", 201);
        JsonNode earlier = second.get("pack").get("earlierReviews");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).get("reference").asString()).isEqualTo(first.get("reference").asString());
        assertThat(earlier.get(0).get("nonconformitiesRaised").asLong()).isEqualTo(1);
        assertThat(second.get("pack").get("nonconformities").get("raised").asLong()).isZero(); // its own period starts after the first
        String secondText = Documents.pdfText(download("/reviews/" + second.get("id").asString() + "/pack.pdf"));
        assertThat(secondText).contains("Against earlier reviews", first.get("reference").asString(), "This review");
    }

    @Test
    void anOrganisationAdoptingRatchetMidYearReviewsItsYearWithRecordsCarryingTheirRealDates() throws Exception {
        JsonNode future = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Future","description":"d","source":"OTHER","raisedOn":"%s"}""".formatted(LocalDate.now().plusDays(1)), 422);
        assertThat(future.get("errors").get("raisedOn").asString()).contains("today or earlier");
        JsonNode old = call(Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Found on paper in spring","description":"Visitor badge not returned","source":"INTERNAL_AUDIT",
                 "grade":"MINOR","raisedOn":"%s"}""".formatted(LocalDate.now().minusDays(60)), 201);
        assertThat(java.time.OffsetDateTime.parse(old.get("raisedAt").asString()).toLocalDate()).isEqualTo(LocalDate.now().minusDays(60));
        assertThat(old.get("reference").asString()).startsWith("NC-" + LocalDate.now().minusDays(60).getYear());
        // The history still says when it was entered: today.
        assertThat(call(Role.AUDITOR, "GET", "/history?recordType=ImprovementRecord&recordId=" + old.get("id").asString(), null, 200).toString())
                .contains(LocalDate.now().toString());

        JsonNode refused = call(Role.ISMS_MANAGER, "POST", "/reviews", """
                {"title":"First","plannedDate":"%s","periodFrom":"%s"}""".formatted(LocalDate.now().plusDays(1), LocalDate.now().plusDays(2)), 422);
        assertThat(refused.get("errors").get("periodFrom")).isNotNull();
        JsonNode first = call(Role.ISMS_MANAGER, "POST", "/reviews", """
                {"title":"First","plannedDate":"%s","periodFrom":"%s"}""".formatted(LocalDate.now().plusDays(1), LocalDate.now().minusDays(90)), 201);
        assertThat(first.get("periodFrom").asString()).isEqualTo(LocalDate.now().minusDays(90).toString());
        assertThat(first.get("pack").get("nonconformities").get("raised").asLong()).isEqualTo(1);
        assertThat(first.get("pack").get("nonconformities").get("bySource").get("Internal audit").asLong()).isEqualTo(1);
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Writes minutes: every agenda item not marked yet is discussed; the chair and the ISMS manager are present. */
    @Test
    void theChairIsToldOnceWhenTheMinutesWaitAndSeesThemBeforeApproving() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"memberIds\":[\""
                + org.userIds().get(Role.ISMS_MANAGER) + "\"],\"quorum\":1,\"oversight\":\"Oversees the ISMS\"}", 200);
        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Told review\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        String id = review.get("id").asString();
        review = call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        review = minutes(review, Role.ISMS_MANAGER, 200);
        minutes(review, Role.ISMS_MANAGER, 200);
        String subject = "The minutes of " + review.get("reference").asString() + " wait for your approval";
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message = ?", Integer.class,
                org.userIds().get(Role.MANAGEMENT), subject)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject = ?", String.class,
                org.email(Role.MANAGEMENT), "[Ratchet] " + subject)).contains("every agenda item is marked").contains("/reviews/" + id);

        // Approval is a page of its own that shows the minutes as they will be kept; only the chair opens it.
        String page = mvc.perform(get("/reviews/{id}/approval", id).with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("minutes.pdf?preview=true").contains("Approve and lock the minutes").doesNotContain("Not ready to approve yet");
        mvc.perform(get("/reviews/{id}/approval", id).with(user(org.principal(Role.ISMS_MANAGER)))).andExpect(status().isForbidden());
        mvc.perform(get("/reviews/{id}/minutes.pdf", id).param("preview", "true").with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Content-Disposition", containsString("inline")));
        mvc.perform(get("/reviews/{id}/minutes.pdf", id).with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    JsonNode minutes(JsonNode review, Role role, int expected) throws Exception {
        StringBuilder items = new StringBuilder();
        for (JsonNode item : review.get("agenda")) {
            if (item.get("discussed").isNull()) items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(item.get("id").asString())
                    .append("\",\"discussed\":true,\"notes\":\"Discussed in full\"}");
        }
        return call(role, "PUT", "/reviews/" + review.get("id").asString() + "/minutes", "{\"present\":[\"%s\",\"%s\"],\"otherAttendees\":\"Dana Consultant (external)\",\"items\":[%s],\"version\":%d}"
                .formatted(org.userIds().get(Role.MANAGEMENT), org.userIds().get(Role.ISMS_MANAGER), items, review.get("version").asLong()), expected);
    }

    @Test
    void minutesRecordAttendanceAndDiscussionAreLockedOnApprovalAndCorrectedByAmendment() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", """
                {"chairId":"%s","memberIds":["%s"],"quorum":2,"oversight":"Oversees the ISMS"}"""
                .formatted(org.userIds().get(Role.MANAGEMENT), org.userIds().get(Role.ISMS_MANAGER)), 200);
        JsonNode review = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q3 review\",\"plannedDate\":\"" + LocalDate.now().plusDays(5) + "\"}", 201);
        String id = review.get("id").asString();
        assertThat(review.get("agenda")).hasSize(7);
        review = call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/agenda", "{\"title\":\"Budget for the recertification audit\"}", 201);
        assertThat(review.get("agenda").get(7).get("title").asString()).isEqualTo("Budget for the recertification audit");
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/agenda", "{\"title\":\" \"}", 422);
        call(Role.CONTRIBUTOR, "POST", "/reviews/" + id + "/agenda", "{\"title\":\"Mine\"}", 403);
        minutes(review, Role.ISMS_MANAGER, 409);                                        // the meeting has not started
        var plan = new org.springframework.mock.web.MockMultipartFile("file", "risk-treatment-plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes());
        mvc.perform(multipart("/reviews/{id}/attachments", id).file(plan).param("input", "f").param("description", "Risk treatment plan Q3")
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf())).andExpect(flash().attributeExists("success"));
        mvc.perform(multipart("/reviews/{id}/attachments", id).file(plan).param("input", "d")
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf())).andExpect(flash().attributeExists("error"));
        review = call(Role.ISMS_MANAGER, "GET", "/reviews/" + id, null, 200);
        assertThat(review.get("pack").get("attachments")).hasSize(1);
        assertThat(review.get("pack").get("attachments").get(0).get("input").asString()).isEqualTo("f");
        call(Role.MANAGEMENT, "GET", "/reviews/" + id + "/pack.pdf", null, 200);         // the pack before the meeting
        review = call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/start", "{\"version\":" + review.get("version").asLong() + "}", 200);
        assertThat(review.get("plannedDate").asString()).isEqualTo(LocalDate.now().toString()); // dated the day it is held
        mvc.perform(multipart("/reviews/{id}/attachments", id).file(plan).param("input", "f")
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf())).andExpect(flash().attribute("error", containsString("frozen")));

        // An input not discussed must say why; nothing is saved when one is refused.
        String item = review.get("agenda").get(5).get("id").asString();
        JsonNode refused = call(Role.MANAGEMENT, "PUT", "/reviews/" + id + "/minutes", """
                {"present":["%s"],"items":[{"id":"%s","discussed":false}],"version":%d}"""
                .formatted(org.userIds().get(Role.MANAGEMENT), item, review.get("version").asLong()), 422);
        assertThat(refused.get("errors").get("items[0].notes").asString()).contains("was not discussed");
        assertThat(call(Role.MANAGEMENT, "GET", "/reviews/" + id, null, 200).get("attendance").get("present")).isEmpty();
        call(Role.AUDITOR, "PUT", "/reviews/" + id + "/minutes", "{\"items\":[],\"version\":" + review.get("version").asLong() + "}", 403);
        review = call(Role.MANAGEMENT, "PUT", "/reviews/" + id + "/minutes", """
                {"present":["%s"],"apologies":["%s"],"otherAttendees":"Dana Consultant (external)","items":[{"id":"%s","discussed":false,"notes":"Out of time"}],"version":%d}"""
                .formatted(org.userIds().get(Role.MANAGEMENT), org.userIds().get(Role.ISMS_MANAGER), item, review.get("version").asLong()), 200);
        assertThat(review.get("attendance").get("teamPresent").asLong()).isEqualTo(1);
        assertThat(review.get("agenda").get(5).get("notes").asString()).isEqualTo("Out of time");
        JsonNode incomplete = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + review.get("version").asLong() + "}", 409);
        assertThat(incomplete.get("detail").asString()).contains("2 of the team present, 1 recorded").contains("Budget for the recertification audit")
                .doesNotContain("(f)");

        // A decision to change the ISMS makes a linked entry in the change log.
        review = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/decisions", """
                {"type":"ISMS_CHANGE","decision":"Bring the payments platform into the ISMS scope","rationale":"Clients ask for it in contracts",
                 "inputs":["c"],"actions":[{"title":"Update the scope statement","ownerId":"%s","dueDate":"%s","successCriteria":"Scope statement approved"}]}"""
                .formatted(org.userIds().get(Role.ISMS_MANAGER), LocalDate.now().plusDays(60)), 201);
        JsonNode decision = review.get("decisions").get(0);
        assertThat(decision.get("changeReference").asString()).startsWith("CHG-");
        JsonNode change = call(Role.ISMS_MANAGER, "GET", "/changes/" + decision.get("changeId").asString(), null, 200);
        assertThat(change.get("title").asString()).isEqualTo("Bring the payments platform into the ISMS scope");
        assertThat(change.get("causeReference").asString()).isEqualTo(review.get("reference").asString() + " decision 1");
        assertThat(change.get("plannedDate").asString()).isEqualTo(LocalDate.now().plusDays(60).toString());

        review = minutes(review, Role.ISMS_MANAGER, 200);
        call(Role.AUDITOR, "GET", "/reviews/" + id + "/minutes.pdf", null, 200);
        call(Role.GUEST_AUDITOR, "GET", "/reviews/" + id + "/minutes.pdf", null, 403);   // not approved yet
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/amendments", "{\"correction\":\"x\",\"reason\":\"y\"}", 409);
        review = call(Role.MANAGEMENT, "POST", "/reviews/" + id + "/approval", "{\"version\":" + review.get("version").asLong() + "}", 200);
        assertThat(review.get("status").asString()).isEqualTo("APPROVED");

        // Approved minutes refuse edits through the API and the page, and take corrections as amendments.
        minutes(review, Role.MANAGEMENT, 409);
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/agenda", "{\"title\":\"Late item\"}", 409);
        mvc.perform(post("/reviews/{id}/minutes", id).with(user(org.principal(Role.MANAGEMENT))).with(csrf())
                        .param("present", org.userIds().get(Role.AUDITOR).toString()).param("version", String.valueOf(review.get("version").asLong())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        JsonNode after = call(Role.MANAGEMENT, "GET", "/reviews/" + id, null, 200);
        assertThat(after.get("attendance").get("present")).hasSize(2);
        assertThat(after.get("version").asLong()).isEqualTo(review.get("version").asLong());
        JsonNode blank = call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/amendments", "{\"correction\":\"Decision 1's deadline is 30 June\"}", 422);
        assertThat(blank.get("errors").get("reason")).isNotNull();
        call(Role.CONTRIBUTOR, "POST", "/reviews/" + id + "/amendments", "{\"correction\":\"x\",\"reason\":\"y\"}", 403);
        after = call(Role.ISMS_MANAGER, "POST", "/reviews/" + id + "/amendments",
                "{\"correction\":\"Dana Consultant attended for item (c) only\",\"reason\":\"Attendance was recorded too broadly\"}", 201);
        assertThat(after.get("amendments").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");

        // The documents: the guest auditor reads approved minutes; another organisation does not find them.
        String pdf = Documents.pdfText(call(Role.GUEST_AUDITOR, "/reviews/" + id + "/minutes.pdf"));
        assertThat(pdf).contains("Minutes of the management review").contains("Dana Consultant (external)")
                .contains("Not discussed. Out of time").contains("Bring the payments platform into the ISMS scope")
                .contains("change-log entry " + decision.get("changeReference").asString()).contains("Scope statement approved")
                .contains("Amendment 1").contains("Attendance was recorded too broadly").contains("Budget for the recertification audit")
                .contains("Attached: risk-treatment-plan.pdf (Risk treatment plan Q3), SHA-256 ff306942528c22fec24a3515d4fa35545f253e040364f6c05a6f44c7fdfb0b0d");
        String docx = Documents.docxText(Documents.keep(call(Role.GUEST_AUDITOR, "/reviews/" + id + "/minutes.docx"), "review-minutes.docx"));
        assertThat(docx).contains("Minutes of the management review").contains("Clients ask for it in contracts")
                .contains("Amendment 1").contains("Approved by Management");
        TestOrganisation other = newOrganisation("Elsewhere");
        mvc.perform(get("/api/v1/organisations/{org}/reviews/{id}/minutes.pdf", other.id(), id).header("Authorization", other.bearer(Role.ISMS_MANAGER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reviews/{id}/minutes.docx", id).with(user(other.principal(Role.ISMS_MANAGER)))).andExpect(status().isNotFound());
    }

    @Test
    void anActionStillOpenAfterTwoReviewsIsFlagged() throws Exception {
        call(Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees\"}", 200);
        JsonNode first = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"First\",\"plannedDate\":\"" + LocalDate.now().minusDays(200) + "\"}", 201);
        first = call(Role.ISMS_MANAGER, "POST", "/reviews/" + first.get("id").asString() + "/start", "{\"version\":" + first.get("version").asLong() + "}", 200);
        call(Role.ISMS_MANAGER, "POST", "/reviews/" + first.get("id").asString() + "/decisions", """
                {"type":"OTHER","decision":"Train all staff","rationale":"Phishing incidents","inputs":["d"],
                 "actions":[{"title":"Run phishing training","ownerId":"%s","dueDate":"%s","successCriteria":"95%% of staff trained"}]}"""
                .formatted(org.userIds().get(Role.CONTRIBUTOR), LocalDate.now().plusDays(10)), 201);
        JsonNode second = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Second\",\"plannedDate\":\"" + LocalDate.now().plusDays(1) + "\"}", 201);
        JsonNode line = second.get("pack").get("previousActions").get(0);
        assertThat(line.get("reviewsSince").asInt()).isEqualTo(1);
        assertThat(line.get("openAfterTwoReviews").asBoolean()).isFalse();
        second = call(Role.ISMS_MANAGER, "POST", "/reviews/" + second.get("id").asString() + "/start", "{\"version\":" + second.get("version").asLong() + "}", 200);
        JsonNode third = call(Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Third\",\"plannedDate\":\"" + LocalDate.now().plusDays(90) + "\"}", 201);
        line = third.get("pack").get("previousActions").get(0);
        assertThat(line.get("title").asString()).isEqualTo("Run phishing training");
        assertThat(line.get("reviewsSince").asInt()).isEqualTo(2);
        assertThat(line.get("openAfterTwoReviews").asBoolean()).isTrue();
        String page = mvc.perform(get("/reviews/{id}", third.get("id").asString()).with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("open after 2 reviews");
    }

    byte[] call(Role role, String path) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{org}" + path, org.id()).header("Authorization", org.bearer(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
