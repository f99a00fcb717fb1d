package dev.ratchet.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Reminders and escalations by e-mail, each sent once, to members of the action's organisation only. */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=${ratchet.test.smtp-port:3025}", "ratchet.mail.outbox.backoff=PT0S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000" })
class RemindersIT extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(dev.ratchet.TestSmtp.setup());

    @Autowired
    Reminders reminders;

    @Autowired
    ActionManagement actions;

    @Autowired
    Digests digests;

    @Autowired
    Notifications notifications;

    @Autowired
    dev.ratchet.mail.MailDelivery delivery;

    @org.junit.jupiter.api.BeforeEach
    void setAsideOtherMail() {
        // Mail other test classes left waiting (queued without a mail server, in organisations of their own) is set
        // aside: this class's delivery runs would otherwise send all of it.
        jdbc.update("update mail_outbox set status = 'SKIPPED', last_error = 'Set aside by RemindersIT' where status in ('PENDING', 'SENDING')");
    }

    static final Instant NOW = LocalDate.now(ZoneId.of("Europe/London")).atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();

    /** An action planned quietly: these tests follow reminders; the notice of a new action is ReviewIT's. */
    private void plan(TestOrganisation org, Role owner, String title, int dueInDays) {
        Notifications.quietly(() -> actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-" + title, null, 1, List.of(new PlannedAction(title, null,
                org.userIds().get(owner), LocalDate.now(ZoneId.of("Europe/London")).plusDays(dueInDays), "Done right"))));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    /** The reminders, escalations and digests sent to the organisation's people. */

    private List<String> mailsTo(TestOrganisation org) throws Exception {
        delivery.deliverDue(); // what the outbox's schedule does every few seconds
        Set<String> ours = new HashSet<>();
        for (Role role : Role.values()) {
            ours.add(org.email(role));
        }
        List<String> found = new java.util.ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                if (ours.contains(to.toString())) {
                    found.add(to + " | " + message.getSubject());
                }
            }
        }
        return found;
    }

    @Test
    void remindersGoBeforeOnAndAfterTheDueDateThenUpTheLadderEachOnce() throws Exception {
        TestOrganisation org = newOrganisation("Reminders");
        var contributor = identity.member(org.id(), org.membershipIds().get(Role.CONTRIBUTOR));
        MemberForm withManager = new MemberForm();
        withManager.setEmail(contributor.email());
        withManager.setDisplayName(contributor.displayName());
        withManager.setRoles(contributor.roles());
        withManager.setLineManagerId(org.userIds().get(Role.MANAGEMENT));
        withManager.setVersion(contributor.version());
        identity.updateMember(org.id(), contributor.id(), withManager);

        plan(org, Role.CONTRIBUTOR, "Soon", 5);
        plan(org, Role.CONTRIBUTOR, "Today", 0);
        plan(org, Role.CONTRIBUTOR, "Late", -3);
        plan(org, Role.CONTRIBUTOR, "Very late", -8);
        plan(org, Role.AUDITOR, "Forgotten", -15);
        plan(org, Role.CONTRIBUTOR, "Far away", 30);

        reminders.run(NOW);
        List<String> sent = mailsTo(org);
        assertThat(sent).containsExactlyInAnyOrder(
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Due in 5 days: Soon",
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Due today: Today",
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Overdue since " + DAY.format(LocalDate.now(ZoneId.of("Europe/London")).minusDays(3)) + ": Late",
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Overdue since " + DAY.format(LocalDate.now(ZoneId.of("Europe/London")).minusDays(8)) + ": Very late",
                org.email(Role.MANAGEMENT) + " | [Ratchet] Escalation: " + contributor.displayName() + "'s action is 8 days overdue: Very late",
                org.email(Role.AUDITOR) + " | [Ratchet] Overdue since " + DAY.format(LocalDate.now(ZoneId.of("Europe/London")).minusDays(15)) + ": Forgotten",
                org.email(Role.ISMS_MANAGER) + " | [Ratchet] Escalation: " + org.principal(Role.AUDITOR).displayName() + "'s action is 15 days overdue: Forgotten");

        reminders.run(NOW);
        reminders.run(NOW.plusSeconds(600));
        assertThat(mailsTo(org)).hasSize(sent.size());

        // Each message is plain text and HTML saying the same: a greeting, the organisation, the owner, the date as
        // people write it, and a link to the action itself.
        MimeMessage escalation = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(org.email(Role.ISMS_MANAGER)) && m.getSubject().contains("Forgotten");
            }
            catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) escalation.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String ownerName = org.principal(Role.AUDITOR).displayName();
        String due = DAY.format(LocalDate.now(ZoneId.of("Europe/London")).minusDays(15));
        assertThat(text).startsWith("Hello " + org.principal(Role.ISMS_MANAGER).displayName() + ",")
                .contains("Owner: " + ownerName).contains("Due: " + due)
                .containsPattern("Open it in Ratchet: http\\S+/actions\\?ownerId=" + org.userIds().get(Role.AUDITOR) + "#action-[0-9a-f-]{36}");
        assertThat(html).contains("Ratchet · " + org.name()).contains("<strong>Owner:</strong> " + ownerName)
                .contains("<strong>Due:</strong> " + due).containsPattern("<a href=\"http\\S+/actions\\?ownerId=[^\"]+#action-[0-9a-f-]{36}\"[^>]*>Open it in Ratchet</a>");

        // The same reminders show inside Ratchet, once, until read.
        UUID manager = org.userIds().get(Role.MANAGEMENT);
        assertThat(notifications.of(org.id(), manager)).extracting(Notifications.Notification::message)
                .containsExactly("Escalation: " + contributor.displayName() + "'s action is 8 days overdue: Very late");
        assertThat(notifications.unread(org.id(), org.userIds().get(Role.CONTRIBUTOR))).isEqualTo(4);
        mvc.perform(get("/notifications").with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(content().string(containsString("8 days overdue: Very late")));
        // Each escalation step shows on the action itself.
        assertThat(actions.search(org.id(), new ActionFilter(null, null, true, null, null, null, null, null),
                PageRequest.of(0, 20)).getContent())
                .filteredOn(a -> a.title().equals("Very late")).singleElement()
                .satisfies(a -> assertThat(a.escalations()).singleElement().asString()
                        .startsWith("line manager " + identity.member(org.id(), org.membershipIds().get(Role.MANAGEMENT)).displayName()));
        notifications.markAllRead(org.id(), manager);
        assertThat(notifications.unread(org.id(), manager)).isZero();
    }

    @Test
    void severalEscalationsAtOnceComeAsOneMessageListingThem() throws Exception {
        TestOrganisation org = newOrganisation("Escalations together");
        plan(org, Role.AUDITOR, "Renew the pen test contract", -15);
        plan(org, Role.AUDITOR, "Rotate the backup keys", -16);
        plan(org, Role.CONTRIBUTOR, "Close the firewall review", -20);
        reminders.run(NOW);
        reminders.run(NOW.plusSeconds(600));
        List<String> toManager = mailsTo(org).stream().filter(m -> m.startsWith(org.email(Role.ISMS_MANAGER))).toList();
        assertThat(toManager).containsExactly(org.email(Role.ISMS_MANAGER) + " | [Ratchet] Escalation: 3 actions are overdue");
        MimeMessage message = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(org.email(Role.ISMS_MANAGER));
            }
            catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        String text = (String) ((jakarta.mail.internet.MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Renew the pen test contract", "Rotate the backup keys", "Close the firewall review")
                .contains("Owner: " + org.principal(Role.AUDITOR).displayName()).contains("Owner: " + org.principal(Role.CONTRIBUTOR).displayName())
                .contains("(20 days overdue)").contains("Open them in Ratchet: ");
        assertThat(notifications.of(org.id(), org.userIds().get(Role.ISMS_MANAGER))).extracting(Notifications.Notification::message)
                .containsExactly("Escalation: 3 actions are overdue");
    }

    @Test
    void twoSchedulersAtOnceSendEachReminderOnce() throws Exception {
        TestOrganisation org = newOrganisation("Two schedulers");
        plan(org, Role.CONTRIBUTOR, "Late", -1);
        plan(org, Role.AUDITOR, "Today", 0);
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable scheduler = () -> {
            try {
                start.await();
                reminders.run(NOW);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(scheduler), CompletableFuture.runAsync(scheduler)).join();
        assertThat(mailsTo(org)).hasSize(2);
    }

    @Test
    void noMailGoesToSomeoneWhoLeftTheOrganisation() throws Exception {
        TestOrganisation org = newOrganisation("Left");
        plan(org, Role.MANAGEMENT, "Orphan", -8);
        identity.deactivateMember(org.id(), org.membershipIds().get(Role.MANAGEMENT), 0L);
        reminders.run(NOW);
        // The owner who left gets nothing; the ISMS manager (the leaver has no line manager) hears at once that the
        // action needs a new owner, and the overdue ladder still reaches them.
        assertThat(mailsTo(org)).containsExactly(
                org.email(Role.ISMS_MANAGER) + " | [Ratchet] Management " + org.name().substring(org.name().lastIndexOf(' ') + 1)
                        + " left: 1 open action needs a new owner",
                org.email(Role.ISMS_MANAGER) + " | [Ratchet] Escalation: A former member's action is 8 days overdue: Orphan");
    }

    @Test
    void theWeeklyDigestListsEachPersonsOpenActionsOnceAWeekUnlessMuted() throws Exception {
        TestOrganisation org = newOrganisation("Digest");
        plan(org, Role.CONTRIBUTOR, "Renew NDA", 10);
        plan(org, Role.CONTRIBUTOR, "Patch servers", -2);
        plan(org, Role.AUDITOR, "Plan the audit", 20);
        identity.muteDigest(org.userIds().get(Role.AUDITOR), true);

        digests.run(NOW);
        digests.run(NOW.plusSeconds(3600));
        List<String> sent = mailsTo(org);
        assertThat(sent).containsExactly(org.email(Role.CONTRIBUTOR) + " | [Ratchet] Your open actions this week: 2");
        delivery.deliverDue();
        MimeMessage digest = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals(org.email(Role.CONTRIBUTOR)); } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(digest)).contains("Renew NDA").contains("Patch servers")
                .contains("OVERDUE").doesNotContain("Plan the audit");

        // Muting the digest never mutes the reminders: the overdue action is still reminded.
        identity.muteDigest(org.userIds().get(Role.CONTRIBUTOR), true);
        reminders.run(NOW);
        assertThat(mailsTo(org)).anyMatch(m -> m.startsWith(org.email(Role.CONTRIBUTOR)) && m.contains("Overdue since"));

        // A week later the next digest goes out to whoever wants it.
        identity.muteDigest(org.userIds().get(Role.CONTRIBUTOR), false);
        digests.run(NOW.plus(java.time.Duration.ofDays(7)));
        assertThat(mailsTo(org)).filteredOn(m -> m.contains("Your open actions this week")).hasSize(2);
    }

    /**
     * More overdue actions than the job reads at a time: each is reminded once, in batches, and the next run finds
     * every reminder already sent without sending any again (the job no longer reads all open actions at once, nor
     * asks about each owner once per action).
     */
    @Test
    void aRunOverMoreActionsThanOneBatchRemindsEachOnceAndTheNextRunSendsNothingAgain() {
        TestOrganisation org = newOrganisation("Many overdue");
        int count = Reminders.BATCH + 20;
        List<PlannedAction> planned = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            planned.add(new PlannedAction("Overdue " + i, null, org.userIds().get(Role.CONTRIBUTOR),
                    LocalDate.ofInstant(NOW, ZoneId.of("Europe/London")).minusDays(1), "Done right"));
        }
        Notifications.quietly(() -> actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-MANY", null, 1, planned));
        String sentHere = "select count(*) from action_reminder r join action_item a on a.id = r.action_id where a.organisation_id = ? and r.kind = ?";
        try {
            reminders.run(NOW);
            assertThat(jdbc.queryForObject(sentHere, Integer.class, org.id(), "OVERDUE")).isEqualTo(count);
            reminders.run(NOW);
            assertThat(jdbc.queryForObject(sentHere, Integer.class, org.id(), "OVERDUE")).isEqualTo(count);
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where organisation_id = ? and subject like '[Ratchet] Overdue since %'", Integer.class, org.id()))
                    .as("one mail per action, none twice").isEqualTo(count);
        }
        finally {
            jdbc.update("update mail_outbox set status = 'SKIPPED', last_error = 'Set aside by RemindersIT' where organisation_id = ?", org.id());
        }
    }
}
