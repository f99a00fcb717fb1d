package dev.ratchet.identity;

import java.time.LocalDate;
import java.util.List;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.TeamForm;
import dev.ratchet.shared.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A guest auditor reads the evidence and changes nothing, so nobody can make one the owner of a record, the chair of
 * the review, an auditor on an audit team or the owner of an action: the services refuse it, whichever list or
 * request the choice came from, and the lists do not offer guests.
 */
class GuestGivenNoWorkIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    ReviewManagement reviews;

    @Autowired
    AuditManagement audits;

    TestOrganisation organisation;

    @BeforeEach
    void organisation() {
        organisation = newOrganisation("Guest work");
    }

    private java.util.UUID guest() {
        return organisation.userIds().get(Role.GUEST_AUDITOR);
    }

    @Test
    void aGuestIsNotMadeTheOwnerOfANonconformity() {
        ReportForm form = new ReportForm();
        form.setKind(Kind.NONCONFORMITY);
        form.setTitle("Firewall rules not reviewed");
        form.setDescription("No review since March");
        form.setSource(Source.INTERNAL_AUDIT);
        form.setOwnerId(guest());
        assertThatThrownBy(() -> improvements.report(organisation.tenant(Role.ISMS_MANAGER), form))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("ownerId", "Guest auditor " + organisation.name().substring("Guest work ".length())
                                + " is a guest auditor here, who reads the evidence and changes nothing: choose someone with another role"));
        form.setOwnerId(organisation.userIds().get(Role.CONTRIBUTOR));
        assertThat(improvements.report(organisation.tenant(Role.ISMS_MANAGER), form).ownerId())
                .isEqualTo(organisation.userIds().get(Role.CONTRIBUTOR));
    }

    @Test
    void theApiRefusesAGuestAsOwnerNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/organisations/{o}/improvements", organisation.id())
                        .header("Authorization", organisation.bearer(Role.ISMS_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NONCONFORMITY\",\"title\":\"Guest owner\",\"description\":\"d\",\"source\":\"INTERNAL_AUDIT\",\"ownerId\":\""
                                + guest() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.ownerId").value(org.hamcrest.Matchers.containsString("is a guest auditor here")));
    }

    @Test
    void aGuestChairsNoReviewAndJoinsNoAuditTeam() {
        TeamForm team = new TeamForm();
        team.setChairId(guest());
        team.setMemberIds(List.of(organisation.userIds().get(Role.MANAGEMENT)));
        team.setQuorum(1);
        assertThatThrownBy(() -> reviews.saveTeam(organisation.tenant(Role.ISMS_MANAGER), team))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.fieldErrors()).containsKey("chairId"));

        AuditForm plan = new AuditForm();
        plan.setTitle("Access control");
        plan.setObjectives("Check access reviews");
        plan.setPlannedStart(LocalDate.now());
        plan.setPlannedEnd(LocalDate.now());
        plan.setRequirements(List.of("iso27001-2022:A.5.15"));
        var audit = audits.plan(organisation.tenant(Role.ISMS_MANAGER), plan);
        TeamMemberForm member = new TeamMemberForm();
        member.setUserId(guest());
        member.setLead(true);
        member.setVersion(audit.version());
        assertThatThrownBy(() -> audits.addTeamMember(organisation.tenant(Role.ISMS_MANAGER), audit.id(), member))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.fieldErrors()).containsKey("userId"));
    }

    @Test
    void theListsToChooseAnOwnerFromDoNotOfferGuests() throws Exception {
        String page = mvc.perform(get("/improvements/new").with(user(organisation.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(organisation.userIds().get(Role.CONTRIBUTOR).toString()).doesNotContain(guest().toString());
    }
}
