package dev.ratchet.action;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The feed a calendar program subscribes to: a standard parser reads it, and a revoked address gives nothing. */
class CalendarFeedIT extends IntegrationTest {

    @Autowired
    ActionManagement actions;

    @Test
    void aPersonsOpenActionsAreAStandardICalendarFeedUntilTheAddressIsRevoked() throws Exception {
        TestOrganisation org = newOrganisation("Calendar");
        UUID owner = org.userIds().get(Role.CONTRIBUTOR);
        LocalDate due = LocalDate.now().plusDays(9);
        actions.plan(org.id(), "TEST", UUID.randomUUID(), "NC-X", null, 1, List.of(
                new PlannedAction("Renew the NDA", null, owner, due, "Signed copy on file"),
                new PlannedAction("Someone else's", null, org.userIds().get(Role.AUDITOR), due, "x")));
        String token = identity.newCalendarToken(owner);

        byte[] ics = mvc.perform(get("/calendar/{token}.ics", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Due: Renew the NDA (NC-X)");
        assertThat(events.get(0).getDateTimeStart().getValue()).isEqualTo(due.toString().replace("-", ""));

        identity.newCalendarToken(owner);
        mvc.perform(get("/calendar/{token}.ics", token)).andExpect(status().isNotFound());
        String current = identity.newCalendarToken(owner);
        identity.revokeCalendarToken(owner);
        mvc.perform(get("/calendar/{token}.ics", current)).andExpect(status().isNotFound());
    }
}
