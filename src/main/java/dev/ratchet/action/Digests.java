package dev.ratchet.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.action.domain.ActionItem;
import dev.ratchet.action.domain.ActionItemRepository;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.shared.People;

import org.springframework.stereotype.Service;

/** Once a week, each person's open actions in one mail, unless they muted it; sent once per ISO week. */
@Service
public class Digests {

    private final ActionItemRepository actions;
    private final IdentityManagement identity;
    private final People people;
    private final OnceMailer mailer;

    Digests(ActionItemRepository actions, IdentityManagement identity, People people, OnceMailer mailer) {
        this.actions = actions;
        this.identity = identity;
        this.people = people;
        this.mailer = mailer;
    }

    /** Sends this week's digests not sent yet; returns how many went out. */
    public int run(Instant now) {
        if (!mailer.available()) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Map<UUID, List<ActionItem>> byOwner = actions.findAll(ActionQuery.of(null,
                new ActionFilter(null, null, true, null, null, null, null, null), today)).stream()
                .filter(a -> people.memberOf(a.getOrganisationId(), a.getOwnerId()).isPresent())
                .collect(Collectors.groupingBy(ActionItem::getOwnerId));
        int sent = 0;
        for (Map.Entry<UUID, List<ActionItem>> owner : byOwner.entrySet()) {
            if (!identity.wantsDigest(owner.getKey())) {
                continue;
            }
            List<ActionItem> open = owner.getValue().stream().sorted(Comparator.comparing(ActionItem::getDueDate)).toList();
            Optional<People.Person> person = people.memberOf(open.get(0).getOrganisationId(), owner.getKey());
            if (person.isPresent() && send(person.get(), open, week, today, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(People.Person person, List<ActionItem> open, String week, LocalDate today, Instant now) {
        StringBuilder text = new StringBuilder("Your open actions in Ratchet (" + open.size() + "):\n\n");
        for (ActionItem a : open) {
            text.append("- ").append(a.getTitle())
                    .append(a.getOriginReference() == null ? "" : " (" + a.getOriginReference() + ")")
                    .append(", due ").append(a.getDueDate())
                    .append(a.getDueDate().isBefore(today) ? " — OVERDUE" : "").append('\n');
        }
        text.append("\nOpen them: ").append(mailer.baseUrl()).append("/actions/mine\n")
                .append("You can stop this weekly mail under Your account; reminders about overdue actions still come.\n");
        return mailer.send("insert into action_digest (user_id, week, sent_at) values (?, ?, ?) on conflict do nothing",
                new Object[] { person.userId(), week, java.sql.Timestamp.from(now) }, open.get(0).getOrganisationId(), person.email(),
                "Your open actions this week: " + open.size(), text.toString());
    }
}
