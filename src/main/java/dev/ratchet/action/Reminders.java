package dev.ratchet.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.action.domain.ActionItem;
import dev.ratchet.action.domain.ActionItemRepository;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Reminders before, on and after an action's due date, and the escalation ladder when it stays overdue: first the
 * owner's line manager, then the ISMS managers. Each is sent once (per action, kind, due date and recipient): the
 * row recording it is inserted in the transaction that queues it in the outbox.
 */
@Service
public class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    /**
     * {@code DEADLINE_MISSED}: an action with a deadline to the minute (a regulator's report) still open when it passed,
     * sent at once to the owner's line manager and to the ISMS managers, whatever the organisation's escalation delay.
     */
    public enum Kind { BEFORE_DUE, ON_DUE, OVERDUE, ESCALATED_TO_LINE_MANAGER, ESCALATED_TO_ISMS_MANAGER, DEADLINE_MISSED }

    private final ActionItemRepository actions;
    private final OrganisationManagement organisations;
    private final People people;
    private final OnceMailer mailer;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    Reminders(ActionItemRepository actions, OrganisationManagement organisations, People people, OnceMailer mailer,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.organisations = organisations;
        this.people = people;
        this.mailer = mailer;
    }

    /** How many open actions are read and decided on at a time. */
    static final int BATCH = 500;

    /**
     * Sends what is due at this moment; returns how many mails went out. The schedule runs it under a lock shared by
     * the instances (ShedLock); each reminder is claimed once (per action, kind, due date and recipient). Bounded work whatever the number of overdue actions: the open ones are read {@link #BATCH} at a time (in id
     * order, never all at once), the reminders already sent for a batch are read in one statement and skipped without
     * touching the database again, and the people involved (owners, line managers, ISMS managers) are looked up once
     * per run, not once per action.
     */
    public int run(Instant now) {
        if (!mailer.available()) {
            LOG.debug("No mail server configured (spring.mail.host): reminders show in Ratchet's notifications and wait in the outbox");
        }
        Map<UUID, OrganisationDetails> settings = new HashMap<>();
        Lookups lookups = new Lookups();
        int sent = 0;
        LocalDate horizon = LocalDate.ofInstant(now, ZoneId.of("UTC")).plusDays(91);
        // Escalations wait until every action has been looked at: each manager then gets one message listing theirs.
        Map<String, List<Escalated>> escalations = new java.util.LinkedHashMap<>();
        UUID after = null;
        while (true) {
            org.springframework.data.domain.Pageable page = org.springframework.data.domain.PageRequest.of(0, BATCH);
            List<ActionItem> batch = after == null ? actions.openDueBy(horizon, page) : actions.openDueByAfter(horizon, after, page);
            if (batch.isEmpty()) {
                break;
            }
            java.util.Set<String> already = alreadySent(batch);
            for (ActionItem action : batch) {
                OrganisationDetails organisation = settings.computeIfAbsent(action.getOrganisationId(), organisations::get);
                LocalDate today = LocalDate.ofInstant(now, ZoneId.of(organisation.timeZone()));
                for (Due due : due(action, organisation, today, now, lookups)) {
                    if (already.contains(key(action.getId(), due.kind().name(), action.getDueDate(), due.to().userId()))) {
                        continue;
                    }
                    if (due.kind() == Kind.ESCALATED_TO_LINE_MANAGER || due.kind() == Kind.ESCALATED_TO_ISMS_MANAGER) {
                        escalations.computeIfAbsent(action.getOrganisationId() + "/" + due.to().userId(), k -> new ArrayList<>())
                                .add(new Escalated(action, due, java.time.temporal.ChronoUnit.DAYS.between(action.getDueDate(), today)));
                    }
                    else if (send(action, due, now, lookups)) {
                        sent++;
                    }
                }
            }
            after = batch.get(batch.size() - 1).getId();
        }
        for (List<Escalated> batch : escalations.values()) {
            sent += escalate(batch, now, lookups) > 0 ? 1 : 0;
        }
        return sent;
    }

    /** The reminders already sent for these actions, as keys (one statement for the batch). */
    private java.util.Set<String> alreadySent(List<ActionItem> batch) {
        java.util.Set<String> sent = new java.util.HashSet<>();
        jdbc.query("select action_id, kind, due_date, recipient_id from action_reminder where action_id in ("
                + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")", (java.sql.ResultSet rs) -> {
                    sent.add(key(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class)));
                }, batch.stream().map(ActionItem::getId).toArray());
        return sent;
    }

    private static String key(UUID action, String kind, LocalDate due, UUID recipient) {
        return action + "/" + kind + "/" + due + "/" + recipient;
    }

    /** The people a run asks about, each looked up once per run. */
    private final class Lookups {

        private final Map<String, Optional<People.Person>> members = new HashMap<>();
        private final Map<String, Optional<People.Person>> lineManagers = new HashMap<>();
        private final Map<UUID, List<People.Person>> ismsManagers = new HashMap<>();

        Optional<People.Person> member(UUID organisationId, UUID userId) {
            return members.computeIfAbsent(organisationId + "/" + userId, k -> people.memberOf(organisationId, userId));
        }

        Optional<People.Person> lineManager(UUID organisationId, UUID userId) {
            return lineManagers.computeIfAbsent(organisationId + "/" + userId, k -> people.lineManagerOf(organisationId, userId));
        }

        List<People.Person> ismsManagers(UUID organisationId) {
            return ismsManagers.computeIfAbsent(organisationId, o -> people.withRole(o, "ISMS_MANAGER"));
        }
    }

    private record Escalated(ActionItem action, Due due, long daysLate) {
    }

    private int escalate(List<Escalated> batch, Instant now, Lookups lookups) {
        Escalated first = batch.get(0);
        People.Person to = first.due().to();
        UUID organisationId = first.action().getOrganisationId();
        return mailer.sendTogether("""
                insert into action_reminder (action_id, kind, due_date, recipient_id, sent_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", batch, e -> new Object[] { e.action().getId(), e.due().kind().name(), e.action().getDueDate(),
                to.userId(), java.sql.Timestamp.from(now) }, organisationId, to.email(),
                claimed -> claimed.size() == 1 ? claimed.get(0).due().subject() : "Escalation: " + claimed.size() + " actions are overdue",
                claimed -> claimed.size() == 1 ? body(claimed.get(0).action(), claimed.get(0).due(), lookups) : escalationList(to, claimed, lookups),
                claimed -> claimed.size() == 1 ? path(claimed.get(0).action(), claimed.get(0).due()) : "/actions?due=overdue",
                to.userId(), now);
    }

    /** One message for several escalations: each action with its owner, record, due date and how late, and its link. */
    private String escalationList(People.Person to, List<Escalated> claimed, Lookups lookups) {
        StringBuilder text = new StringBuilder("Hello " + to.displayName() + ",\n\n")
                .append(claimed.size()).append(" actions are overdue past the point where they come to you:\n");
        for (Escalated e : claimed) {
            ActionItem action = e.action();
            text.append("\nAction: ").append(action.getTitle()).append("\n")
                    .append("Owner: ").append(lookups.member(action.getOrganisationId(), action.getOwnerId()).map(People.Person::displayName)
                            .orElse("a former member")).append("\n");
            if (action.getOriginReference() != null) {
                text.append("For: ").append(action.getOriginReference()).append("\n");
            }
            text.append("Due: ").append(DAY.format(action.getDueDate())).append(" (").append(e.daysLate()).append(" days overdue)\n")
                    .append("Link: ").append(mailer.baseUrl()).append(path(action, e.due())).append("\n");
        }
        return text.append("\nOpen them in Ratchet: ").append(mailer.baseUrl()).append("/actions?due=overdue\n").toString();
    }

    private record Due(Kind kind, People.Person to, String subject) {
    }

    private List<Due> due(ActionItem action, OrganisationDetails organisation, LocalDate today, Instant now, Lookups lookups) {
        List<Due> due = new ArrayList<>();
        Optional<People.Person> owner = lookups.member(action.getOrganisationId(), action.getOwnerId());
        if (action.getDueAt() != null && now.isAfter(action.getDueAt())) {
            String subject = "Deadline missed at " + TIME.withZone(ZoneId.of(organisation.timeZone())).format(action.getDueAt())
                    + ": " + action.getTitle();
            java.util.Set<UUID> told = new java.util.HashSet<>();
            owner.filter(o -> told.add(o.userId())).ifPresent(o -> due.add(new Due(Kind.DEADLINE_MISSED, o, subject)));
            lookups.lineManager(action.getOrganisationId(), action.getOwnerId()).filter(m -> told.add(m.userId()))
                    .ifPresent(m -> due.add(new Due(Kind.DEADLINE_MISSED, m, subject)));
            lookups.ismsManagers(action.getOrganisationId()).stream().filter(m -> told.add(m.userId()))
                    .forEach(m -> due.add(new Due(Kind.DEADLINE_MISSED, m, subject)));
        }
        LocalDate date = action.getDueDate();
        long late = java.time.temporal.ChronoUnit.DAYS.between(date, today);
        int lead = organisation.reminderLeadDays();
        int escalation = organisation.escalationAfterDays();
        if (owner.isPresent()) {
            if (lead > 0 && late < 0 && late >= -lead) {
                due.add(new Due(Kind.BEFORE_DUE, owner.get(), "Due in " + (-late) + (late == -1 ? " day" : " days") + ": " + action.getTitle()));
            }
            if (late == 0) {
                due.add(new Due(Kind.ON_DUE, owner.get(), "Due today: " + action.getTitle()));
            }
            if (late > 0) {
                due.add(new Due(Kind.OVERDUE, owner.get(), "Overdue since " + DAY.format(date) + ": " + action.getTitle()));
            }
        }
        if (late >= escalation) {
            Optional<People.Person> manager = lookups.lineManager(action.getOrganisationId(), action.getOwnerId());
            manager.ifPresent(m -> due.add(new Due(Kind.ESCALATED_TO_LINE_MANAGER, m,
                    "Escalation: " + owner.map(People.Person::displayName).orElse("A former member") + "'s action is " + late + " days overdue: " + action.getTitle())));
            if (manager.isEmpty() || late >= 2L * escalation) {
                for (People.Person isms : lookups.ismsManagers(action.getOrganisationId())) {
                    due.add(new Due(Kind.ESCALATED_TO_ISMS_MANAGER, isms, "Escalation: " + owner.map(People.Person::displayName).orElse("A former member")
                            + "'s action is " + late + " days overdue: " + action.getTitle()));
                }
            }
        }
        return due;
    }

    private boolean send(ActionItem action, Due due, Instant now, Lookups lookups) {
        return mailer.send("""
                insert into action_reminder (action_id, kind, due_date, recipient_id, sent_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", new Object[] { action.getId(), due.kind().name(), action.getDueDate(),
                due.to().userId(), java.sql.Timestamp.from(now) }, action.getOrganisationId(), due.to().email(), due.subject(), body(action, due, lookups),
                new OnceMailer.Notice(action.getOrganisationId(), due.to().userId(), path(action, due), now));
    }

    /** The action itself: in its owner's list, or among all actions for the managers it is escalated to. */
    private static String path(ActionItem action, Due due) {
        return due.kind() == Kind.ESCALATED_TO_LINE_MANAGER || due.kind() == Kind.ESCALATED_TO_ISMS_MANAGER
                || due.kind() == Kind.DEADLINE_MISSED && !due.to().userId().equals(action.getOwnerId())
                ? "/actions?ownerId=" + action.getOwnerId() + "#action-" + action.getId()
                : "/actions/mine#action-" + action.getId();
    }

    private static final java.time.format.DateTimeFormatter DAY = dev.ratchet.shared.Dates.DAY;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", java.util.Locale.UK);

    private String body(ActionItem action, Due due, Lookups lookups) {
        String link = mailer.baseUrl() + path(action, due);
        boolean escalation = due.kind() == Kind.ESCALATED_TO_LINE_MANAGER || due.kind() == Kind.ESCALATED_TO_ISMS_MANAGER
                || due.kind() == Kind.DEADLINE_MISSED;
        String owner = escalation ? lookups.member(action.getOrganisationId(), action.getOwnerId()).map(People.Person::displayName)
                .orElse("a former member") : null;
        return "Hello " + due.to().displayName() + ",\n\n"
                + due.subject() + "\n\n"
                + "Action: " + action.getTitle() + "\n"
                + (owner == null ? "" : "Owner: " + owner + "\n")
                + (action.getOriginReference() == null ? "" : "For: " + action.getOriginReference() + "\n")
                + (action.getDueAt() == null ? "Due: " + DAY.format(action.getDueDate()) : "Deadline: " + TIME.withZone(ZoneId.of(
                        organisations.get(action.getOrganisationId()).timeZone())).format(action.getDueAt())) + "\n"
                + "Success criteria: " + action.getSuccessCriteria() + "\n\n"
                + "Open it in Ratchet: " + link + "\n";
    }
}
