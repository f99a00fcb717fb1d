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

    Notifications(JdbcTemplate jdbc, Clock clock, dev.ratchet.identity.IdentityManagement identity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.identity = identity;
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
