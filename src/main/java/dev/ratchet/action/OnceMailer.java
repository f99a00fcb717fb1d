package dev.ratchet.action;

import dev.ratchet.mail.MailDelivery;
import dev.ratchet.mail.Outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides a mail at most once: a row naming it is claimed (insert … on conflict do nothing) in the transaction that
 * queues it in the outbox. A second instance, a second run or a restart finds the row and queues nothing; the outbox
 * delivers it afterwards, outside this transaction, and retries it until the mail server takes it.
 */
@Component
class OnceMailer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final MailDelivery delivery;
    private final String baseUrl;

    OnceMailer(JdbcTemplate jdbc, TransactionTemplate transactions, Outbox outbox, MailDelivery delivery,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.delivery = delivery;
        this.baseUrl = baseUrl;
    }

    /** Whether a mail server is configured (spring.mail.host). */
    boolean available() {
        return delivery.configured();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** What also shows in the person's notifications inside Ratchet, whether or not mail is configured. */
    record Notice(java.util.UUID organisationId, java.util.UUID userId, String link, java.time.Instant at) {
    }

    /**
     * Claims every row of a batch and tells the person once about the ones this run claimed: one notice and one
     * message built from them (several escalations at once are one message listing them, not ten). One transaction,
     * like {@link #send}. Returns how many rows were claimed.
     */
    <T> int sendTogether(String claimSql, java.util.List<T> items, java.util.function.Function<T, Object[]> claimArgs,
            java.util.UUID organisationId, String to, java.util.function.Function<java.util.List<T>, String> subject,
            java.util.function.Function<java.util.List<T>, String> text, java.util.function.Function<java.util.List<T>, String> link,
            java.util.UUID userId, java.time.Instant at) {
        Integer claimed = transactions.execute(status -> {
            // Claimed as JDBC batches (one round trip per 500 rows): an escalation may list thousands of actions.
            java.util.List<T> mine = new java.util.ArrayList<>();
            for (int from = 0; from < items.size(); from += 500) {
                java.util.List<T> chunk = items.subList(from, Math.min(items.size(), from + 500));
                int[] updated = jdbc.batchUpdate(claimSql, chunk.stream().map(claimArgs).toList());
                for (int i = 0; i < chunk.size(); i++) {
                    // On PostgreSQL batches are rewritten as multi-row inserts (PostgresBatching), for which the driver
                    // answers SUCCESS_NO_INFO: the row is then taken as claimed. The caller skips what was sent before
                    // it claims, and the job runs under its lock.
                    if (updated[i] > 0 || updated[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                        mine.add(chunk.get(i));
                    }
                }
            }
            if (mine.isEmpty()) {
                return 0;
            }
            String heading = subject.apply(mine);
            jdbc.update("insert into notification (id, organisation_id, user_id, message, link, created_at) values (?, ?, ?, ?, ?, ?)",
                    java.util.UUID.randomUUID(), organisationId, userId, heading.length() > 500 ? heading.substring(0, 500) : heading,
                    link.apply(mine), java.sql.Timestamp.from(at));
            outbox.queue(new Outbox.Mail(organisationId, to, heading, text.apply(mine)));
            return mine.size();
        });
        return claimed == null ? 0 : claimed;
    }

    boolean send(String claimSql, Object[] claimArgs, java.util.UUID organisationId, String to, String subject, String text) {
        return send(claimSql, claimArgs, organisationId, to, subject, text, null);
    }

    /**
     * Claims, records the in-app notice (if any) and queues the mail, all in one transaction. A mail queued while no
     * mail server is configured goes out once one is (or is skipped, saying so, when it has become too old). Without
     * a notice and without a mail server nothing is claimed. Returns whether anything new happened.
     */
    boolean send(String claimSql, Object[] claimArgs, java.util.UUID organisationId, String to, String subject, String text, Notice notice) {
        if (notice == null && !available()) {
            return false;
        }
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
            outbox.queue(new Outbox.Mail(organisationId, to, subject, text));
            return true;
        }));
    }
}
