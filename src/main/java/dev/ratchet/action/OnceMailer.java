package dev.ratchet.action;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a mail at most once: a row naming it is claimed (insert … on conflict do nothing) in the transaction that
 * sends it. A second instance, a second run or a restart finds the row and sends nothing; a failed send leaves no
 * row, so the next run tries again.
 */
@Component
class OnceMailer {

    private static final Logger LOG = LoggerFactory.getLogger(OnceMailer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    OnceMailer(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail,
            @Value("${ratchet.mail.from:ratchet@localhost}") String from,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** Whether a mail server is configured (spring.mail.host); without one nothing is claimed or sent. */
    boolean available() {
        return mail.getIfAvailable() != null;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** What also shows in the person's notifications inside Ratchet, whether or not mail is configured. */
    record Notice(java.util.UUID organisationId, java.util.UUID userId, String link, java.time.Instant at) {
    }

    boolean send(String claimSql, Object[] claimArgs, String to, String subject, String text) {
        return send(claimSql, claimArgs, to, subject, text, null);
    }

    /**
     * Claims, records the in-app notice (if any) and mails, all in one transaction. Without a mail server only the
     * notice is kept; returns whether anything new happened.
     */
    boolean send(String claimSql, Object[] claimArgs, String to, String subject, String text, Notice notice) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null && notice == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (jdbc.update(claimSql, claimArgs) == 0) {
                    return false;
                }
                if (notice != null) {
                    jdbc.update("insert into notification (id, organisation_id, user_id, message, link, created_at) values (?, ?, ?, ?, ?, ?)",
                            java.util.UUID.randomUUID(), notice.organisationId(), notice.userId(),
                            subject.length() > 500 ? subject.substring(0, 500) : subject, notice.link(),
                            java.sql.Timestamp.from(notice.at()));
                }
                if (sender == null) {
                    return true;
                }
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to);
                message.setSubject("[Ratchet] " + subject);
                message.setText(text);
                sender.send(message);
                return true;
            }));
        }
        catch (RuntimeException e) {
            LOG.warn("Mail \"{}\" not sent, will be tried again: {}", subject, e.getMessage());
            return false;
        }
    }
}
