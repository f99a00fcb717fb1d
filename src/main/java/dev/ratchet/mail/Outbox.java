package dev.ratchet.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mail in the caller's transaction: the message exists exactly when the change that decided it commits,
 * and is delivered afterwards by {@link MailDelivery}, never while a database transaction waits for the mail server.
 */
@Service
public class Outbox {

    /** Mail is meant to go out within this time; older messages are skipped, not sent late (a reminder of last month). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Outbox(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** What to send: {@code organisationId} is null for the installation's own mail (an account's). */
    public record Mail(UUID organisationId, String to, String subject, String text, Duration validFor) {

        public Mail(UUID organisationId, String to, String subject, String text) {
            this(organisationId, to, subject, text, DEFAULT_VALIDITY);
        }
    }

    /** Published when a message is queued; delivery starts once the queueing transaction has committed. */
    record Queued(UUID id) {
    }

    /** Queues the message in the current transaction (there must be one); returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queue(Mail mail) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String subject = "[Ratchet] " + mail.subject();
        jdbc.update("""
                insert into mail_outbox (id, organisation_id, recipient, subject, body, status, attempts, created_at, next_attempt_at, expires_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""", id, mail.organisationId(), mail.to(),
                subject.length() > 500 ? subject.substring(0, 500) : subject, mail.text(), Timestamp.from(now), Timestamp.from(now),
                mail.validFor() == null ? null : Timestamp.from(now.plus(mail.validFor())));
        events.publishEvent(new Queued(id));
        return id;
    }

    /** The organisation's mail, newest first. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<OutboxMessage> of(UUID organisationId, OutboxMessage.Status status, Pageable page) {
        String where = " from mail_outbox where organisation_id = ?" + (status == null ? "" : " and status = ?");
        Object[] args = status == null ? new Object[] { organisationId } : new Object[] { organisationId, status.name() };
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args);
        java.util.List<Object> paged = new java.util.ArrayList<>(java.util.List.of(args));
        paged.add(page.getOffset());
        paged.add(page.getPageSize());
        java.util.List<OutboxMessage> content = jdbc.query("select id, recipient, subject, status, attempts, created_at, next_attempt_at,"
                + " sent_at, last_error" + where + " order by created_at desc, id offset ? rows fetch next ? rows only",
                (rs, i) -> new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                        OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
                        instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error")), paged.toArray());
        return new PageImpl<>(content, page, total == null ? 0 : total);
    }

    /** How many of the organisation's messages are in each state. */
    @Transactional(readOnly = true)
    public java.util.Map<OutboxMessage.Status, Long> counts(UUID organisationId) {
        java.util.Map<OutboxMessage.Status, Long> counts = new java.util.EnumMap<>(OutboxMessage.Status.class);
        jdbc.query("select status, count(*) from mail_outbox where organisation_id = ? group by status",
                rs -> {
                    counts.put(OutboxMessage.Status.valueOf(rs.getString(1)), rs.getLong(2));
                }, organisationId);
        return counts;
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
