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

    boolean send(String claimSql, Object[] claimArgs, String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (jdbc.update(claimSql, claimArgs) == 0) {
                    return false;
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
