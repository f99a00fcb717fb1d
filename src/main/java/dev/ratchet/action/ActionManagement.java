package dev.ratchet.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.action.domain.ActionItem;
import dev.ratchet.action.domain.ActionItemRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of actions: plan them for a record, see them, and let their owners finish them. */
@Service
@Transactional
public class ActionManagement {

    private final ActionItemRepository actions;
    private final People people;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entityManager;

    private final Notifications notifications;
    private final dev.ratchet.evidence.EvidenceManagement evidence;

    ActionManagement(ActionItemRepository actions, People people, org.springframework.jdbc.core.JdbcTemplate jdbc,
            Clock clock, jakarta.persistence.EntityManager entityManager, Notifications notifications,
            dev.ratchet.evidence.EvidenceManagement evidence) {
        this.evidence = evidence;
        this.notifications = notifications;
        this.entityManager = entityManager;
        this.actions = actions;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Plans actions for a record; all or none are saved. */
    public List<ActionView> plan(UUID organisationId, String originType, UUID originId, String originReference,
            UUID areaId, int attempt, List<PlannedAction> planned) {
        if (planned.isEmpty()) {
            throw Refused.conflict("Plan at least one action, with owner, due date and success criteria");
        }
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            int number = i + 1;
            String prefix = "actions[" + i + "].";
            ActionItem.check(planned.get(i)).forEach((field, what) -> missing.put(prefix + field, "action " + number + ": " + what));
            if (planned.get(i).ownerId() != null) {
                people.cannotBeGivenWork(organisationId, planned.get(i).ownerId(), "an owner who is an active member of this organisation")
                        .ifPresent(why -> missing.put(prefix + "ownerId", "action " + number + ": " + why));
            }
        }
        if (!missing.isEmpty()) {
            throw Refused.missing("Planning", missing);
        }
        List<ActionItem> saved = actions.saveAll(planned.stream()
                .map(p -> new ActionItem(organisationId, originType, originId, originReference, areaId, attempt, p, clock.instant()))
                .toList());
        actions.flush();
        List<ActionView> views = views(saved, people.displayNames(organisationId));
        tellOwners(organisationId, views);
        return views;
    }

    private static final java.time.format.DateTimeFormatter DAY = dev.ratchet.shared.Dates.DAY;

    /**
     * Each owner hears of their new actions when they are given them (not only when reminders start before the due
     * date): one message per owner, naming who gave them, with what, for which record, by when and the criteria.
     * Nobody is told of an action they gave themselves.
     */
    private void tellOwners(UUID organisationId, List<ActionView> planned) {
        Optional<dev.ratchet.shared.Tenant> by = dev.ratchet.shared.CurrentTenant.get();
        Map<UUID, List<ActionView>> byOwner = new java.util.LinkedHashMap<>();
        planned.stream().filter(a -> by.isEmpty() || !by.get().userId().equals(a.ownerId()))
                .forEach(a -> byOwner.computeIfAbsent(a.ownerId(), o -> new java.util.ArrayList<>()).add(a));
        byOwner.forEach((owner, owned) -> {
            ActionView first = owned.get(0);
            String from = by.map(t -> t.userName() + " gave you ").orElse("You were given ");
            String subject = owned.size() == 1 ? "New action for you: " + first.title()
                    : owned.size() + " new actions for you" + (first.originReference() == null ? "" : " (" + first.originReference() + ")");
            StringBuilder text = new StringBuilder(from).append(owned.size() == 1 ? "an action" : owned.size() + " actions").append(" in Ratchet.\n");
            for (ActionView a : owned) {
                text.append("\n").append(a.title()).append("\n");
                if (a.originReference() != null) {
                    text.append("For: ").append(a.originReference()).append("\n");
                }
                text.append("Due: ").append(DAY.format(a.dueDate())).append("\n");
                text.append("Success criteria: ").append(a.successCriteria()).append("\n");
            }
            String link = owned.size() == 1 ? "/actions/mine#action-" + first.id() : "/actions/mine";
            notifications.tell(organisationId, owner, subject, text.toString(), link);
        });
    }

    /** An action as an earlier tracker recorded it: planned, and done when {@code completedAt} is set. */
    public record MigratedAction(UUID originId, String originReference, UUID areaId, PlannedAction planned, Instant completedAt,
            UUID completedBy) {
    }

    /**
     * Brings the corrective actions of a migrated tracker in, in one batch: each as planned there, done (with the
     * tracker as its evidence) when the record it belongs to was closed. The caller has checked owners and dates.
     */
    public int migrate(UUID organisationId, String originType, List<MigratedAction> migrated) {
        List<ActionItem> items = new java.util.ArrayList<>(migrated.size());
        for (MigratedAction m : migrated) {
            ActionItem item = new ActionItem(organisationId, originType, m.originId(), m.originReference(), m.areaId(), 1, m.planned(),
                    clock.instant());
            if (m.completedAt() != null) {
                item.complete("Done as recorded in the earlier tracker (migrated)", m.completedBy(), m.completedAt());
            }
            items.add(item);
        }
        items.forEach(entityManager::persist); // persist, not save: save would read each new row first (assigned ids)
        return items.size();
    }

    /** Removes the actions of records a migration brought in, when that migration is undone. */
    public void removeMigrated(UUID organisationId, String originType, java.util.Collection<UUID> originIds) {
        if (originIds.isEmpty()) {
            return;
        }
        actions.deleteAll(actions.findByOrganisationIdAndOriginTypeAndOriginIdIn(organisationId, originType, originIds));
        actions.flush();
    }

    @Transactional(readOnly = true)
    public List<ActionView> of(UUID organisationId, String originType, UUID originId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return views(actions.findByOrganisationIdAndOriginTypeAndOriginIdOrderByAttemptAscDueDateAsc(organisationId,
                originType, originId), names);
    }

    /** The actions of several records at once, for lists and exports. */
    @Transactional(readOnly = true)
    public List<ActionView> ofOrigins(UUID organisationId, List<UUID> originIds) {
        if (originIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = people.displayNames(organisationId);
        return views(actions.findByOrganisationIdAndOriginIdIn(organisationId, originIds).stream()
                .sorted(java.util.Comparator.comparing(ActionItem::getAttempt).thenComparing(ActionItem::getDueDate))
                .toList(), names);
    }

    @Transactional(readOnly = true)
    public ActionView get(UUID organisationId, UUID actionId) {
        return view(find(organisationId, actionId), people.displayNames(organisationId));
    }

    @Transactional(readOnly = true)
    public Page<ActionView> search(UUID organisationId, UUID ownerId, ActionStatus status, boolean openOnly,
            Pageable pageable) {
        return search(organisationId, new ActionFilter(ownerId, status, openOnly, null, null, null, null, null), pageable);
    }

    /** The tracker's query: every filter applied in the database. */
    @Transactional(readOnly = true)
    public Page<ActionView> search(UUID organisationId, ActionFilter filter, Pageable pageable) {
        Map<UUID, String> names = people.displayNames(organisationId);
        org.springframework.data.domain.Page<ActionItem> page = dev.ratchet.shared.Pages.of(entityManager, ActionItem.class,
                ActionQuery.of(organisationId, filter, today(organisationId)), pageable);
        return new org.springframework.data.domain.PageImpl<>(views(page.getContent(), names), pageable, page.getTotalElements());
    }

    /** What the navigation shows a person: open actions, due within seven days, overdue. */
    @Transactional(readOnly = true)
    public Counts counts(UUID organisationId, UUID ownerId) {
        return navigation(organisationId, ownerId).actions();
    }

    /**
     * What the navigation shows a person on every page, in one statement: their open actions (all, due within seven
     * days, overdue) and their unread notifications, counted on the organisation's today. A badge counts to
     * {@link Counts#CAP} at most ("99+"): each count stops there, a short range of the index on organisation, owner and
     * due date (which holds the status), so that a person with thousands of open actions costs no more than one with ten.
     */
    @Transactional(readOnly = true)
    public Navigation navigation(UUID organisationId, UUID ownerId) {
        String open = "select 1 from action_item a where a.organisation_id = ? and a.owner_id = ? and a.status in ('OPEN', 'IN_PROGRESS')";
        String capped = " fetch first " + Counts.CAP + " rows only) x)";
        return jdbc.query("select"
                + " (select count(*) from (" + open + capped + ","
                + " (select count(*) from (" + open + " and a.due_date >= ? and a.due_date <= ?" + capped + ","
                + " (select count(*) from (" + open + " and a.due_date < ?" + capped + ","
                + " (select count(*) from (select 1 from notification n where n.organisation_id = ? and n.user_id = ? and n.read_at is null"
                + capped, rs -> {
            rs.next();
            return new Navigation(new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), rs.getLong(4));
        }, navigationArguments(organisationId, ownerId));
    }

    private Object[] navigationArguments(UUID organisationId, UUID ownerId) {
        LocalDate today = today(organisationId);
        java.sql.Date day = java.sql.Date.valueOf(today);
        return new Object[] { organisationId, ownerId, organisationId, ownerId, day, java.sql.Date.valueOf(today.plusDays(7)),
            organisationId, ownerId, day, organisationId, ownerId };
    }

    private java.time.ZoneId zoneOf(UUID organisationId) {
        String zone = jdbc.query("select time_zone from organisation where id = ?", rs -> rs.next() ? rs.getString(1) : null, organisationId);
        return zone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(zone);
    }

    /** The navigation's badges: the person's actions and unread notifications. */
    public record Navigation(Counts actions, long unreadNotifications) {
    }

    /** A person's open actions for the navigation's badges, each counted to {@link #CAP} at most. */
    public record Counts(long open, long dueThisWeek, long overdue) {

        /** Where a badge stops counting: it then reads "99+". */
        public static final int CAP = 100;

        /** A count as its badge shows it. */
        public static String shown(long count) {
            return count >= CAP ? (CAP - 1) + "+" : Long.toString(count);
        }
    }

    /** Open actions of the organisation: how many, overdue, due within seven days, and slipped (due later than first planned). */
    public record Overview(long open, long overdue, long dueThisWeek, long slipped) {
    }

    @Transactional(readOnly = true)
    public Overview overview(UUID organisationId, LocalDate today) {
        return jdbc.queryForObject("select count(*), sum(case when due_date < ? then 1 else 0 end),"
                + " sum(case when due_date >= ? and due_date <= ? then 1 else 0 end),"
                + " sum(case when due_date > original_due_date then 1 else 0 end)"
                + " from action_item where organisation_id = ? and status in ('OPEN', 'IN_PROGRESS')",
                (rs, i) -> new Overview(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                java.sql.Date.valueOf(today), java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(7)), organisationId);
    }

    public ActionView start(UUID organisationId, UUID actionId, UUID actorId, boolean manager, Long version) {
        ActionItem action = mine(organisationId, actionId, actorId, manager, version);
        action.start();
        actions.flush();
        return get(organisationId, actionId);
    }

    /** Moves an open action's deadline to the minute (and its due date with it), giving the reason. */
    public void moveDeadline(UUID organisationId, UUID actionId, Instant dueAt, LocalDate dueDate, String reason) {
        ActionItem action = actions.findById(actionId).filter(a -> a.getOrganisationId().equals(organisationId))
                .orElseThrow(() -> Refused.notFound("action"));
        if (!action.getStatus().isFinished()) {
            action.deadline(dueAt, dueDate, reason);
            actions.flush();
        }
    }

    public ActionView complete(UUID organisationId, UUID actionId, UUID actorId, boolean manager, String evidence,
            Long version) {
        ActionItem action = mine(organisationId, actionId, actorId, manager, version);
        action.complete(evidence, actorId, clock.instant());
        actions.flush();
        return get(organisationId, actionId);
    }

    public ActionView reschedule(UUID organisationId, UUID actionId, UUID actorId, boolean manager, LocalDate dueDate,
            String reason, Long version) {
        ActionItem action = mine(organisationId, actionId, actorId, manager, version);
        action.reschedule(dueDate, reason);
        actions.flush();
        return get(organisationId, actionId);
    }

    public ActionView note(UUID organisationId, UUID actionId, UUID actorId, boolean manager, String progress,
            Long version) {
        ActionItem action = mine(organisationId, actionId, actorId, manager, version);
        action.note(progress);
        actions.flush();
        return get(organisationId, actionId);
    }

    public ActionView cancel(UUID organisationId, UUID actionId, UUID actorId, boolean manager, String reason,
            Long version) {
        ActionItem action = mine(organisationId, actionId, actorId, manager, version);
        action.cancel(reason);
        actions.flush();
        return get(organisationId, actionId);
    }

    /** The owner changes their own actions; the ISMS manager (manager = true) may change anyone's. */
    private ActionItem mine(UUID organisationId, UUID actionId, UUID actorId, boolean manager, Long version) {
        ActionItem action = find(organisationId, actionId);
        if (!manager && !action.getOwnerId().equals(actorId)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the action's owner or the ISMS manager");
        }
        Refused.requireCurrentVersion(version, action.getVersion());
        return action;
    }

    private ActionItem find(UUID organisationId, UUID actionId) {
        return actions.findByIdAndOrganisationId(actionId, organisationId).orElseThrow(() -> Refused.notFound("Action"));
    }

    /** The escalations sent for these actions, as the action shows them ("line manager Ann, 22 Nov 2026"). */
    private Map<UUID, List<String>> escalations(List<UUID> ids, Map<UUID, String> names) {
        Map<UUID, List<String>> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        // The day of each escalation in the organisation's time zone, not the database session's.
        jdbc.query("select r.action_id, r.kind, r.recipient_id, r.sent_at, o.time_zone from action_reminder r"
                + " join action_item a on a.id = r.action_id join organisation o on o.id = a.organisation_id"
                + " where r.kind like 'ESCALATED%' and r.action_id in (" + in + ") order by r.sent_at", (java.sql.ResultSet rs) -> {
                    String who = names.getOrDefault(rs.getObject(3, UUID.class), "a former member");
                    String step = ("ESCALATED_TO_LINE_MANAGER".equals(rs.getString(2)) ? "line manager " : "ISMS manager ") + who
                            + ", " + rs.getObject(4, java.time.OffsetDateTime.class).atZoneSameInstant(java.time.ZoneId.of(rs.getString(5))).toLocalDate();
                    found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>()).add(step);
                }, ids.toArray());
        return found;
    }

    private List<ActionView> views(List<ActionItem> items, Map<UUID, String> names) {
        List<UUID> ids = items.stream().map(ActionItem::getId).toList();
        Map<UUID, List<String>> steps = escalations(ids, names);
        Map<UUID, List<dev.ratchet.evidence.EvidenceView>> files = new java.util.HashMap<>();
        if (!items.isEmpty()) {
            evidence.ofOwners(items.get(0).getOrganisationId(), ids)
                    .forEach(f -> files.computeIfAbsent(f.ownerId(), k -> new java.util.ArrayList<>()).add(f));
        }
        return items.stream().map(a -> view(a, names, steps.getOrDefault(a.getId(), List.of()), files.getOrDefault(a.getId(), List.of())))
                .toList();
    }

    /** The owner files the evidence that the action was done (a test report, a screenshot) on the action itself. */
    public dev.ratchet.evidence.EvidenceView attach(UUID organisationId, UUID actionId, UUID actorId, boolean manager,
            dev.ratchet.evidence.EvidenceManagement.Upload upload) throws java.io.IOException {
        ActionItem action = find(organisationId, actionId);
        if (!manager && !action.getOwnerId().equals(actorId)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the action's owner or the ISMS manager");
        }
        if (action.getStatus() == ActionStatus.CANCELLED) {
            throw Refused.conflict("This action was cancelled: evidence belongs to an action that is or was being done");
        }
        return evidence.store(organisationId, EVIDENCE_OWNER, action.getId(), actorId, upload);
    }

    /** The owner type of files attached to actions. */
    public static final String EVIDENCE_OWNER = "ACTION";

    private ActionView view(ActionItem a, Map<UUID, String> names) {
        return views(List.of(a), names).get(0);
    }

    private static ActionView view(ActionItem a, Map<UUID, String> names, List<String> escalations,
            List<dev.ratchet.evidence.EvidenceView> files) {
        return new ActionView(a.getId(), a.getOrganisationId(), a.getOriginType(), a.getOriginId(), a.getOriginReference(),
                a.getAttempt(), a.getTitle(), a.getDescription(), a.getOwnerId(),
                names.getOrDefault(a.getOwnerId(), "(former member)"), a.getDueDate(), a.getOriginalDueDate(),
                a.getDueDateChanges(), a.getDueChangeReason(), a.getSuccessCriteria(), a.getAreaId(), a.getProgressNote(),
                escalations,
                a.getStatus(), a.getCancelReason(), a.getCompletionEvidence(), a.getCompletedAt(), a.getCompletedBy(),
                a.getCompletedBy() == null ? null : names.getOrDefault(a.getCompletedBy(), "(former member)"),
                files, a.getDueAt(), a.getVersion());
    }

    /** Today in the organisation's time zone: what "overdue" and "due this week" count from. */
    @Transactional(readOnly = true)
    public LocalDate today(UUID organisationId) {
        return LocalDate.now(clock.withZone(dev.ratchet.shared.RequestMemo.get("zone", organisationId, () -> zoneOf(organisationId))));
    }
}
