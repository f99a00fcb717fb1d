package dev.ratchet.action;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Refused;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

class ActionTrackerIT extends IntegrationTest {

    @Autowired
    ActionManagement actions;

    @Autowired
    Reminders reminders;

    @Autowired
    Notifications notifications;

    private ActionView plan(TestOrganisation org, Role owner, String title, LocalDate due) {
        return actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-1", org.areaId(), 1, List.of(new PlannedAction(title, null,
                org.userIds().get(owner), due, "Measurable result"))).get(0);
    }

    @Test
    void aMovedDueDateKeepsTheFirstOneAndTheReason() {
        TestOrganisation org = newOrganisation("Tracker");
        LocalDate planned = LocalDate.now().plusDays(5);
        ActionView action = plan(org, Role.CONTRIBUTOR, "Renew the supplier NDA", planned);
        UUID owner = org.userIds().get(Role.CONTRIBUTOR);

        assertThatThrownBy(() -> actions.reschedule(org.id(), action.id(), owner, false, planned.plusDays(10), " ", action.version()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.fieldErrors()).containsKey("reason"));
        assertThatThrownBy(() -> actions.reschedule(org.id(), action.id(), org.userIds().get(Role.AUDITOR), false,
                planned.plusDays(10), "Supplier late", action.version()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        ActionView moved = actions.reschedule(org.id(), action.id(), owner, false, planned.plusDays(10), "Supplier late", action.version());
        moved = actions.reschedule(org.id(), action.id(), owner, false, planned.plusDays(12), "Legal review", moved.version());
        assertThat(moved.originalDueDate()).isEqualTo(planned);
        assertThat(moved.dueDateChanges()).isEqualTo(2);
        assertThat(moved.slipDays()).isEqualTo(12);
        assertThat(moved.dueChangeReason()).isEqualTo("Legal review");
    }

    @Test
    void theTrackerFiltersAndCountsInTheDatabase() throws Exception {
        TestOrganisation org = newOrganisation("Tracker counts");
        plan(org, Role.CONTRIBUTOR, "Overdue one", LocalDate.now().minusDays(2));
        plan(org, Role.CONTRIBUTOR, "Due this week", LocalDate.now().plusDays(3));
        plan(org, Role.CONTRIBUTOR, "Later", LocalDate.now().plusDays(40));
        plan(org, Role.MANAGEMENT, "Someone else's", LocalDate.now().plusDays(1));
        UUID owner = org.userIds().get(Role.CONTRIBUTOR);

        ActionManagement.Counts counts = actions.counts(org.id(), owner);
        assertThat(counts).isEqualTo(new ActionManagement.Counts(3, 1, 1));
        assertThat(actions.search(org.id(), new ActionFilter(null, null, true, true, null, null, null, null), PageRequest.of(0, 10)))
                .extracting(ActionView::title).containsExactly("Overdue one");
        assertThat(actions.search(org.id(), new ActionFilter(null, null, true, null, null, LocalDate.now().plusDays(7), null, null),
                PageRequest.of(0, 10))).hasSize(3);

        mvc.perform(get("/actions").param("due", "overdue").with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(content().string(containsString("Overdue one")))
                .andExpect(content().string(not(containsString("Later"))));
        // All actions as a table sorted in the database: by title, descending, here.
        String sorted = mvc.perform(get("/actions").param("sort", "title").param("direction", "desc").with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sorted).contains("aria-sort=\"descending\"").doesNotContain(">Complete</button>");
        assertThat(sorted.indexOf("Someone else&#39;s")).isLessThan(sorted.indexOf("Overdue one"));
        assertThat(sorted.indexOf("Overdue one")).isLessThan(sorted.indexOf("Later"));
        assertThat(sorted.indexOf("Later")).isLessThan(sorted.indexOf("Due this week"));
        mvc.perform(get("/").with(user(org.principal(Role.CONTRIBUTOR)))).andExpect(redirectedUrl("/actions/mine"));
        mvc.perform(get("/actions/mine").with(user(org.principal(Role.CONTRIBUTOR))))
                .andExpect(content().string(containsString("3 open, 1 due this week, 1 overdue")));
    }

    @Test
    void withoutAMailServerRemindersStillShowInsideRatchetOnce() {
        TestOrganisation org = newOrganisation("No mail");
        plan(org, Role.CONTRIBUTOR, "Overdue without mail", LocalDate.now().minusDays(1));
        java.time.Instant now = java.time.Instant.now();
        reminders.run(now);
        reminders.run(now.plusSeconds(900));
        assertThat(notifications.of(org.id(), org.userIds().get(Role.CONTRIBUTOR)))
                .extracting(Notifications.Notification::message)
                .containsExactly("Overdue since " + LocalDate.now().minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK))
                        + ": Overdue without mail", "New action for you: Overdue without mail");
    }

    @Test
    void theTrackerUpdatesAnActionInPlaceAndFiltersByAreaAndOrigin() throws Exception {
        TestOrganisation org = newOrganisation("In place");
        ActionView action = plan(org, Role.CONTRIBUTOR, "Write the restore test", LocalDate.now().plusDays(4));
        var owner = user(org.principal(Role.CONTRIBUTOR));

        mvc.perform(post("/actions/{id}/progress", action.id()).header("HX-Request", "true").with(owner).with(csrf())
                        .param("progress", "Test server ready").param("version", "" + action.version()).param("back", "/actions/mine"))
                .andExpect(content().string(containsString("id=\"action-" + action.id() + "\"")))
                .andExpect(content().string(containsString("Progress: Test server ready")))
                .andExpect(content().string(containsString("In progress")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/actions/{id}/complete", action.id()).header("HX-Request", "true").with(owner).with(csrf())
                        .param("evidence", "").param("version", "" + (action.version() + 1)))
                .andExpect(content().string(containsString("Say what was done and where the evidence is")));

        assertThat(actions.search(org.id(), new ActionFilter(null, null, true, null, null, null, "TEST", org.areaId()),
                PageRequest.of(0, 10))).extracting(ActionView::title).containsExactly("Write the restore test");
        assertThat(actions.search(org.id(), new ActionFilter(null, null, true, null, null, null, "IMPROVEMENT", null),
                PageRequest.of(0, 10))).isEmpty();
    }
}
