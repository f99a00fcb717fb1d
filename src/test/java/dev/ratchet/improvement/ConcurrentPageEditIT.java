package dev.ratchet.improvement;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two people on one record's page: the first records the correction, the second sends the same step a moment later
 * from the page they opened before. The second gets the record back saying someone else changed it, what they
 * changed, and what the second person typed, even though the step is no longer offered.
 */
class ConcurrentPageEditIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Test
    void theLoserOfARaceIsToldWhatChangedAndKeepsWhatTheyTyped() throws Exception {
        TestOrganisation org = newOrganisation("Race on the page");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        ImprovementView nc = Workflow.reported(improvements, org, "Leavers keep VPN access");
        TransitionRequest triage = Workflow.step(Transition.TRIAGE, nc);
        triage.setOwnerId(org.userIds().get(Role.ISMS_MANAGER));
        triage.setGrade(Grade.MINOR);
        nc = improvements.transition(manager, nc.id(), triage);
        long opened = nc.version(); // both pages were opened at this version

        TransitionRequest first = Workflow.step(Transition.CONTAIN, nc);
        first.setCorrection("Both accounts disabled by IT");
        first.setConsequences("No use after leaving");
        improvements.transition(manager, nc.id(), first);

        String page = mvc.perform(post("/improvements/{id}/transitions", nc.id()).with(csrf()).with(user(org.principal(Role.ISMS_MANAGER)))
                        .param("transition", "CONTAIN").param("version", String.valueOf(opened))
                        .param("correction", "Locked the two VPN accounts and told HR <today>")
                        .param("consequences", "Checked the VPN log for the last 30 days"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Someone else changed this record while you were working on it")
                .contains("Both accounts disabled by IT") // what they changed
                .contains("Locked the two VPN accounts and told HR &lt;today&gt;") // what was typed, escaped
                .contains("Checked the VPN log for the last 30 days")
                .contains("The step you sent is no longer the next one");
        assertThat(improvements.get(manager, nc.id()).status()).isEqualTo(Status.CONTAINED);
    }
}
