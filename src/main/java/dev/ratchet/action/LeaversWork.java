package dev.ratchet.action;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.MembershipEnded;
import dev.ratchet.shared.Dates;
import dev.ratchet.shared.OpenWork;
import dev.ratchet.shared.People;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When someone's access ends (an administrator ended it, or the identity provider deprovisioned them), their open
 * actions are not orphaned: their line manager, or without one the ISMS managers, are told at once which actions need
 * a new owner (as the overdue ladder would tell them later), and the person's page lists them.
 */
@Component
class LeaversWork implements OpenWork {

    private final JdbcTemplate jdbc;
    private final People people;
    private final Notifications notifications;

    LeaversWork(JdbcTemplate jdbc, People people, Notifications notifications) {
        this.jdbc = jdbc;
        this.people = people;
        this.notifications = notifications;
    }

    @Override
    public List<Item> openWorkOf(UUID organisationId, UUID userId) {
        return jdbc.query("""
                select id, origin_reference, title, due_date from action_item
                where organisation_id = ? and owner_id = ? and status in ('OPEN', 'IN_PROGRESS') order by due_date, title""",
                (rs, i) -> new Item("Action", rs.getString(2), rs.getString(3), "/actions?ownerId=" + userId + "#action-" + rs.getObject(1, UUID.class),
                        rs.getObject(4, LocalDate.class)),
                organisationId, userId);
    }

    /** In the transaction that ends the membership: the notices and their mail exist exactly when it commits. */
    @EventListener
    void membershipEnded(MembershipEnded ended) {
        List<Item> open = openWorkOf(ended.organisationId(), ended.userId());
        if (open.isEmpty()) {
            return;
        }
        List<People.Person> to = ended.lineManagerId() == null ? List.of()
                : people.memberOf(ended.organisationId(), ended.lineManagerId()).stream().toList();
        if (to.isEmpty()) {
            to = people.withRole(ended.organisationId(), "ISMS_MANAGER");
        }
        StringBuilder text = new StringBuilder(ended.displayName() + "'s access to Ratchet has ended. "
                + (open.size() == 1 ? "One open action of theirs needs" : open.size() + " open actions of theirs need")
                + " a new owner:\n\n");
        for (Item item : open) {
            text.append("- ").append(item.title()).append(" (").append(item.reference()).append(", due ")
                    .append(Dates.DAY.format(item.due())).append(")\n");
        }
        text.append("\nGive each to someone else from All actions; the records and their history stay as they are.");
        String subject = ended.displayName() + " left: " + (open.size() == 1 ? "1 open action needs" : open.size() + " open actions need") + " a new owner";
        for (People.Person person : to) {
            if (!person.userId().equals(ended.userId())) {
                notifications.tell(ended.organisationId(), person.userId(), subject, text.toString(), "/actions?ownerId=" + ended.userId());
            }
        }
    }
}
