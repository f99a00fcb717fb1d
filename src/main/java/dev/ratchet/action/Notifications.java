package dev.ratchet.action;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's reminders and escalations inside Ratchet, newest first. */
@Service
@Transactional
public class Notifications {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final dev.ratchet.identity.IdentityManagement identity;
    private final dev.ratchet.shared.People people;
    private final dev.ratchet.mail.Outbox outbox;
    private final String baseUrl;

    /** Set while work is replayed or generated (the demo organisation): nobody is told of what it assigns. */
    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    Notifications(JdbcTemplate jdbc, Clock clock, dev.ratchet.identity.IdentityManagement identity, dev.ratchet.shared.People people,
            dev.ratchet.mail.Outbox outbox,
            @org.springframework.beans.factory.annotation.Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.identity = identity;
        this.people = people;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /** Does the work without telling anyone of what it assigns: for a story replayed or data generated. */
    public static <T> T quietly(java.util.function.Supplier<T> work) {
        Boolean before = QUIET.get();
        QUIET.set(Boolean.TRUE);
        try {
            return work.get();
        }
        finally {
            if (before == null) {
                QUIET.remove();
            }
        }
    }

    /**
     * Tells a member of something that is now theirs to do: a notice in Ratchet (the bell) and a message by e-mail,
     * queued in the outbox in the caller's transaction, so both happen exactly when the change commits. {@code text}
     * is the message's body; the greeting and the link to {@code link} are added. Nothing is sent to someone who is
     * no longer an active member.
     */
    public void tell(UUID organisationId, UUID userId, String subject, String text, String link) {
        if (Boolean.TRUE.equals(QUIET.get())) {
            return;
        }
        people.memberOf(organisationId, userId).ifPresent(person -> {
            jdbc.update("insert into notification (id, organisation_id, user_id, message, link, created_at) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), organisationId, userId, notice(subject), link,
                    java.sql.Timestamp.from(clock.instant()));
            outbox.queue(new dev.ratchet.mail.Outbox.Mail(organisationId, person.email(), subject,
                    "Hello " + person.displayName() + ",\n\n" + text.strip() + "\n\nOpen it in Ratchet: " + baseUrl + link + "\n"));
        });
    }

    /** A subject as the notification column holds it (500 characters at most). */
    private static String notice(String subject) {
        return dev.ratchet.shared.Texts.truncate(subject, 500);
    }

    /** Tells the member once: not again while a notice with the same subject and link is in their notifications. */
    public void tellOnce(UUID organisationId, UUID userId, String subject, String text, String link) {
        Integer told = jdbc.queryForObject("select count(*) from notification where organisation_id = ? and user_id = ? and link = ? and message = ?",
                Integer.class, organisationId, userId, link, notice(subject));
        if (told == null || told == 0) {
            tell(organisationId, userId, subject, text, link);
        }
    }

    public record Notification(UUID id, String message, String link, Instant createdAt, boolean read) {
    }

    @Transactional(readOnly = true)
    public List<Notification> of(UUID organisationId, UUID userId) {
        return jdbc.query("""
                select id, message, link, created_at, read_at from notification
                where organisation_id = ? and user_id = ? order by created_at desc fetch first 100 rows only""",
                (rs, i) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5) != null),
                organisationId, userId);
    }

    @Transactional(readOnly = true)
    public long unread(UUID organisationId, UUID userId) {
        return jdbc.queryForObject("select count(*) from notification where organisation_id = ? and user_id = ? and read_at is null",
                Long.class, organisationId, userId);
    }

    public void markAllRead(UUID organisationId, UUID userId) {
        jdbc.update("update notification set read_at = ? where organisation_id = ? and user_id = ? and read_at is null",
                java.sql.Timestamp.from(clock.instant()), organisationId, userId);
    }

    /**
     * Someone may be guessing the person's password: they hear of it in every organisation they work in, where they
     * look first when they sign in.
     */
    @org.springframework.context.event.EventListener
    void signInFailuresRepeated(dev.ratchet.identity.SignInFailuresRepeated event) {
        for (var organisation : identity.organisationsOf(event.userId())) {
            jdbc.update("insert into notification (id, organisation_id, user_id, message, link, created_at) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), organisation.id(), event.userId(),
                    event.failures() + " wrong passwords were tried for your account lately (the latest from " + event.lastAddress()
                            + "). If that was not you, change your password and set up a second factor.",
                    "/account#password", java.sql.Timestamp.from(clock.instant()));
        }
    }
}
