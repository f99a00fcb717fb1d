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
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders and escalations by e-mail, each sent once, to members of the action's organisation only. */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025" })
class RemindersIT extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Reminders reminders;

    @Autowired
    ActionManagement actions;

    static final Instant NOW = LocalDate.now(ZoneId.of("Europe/London")).atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();

    private void plan(TestOrganisation org, Role owner, String title, int dueInDays) {
        actions.plan(org.id(), "TEST", UUID.randomUUID(), "T-" + title, 1, List.of(new PlannedAction(title, null,
                org.userIds().get(owner), LocalDate.now(ZoneId.of("Europe/London")).plusDays(dueInDays), "Done right")));
    }

    private List<String> mailsTo(TestOrganisation org) throws Exception {
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
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Overdue since " + LocalDate.now(ZoneId.of("Europe/London")).minusDays(3) + ": Late",
                org.email(Role.CONTRIBUTOR) + " | [Ratchet] Overdue since " + LocalDate.now(ZoneId.of("Europe/London")).minusDays(8) + ": Very late",
                org.email(Role.MANAGEMENT) + " | [Ratchet] Escalation: " + contributor.displayName() + "'s action is 8 days overdue: Very late",
                org.email(Role.AUDITOR) + " | [Ratchet] Overdue since " + LocalDate.now(ZoneId.of("Europe/London")).minusDays(15) + ": Forgotten",
                org.email(Role.ISMS_MANAGER) + " | [Ratchet] Escalation: action 15 days overdue: Forgotten");

        reminders.run(NOW);
        reminders.run(NOW.plusSeconds(600));
        assertThat(mailsTo(org)).hasSize(sent.size());
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
        // The owner who left gets nothing; the overdue action still reaches the ISMS manager.
        assertThat(mailsTo(org)).containsExactly(
                org.email(Role.ISMS_MANAGER) + " | [Ratchet] Escalation: action 8 days overdue: Orphan");
    }
}
