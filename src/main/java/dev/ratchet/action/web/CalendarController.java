package dev.ratchet.action.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

import dev.ratchet.action.ActionFilter;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionView;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.shared.Refused;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A person's open actions as an iCalendar feed, so their due dates show in Outlook or Google Calendar. The secret in
 * the address is the only credential: calendar programs cannot sign in. Revoking it under "Your account" ends it.
 */
@Controller
class CalendarController {

    private final IdentityManagement identity;
    private final ActionManagement actions;
    private final String baseUrl;

    CalendarController(IdentityManagement identity, ActionManagement actions,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.identity = identity;
        this.actions = actions;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) throws IOException {
        UUID userId = identity.calendarOwner(token).orElseThrow(() -> Refused.notFound("Calendar"));
        Calendar calendar = new Calendar().withProdId("-//Ratchet//Actions//EN").withDefaults().getFluentTarget();
        for (OrganisationDetails organisation : identity.organisationsOf(userId)) {
            for (ActionView action : actions.search(organisation.id(), new ActionFilter(userId, null, true, null, null, null, null, null),
                    PageRequest.of(0, 500, Sort.by("dueDate"))).getContent()) {
                String link = "IMPROVEMENT".equals(action.originType())
                        ? baseUrl + "/improvements/" + action.originId() : baseUrl + "/actions/mine";
                VEvent event = new VEvent(action.dueDate(), "Due: " + action.title()
                        + (action.originReference() == null ? "" : " (" + action.originReference() + ")"));
                event.add(new Uid(action.id() + "@ratchet"));
                event.add(new Description(organisation.name() + ". Success criteria: " + action.successCriteria()));
                event.add(new Url(java.net.URI.create(link)));
                calendar.add(event);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarOutputter().output(calendar, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Cache-Control", "no-store").body(out.toByteArray());
    }
}
