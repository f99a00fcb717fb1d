package dev.ratchet.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.action.Reminders;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders through the outbox against a real SMTP server that misbehaves: it drops the connection after accepting a
 * message, drops it after DATA without answering, or hangs. Every reminder arrives exactly once after the server
 * recovers, and no database transaction is open while Ratchet waits for the server.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=${ratchet.test.smtp-port:3025}", "ratchet.mail.outbox.backoff=PT0S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000" })
class MailOutboxIT extends IntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = LocalDate.now(LONDON).atTime(12, 0).atZone(LONDON).toInstant();

    @Autowired
    Reminders reminders;

    @Autowired
    ActionManagement actions;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Clock clock;

    FaultySmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new FaultySmtpServer(dev.ratchet.TestSmtp.PORT);
        // Mail other test classes left waiting (in organisations of their own) is set aside, so that each test here
        // knows which message the server sees first.
        jdbc.update("update mail_outbox set status = 'SKIPPED', last_error = 'Set aside by MailOutboxIT' where status in ('PENDING', 'SENDING')");
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    /** Overdue actions, planned quietly: the messages these tests follow are the reminders, not the notices of new actions. */
    private List<String> overdue(TestOrganisation org, String... titles) {
        for (String title : titles) {
            dev.ratchet.action.Notifications.quietly(() -> actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-" + title, null, 1,
                    List.of(new PlannedAction(title, null, org.userIds().get(Role.CONTRIBUTOR), LocalDate.now(LONDON).minusDays(1), "Done right"))));
        }
        return List.of(titles);
    }

    /** How many copies of each title's reminder the server accepted. */
    private List<Long> copies(List<String> titles) {
        return titles.stream().map(title -> smtp.accepted().stream()
                .filter(m -> m.contains("Subject: [Ratchet] Overdue since ") && m.contains(": " + title + "\n")).count()).toList();
    }

    private List<String> states(TestOrganisation org) {
        return jdbc.queryForList("select status from mail_outbox where organisation_id = ? order by created_at", String.class, org.id());
    }

    @Test
    void aServerThatDropsTheConnectionAfterAcceptingGetsEachReminderOnce() {
        TestOrganisation org = newOrganisation("Accept then drop");
        List<String> titles = overdue(org, "Rotate keys", "Renew certificate", "Review firewall");
        smtp.mode(FaultySmtpServer.Mode.ACCEPT_THEN_DROP);

        reminders.run(NOW);
        delivery.deliverDue();
        delivery.deliverDue();
        reminders.run(NOW.plusSeconds(900));
        delivery.deliverDue();

        assertThat(copies(titles)).containsExactly(1L, 1L, 1L);
        assertThat(states(org)).containsExactly("SENT", "SENT", "SENT");
    }

    @Test
    void aServerThatDropsAfterDataWithoutAnsweringGetsEachReminderOnceWhenItRecovers() {
        TestOrganisation org = newOrganisation("Drop after data");
        List<String> titles = overdue(org, "Patch VPN", "Revoke leaver");
        smtp.mode(FaultySmtpServer.Mode.DROP_AFTER_DATA);

        reminders.run(NOW);
        assertThat(delivery.deliverDue()).isZero();
        // The run stops at the first failure (the server is down): only one message of the outbox used an attempt.
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING' and attempts > 0", Integer.class))
                .isEqualTo(1);
        assertThat(delivery.deliverDue()).isZero();
        delivery.deliverDue();
        assertThat(copies(titles)).containsExactly(0L, 0L);
        assertThat(jdbc.queryForList("select last_error from mail_outbox where organisation_id = ?", String.class, org.id()))
                .allMatch(error -> error.startsWith("Attempt "));

        smtp.mode(FaultySmtpServer.Mode.ACCEPT);
        delivery.deliverDue();
        delivery.deliverDue();
        reminders.run(NOW.plusSeconds(900));
        delivery.deliverDue();
        assertThat(copies(titles)).containsExactly(1L, 1L);
        assertThat(states(org)).containsExactly("SENT", "SENT");
        // Every attempt carried the message's own Message-ID.
        UUID first = jdbc.queryForObject("select id from mail_outbox where organisation_id = ? and attempts = 3 fetch first 1 rows only",
                UUID.class, org.id());
        assertThat(smtp.accepted()).anyMatch(m -> m.contains("Message-ID: <" + first + ".outbox@localhost>"));
    }

    @Test
    void aHangingServerHoldsNoDatabaseTransactionAndRemindersGoOutWhenItAnswers() throws Exception {
        TestOrganisation org = newOrganisation("Hanging server");
        List<String> titles = overdue(org, "Check backups");
        smtp.mode(FaultySmtpServer.Mode.HANG);

        // Deciding reminders does not talk to the mail server at all.
        CompletableFuture.runAsync(() -> reminders.run(NOW)).get(10, TimeUnit.SECONDS);
        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(delivery::deliverDue);
        assertThat(smtp.awaitHanging(10)).isTrue();
        assertThat(openTransactions()).as("database transactions open while the mail server hangs").isZero();
        assertThat(sending.get(10, TimeUnit.SECONDS)).as("the read time limit ends the attempt").isZero();
        assertThat(states(org)).containsExactly("PENDING");

        smtp.mode(FaultySmtpServer.Mode.ACCEPT);
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(copies(titles)).containsExactly(1L);
    }

    /** Sessions of the test database inside a transaction, other than this one's. */
    private int openTransactions() {
        if (onPostgres()) {
            return jdbc.queryForObject("""
                    select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                    and (state like 'idle in transaction%' or (state = 'active' and xact_start < now() - interval '1 second'))""", Integer.class);
        }
        return jdbc.queryForObject("select count(*) from information_schema.sessions where contains_uncommitted"
                + " and session_id <> session_id()", Integer.class);
    }

    @Test
    void mailQueuedWithoutAMailServerGoesOutOnceOneIsConfiguredAndStaleMailIsSkippedSayingWhy() {
        TestOrganisation org = newOrganisation("No mail server yet");
        List<String> titles = overdue(org, "Classify data", "Train staff");
        MailDelivery unconfigured = new MailDelivery(jdbc, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), clock,
                new StaticListableBeanFactory().getBeanProvider(dev.ratchet.organisation.OrganisationManagement.class), "ratchet@localhost", 8, Duration.ZERO, Duration.ofMinutes(2));
        reminders.run(NOW);
        jdbc.update("""
                insert into mail_outbox (id, organisation_id, recipient, subject, body, status, attempts, created_at, next_attempt_at, expires_at)
                values (?, ?, 'someone@example.com', '[Ratchet] Due in 3 days: Long ago', 'text', 'PENDING', 0, ?, ?, ?)""",
                UUID.randomUUID(), org.id(), Timestamp.from(clock.instant().minus(Duration.ofDays(10))),
                Timestamp.from(clock.instant().minus(Duration.ofDays(10))), Timestamp.from(clock.instant().minus(Duration.ofDays(3))));

        assertThat(unconfigured.deliverDue()).isZero();
        assertThat(states(org)).containsExactly("SKIPPED", "PENDING", "PENDING");
        assertThat(jdbc.queryForObject("select last_error from mail_outbox where organisation_id = ? and status = 'SKIPPED'", String.class, org.id()))
                .contains("no mail server was configured");

        // The installation's administrator configures the mail server: what waited goes out, once.
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(copies(titles)).containsExactly(1L, 1L);
        assertThat(states(org)).containsExactly("SKIPPED", "SENT", "SENT");
    }

    @Test
    void theAdministratorSeesEachMessageAndItsState() throws Exception {
        TestOrganisation org = newOrganisation("Mail page");
        overdue(org, "Update the asset list");
        smtp.mode(FaultySmtpServer.Mode.DROP_AFTER_DATA);
        reminders.run(NOW);
        delivery.deliverDue();
        assertThat(states(org)).containsExactly("PENDING");
        var page = api(org, Role.ADMIN, "GET", "/mail?status=PENDING", null, 200);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("lastError").asString()).startsWith("Attempt 1 of 8");
        mvc.perform(get("/organisation/mail").with(user(org.principal(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Overdue since")))
                .andExpect(content().string(containsString("Pending (1)")));
        api(org, Role.ISMS_MANAGER, "GET", "/mail", null, 403);
    }
}
