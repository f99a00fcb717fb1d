package dev.ratchet.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * Delivers the outbox. Each statement here commits on its own (no transaction is held while the mail server is
 * talked to): a message is leased, sent with the connection, read and write time limits of spring.mail.properties,
 * and its outcome recorded. A message the server accepted is SENT even if the connection then drops (closing is not
 * sending); a failure waits for the next attempt with a doubling back-off (from ratchet.mail.outbox.backoff, at most
 * an hour), and after ratchet.mail.outbox.attempts attempts the message is FAILED with the last error. A run stops at
 * the first failure that is not the message's own (the server is down or hangs): the messages after it keep their
 * attempts for when the server answers again. Several instances may deliver at once: a lease is taken by one only,
 * and one whose instance died runs out and is taken again.
 */
@Service
public class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final int attempts;
    private final Duration backoff;
    private final Duration lease;
    private final ObjectProvider<dev.ratchet.organisation.OrganisationManagement> organisations;

    MailDelivery(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, Clock clock,
            ObjectProvider<dev.ratchet.organisation.OrganisationManagement> organisations,
            @Value("${ratchet.mail.from:ratchet@localhost}") String from,
            @Value("${ratchet.mail.outbox.attempts:8}") int attempts,
            @Value("${ratchet.mail.outbox.backoff:PT1M}") Duration backoff,
            @Value("${ratchet.mail.outbox.lease:PT2M}") Duration lease) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.attempts = attempts;
        this.backoff = backoff;
        this.lease = lease;
    }

    /** Whether a mail server is configured (spring.mail.host); without one messages wait in the outbox. */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    /** Skips what is too old, then sends what is due; returns how many messages the server accepted. */
    public int deliverDue() {
        JavaMailSender sender = mail.getIfAvailable();
        jdbc.update("update mail_outbox set status = 'SKIPPED', leased_until = null, last_error = ? where status = 'PENDING' and expires_at < ?",
                sender == null ? "Not sent: no mail server was configured (spring.mail.host) until it was too old to matter"
                        : "Not sent: the mail server did not take it until it was too old to matter", Timestamp.from(clock.instant()));
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        try (Connection connection = new Connection(sender)) {
            while (true) {
                Instant now = clock.instant();
                List<UUID> due = jdbc.queryForList("""
                        select id from mail_outbox where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and leased_until < ?)
                        order by next_attempt_at, created_at fetch first 50 rows only""", UUID.class, Timestamp.from(now), Timestamp.from(now));
                int tried = 0;
                for (UUID id : due) {
                    Instant leasedUntil = clock.instant().plus(lease).truncatedTo(ChronoUnit.MILLIS);
                    if (!claim(id, leasedUntil)) {
                        continue; // another instance has it
                    }
                    tried++;
                    Outcome outcome = deliver(connection, id, leasedUntil);
                    if (outcome == Outcome.SENT) {
                        sent++;
                    }
                    else if (outcome == Outcome.SERVER_DOWN) {
                        return sent;
                    }
                }
                if (tried == 0) {
                    return sent;
                }
            }
        }
    }

    private boolean claim(UUID id, Instant leasedUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                update mail_outbox set status = 'SENDING', attempts = attempts + 1, leased_until = ?
                where id = ? and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and leased_until < ?))""",
                Timestamp.from(leasedUntil), id, now, now) == 1;
    }

    private enum Outcome { SENT, RETRY, SERVER_DOWN }

    /** The name the message's organisation has now, for the top of its HTML part (none for installation mail). */
    private String organisationName(Object organisationId) {
        if (organisationId == null) {
            return null;
        }
        UUID id = organisationId instanceof UUID u ? u : UUID.fromString(organisationId.toString());
        try {
            return organisations.getObject().get(id).name();
        }
        catch (RuntimeException gone) {
            return null;
        }
    }

    private Outcome deliver(Connection connection, UUID id, Instant leasedUntil) {
        Map<String, Object> row = jdbc.queryForMap("select organisation_id, recipient, subject, body, attempts from mail_outbox where id = ?", id);
        int attempt = ((Number) row.get("attempts")).intValue();
        try {
            connection.send(id, organisationName(row.get("organisation_id")), (String) row.get("recipient"), (String) row.get("subject"),
                    (String) row.get("body"));
        }
        catch (MessagingException | RuntimeException e) {
            connection.drop();
            if (refusedAddress(e)) {
                // The address itself is wrong or refused for good (5xx): trying again will not help.
                finish(id, leasedUntil, "FAILED", "The address was refused: " + describe(e), null);
                return Outcome.RETRY;
            }
            boolean last = attempt >= attempts;
            Instant next = clock.instant().plus(backoff(attempt));
            LOG.warn("Mail {} not delivered (attempt {} of {}){}: {}", id, attempt, attempts, last ? ", giving up" : ", will try again at " + next,
                    describe(e));
            finish(id, leasedUntil, last ? "FAILED" : "PENDING", "Attempt " + attempt + " of " + attempts + ": " + describe(e), next);
            return Outcome.SERVER_DOWN;
        }
        finish(id, leasedUntil, "SENT", null, null);
        return Outcome.SENT;
    }

    /** An address that cannot be written, or one the server refused with a permanent answer (not a dropped connection). */
    private static boolean refusedAddress(Exception e) {
        return e instanceof AddressException
                || e instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
    }

    private Duration backoff(int attempt) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    private void finish(UUID id, Instant leasedUntil, String status, String error, Instant next) {
        Instant now = clock.instant();
        int updated = jdbc.update("""
                update mail_outbox set status = ?, leased_until = null, last_error = ?, sent_at = ?, next_attempt_at = coalesce(?, next_attempt_at)
                where id = ? and status = 'SENDING' and leased_until = ?""", status, error == null ? null : truncate(error),
                "SENT".equals(status) ? Timestamp.from(now) : null, next == null ? null : Timestamp.from(next), id, Timestamp.from(leasedUntil));
        if (updated == 0) {
            LOG.warn("Mail {}: its lease ran out while it was being sent; another instance may send it again", id);
        }
    }

    /**
     * One connection to the mail server for a run, opened at its first message and used for the next ones (a run may
     * send thousands of reminders). A message is handed over once the server has accepted it; a connection that went
     * quiet between two messages (the server closed it) is opened again before the message is sent.
     */
    private final class Connection implements AutoCloseable {

        private final JavaMailSender sender;
        private Transport transport;

        Connection(JavaMailSender sender) {
            this.sender = sender;
        }

        void send(UUID id, String organisation, String to, String subject, String body) throws MessagingException {
            if (!(sender instanceof JavaMailSenderImpl impl)) {
                MimeMessage message = sender.createMimeMessage();
                fill(message, id, organisation, to, subject, body);
                sender.send(message);
                return;
            }
            Session session = impl.getSession();
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // The same Message-ID at every attempt, so that a copy delivered twice can be recognised as one.
                    setHeader("Message-ID", messageId(id));
                }
            };
            fill(message, id, organisation, to, subject, body);
            message.saveChanges();
            if (transport == null || !transport.isConnected()) { // isConnected asks the server (NOOP)
                drop();
                transport = session.getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
                transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            }
            transport.sendMessage(message, message.getAllRecipients());
        }

        /** Closes the connection; a server that drops it on QUIT after accepting messages does not unsend them. */
        void drop() {
            if (transport != null) {
                try {
                    transport.close();
                }
                catch (MessagingException closing) {
                    LOG.debug("The connection to the mail server ended badly: {}", closing.getMessage());
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            drop();
        }
    }

    /** Plain text and HTML saying the same (multipart/alternative): each mail program shows the one it reads best. */
    private void fill(MimeMessage message, UUID id, String organisation, String to, String subject, String body) throws MessagingException {
        message.setFrom(new InternetAddress(from));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, "UTF-8");
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText(body, "UTF-8");
        jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
        html.setText(MailHtml.of(organisation, subject, body), "UTF-8", "html");
        jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setSentDate(java.util.Date.from(clock.instant()));
        message.setHeader("Message-ID", messageId(id));
    }

    private String messageId(UUID id) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "localhost" : from.substring(at + 1).replace(">", "").strip();
        return "<" + id + ".outbox@" + domain + ">";
    }

    private static String describe(Exception e) {
        Throwable root = e;
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            text.append(" (").append(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()).append(')');
        }
        return text.toString();
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
