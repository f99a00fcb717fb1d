package dev.ratchet.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Forgot your password?" through a real SMTP server (GreenMail): the message is read and its link followed. The same
 * answer for every address, requests limited per address and per client, the link single-use and short-lived, every
 * session ended and nothing else revoked, the person told, the change in the history. (Same mail settings as
 * RemindersIT, so the two share one application context.)
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=${ratchet.test.smtp-port:3025}", "ratchet.mail.outbox.backoff=PT0S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000" })
class PasswordResetIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "lantern-Quarry-meadow-83-oboe";
    private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(dev.ratchet.TestSmtp.setup());

    @Autowired
    dev.ratchet.mail.MailDelivery delivery;

    private int client;

    @BeforeEach
    void setAsideOtherMail() {
        jdbc.update("update mail_outbox set status = 'SKIPPED', last_error = 'Set aside by PasswordResetIT' where status in ('PENDING', 'SENDING')");
    }

    @Test
    void theLinkByEmailSetsANewPasswordOnceEndsEverySessionAndRevokesNothingElse() throws Exception {
        TestOrganisation org = newOrganisation("Reset");
        var person = org.principal(Role.ISMS_MANAGER);
        dev.ratchet.TestSession laptop = signIn(person.email(), TestOrganisation.PASSWORD);

        mvc.perform(get("/login")).andExpect(content().string(containsString("Forgot your password?")));
        ask(person.email().toUpperCase()).andExpect(redirectedUrl("/password-reset?sent"));
        MimeMessage message = receive(person.email(), "Choose a new password");
        String body = GreenMailUtil.getBody(message);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = ?", Integer.class, token)).isZero();

        mvc.perform(get(link.group())).andExpect(status().isOk()).andExpect(content().string(containsString(person.email())));
        mvc.perform(post(link.group()).with(csrf()).param("password", "password1234").param("confirmation", "password1234"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("too easy to guess")));
        mvc.perform(post(link.group()).with(csrf()).param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?passwordReset"));

        // Every session of the account has ended; the new password signs in, the old one no longer; the token still works.
        mvc.perform(get("/members").with(laptop)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").userParameter("email").user(person.email()).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        signIn(person.email(), NEW_PASSWORD);
        mvc.perform(get("/api/v1/organisations").header("Authorization", org.bearer(Role.ISMS_MANAGER))).andExpect(status().isOk());

        // Used once; the person is told; the history names them.
        mvc.perform(get(link.group())).andExpect(status().isGone()).andExpect(content().string(containsString("This link was used already")));
        mvc.perform(post(link.group()).with(csrf()).param("password", NEW_PASSWORD + "x").param("confirmation", NEW_PASSWORD + "x"))
                .andExpect(status().isGone());
        MimeMessage told = receive(person.email(), "Your password was changed");
        assertThat(GreenMailUtil.getBody(told)).contains("Every").contains("signed out").doesNotContain(NEW_PASSWORD);
        assertThat(jdbc.queryForObject("select actor_name from history_entry where record_type = 'User' and record_id = ? "
                + "and changes like '%passwordHash%' order by occurred_at desc, seq desc fetch first 1 rows only", String.class,
                person.userId().toString())).isEqualTo(person.displayName());
        assertThat(jdbc.queryForObject("select count(*) from history_entry where changes like ? or changes like ?", Integer.class,
                "%" + NEW_PASSWORD + "%", "%" + token + "%")).isZero();
    }

    @Test
    void knownAndUnknownAddressesAreAnsweredAlikeAndRequestsAreLimited() throws Exception {
        TestOrganisation org = newOrganisation("Enumeration");
        String known = org.email(Role.AUDITOR);
        String unknown = "nobody." + org.id() + "@example.com";
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        String knownBody = null;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            MockHttpServletResponse a = ask(known).andReturn().getResponse();
            knownNanos.add(System.nanoTime() - start);
            start = System.nanoTime();
            MockHttpServletResponse b = ask(unknown).andReturn().getResponse();
            unknownNanos.add(System.nanoTime() - start);
            assertThat(a.getStatus()).isEqualTo(b.getStatus()).isEqualTo(302);
            assertThat(a.getRedirectedUrl()).isEqualTo(b.getRedirectedUrl()).isEqualTo("/password-reset?sent");
            assertThat(a.getContentAsString()).isEqualTo(b.getContentAsString());
            knownBody = a.getContentAsString();
        }
        assertThat(knownBody).isEmpty();
        // The lookup happens after the answer: the times do not tell the addresses apart (medians within 50 ms).
        assertThat(Math.abs(median(knownNanos) - median(unknownNanos))).isLessThan(Duration.ofMillis(50).toNanos());

        // Per address: three links an hour, however many requests.
        long deadline = System.currentTimeMillis() + 10_000;
        while (count(known) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertThat(count(known)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, unknown)).isZero();
        // Only the newest link works.
        assertThat(jdbc.queryForObject("""
                select count(*) from password_reset r join app_user u on u.id = r.user_id where u.email = ? and r.expires_at > ?""",
                Integer.class, known, java.sql.Timestamp.from(Instant.now()))).isEqualTo(1);

        // Per client: the eleventh request within 15 minutes from one address waits, whatever address it names.
        String from = "10.9.8.7";
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/password-reset").with(csrf()).param("email", unknown).with(r -> { r.setRemoteAddr(from); return r; }))
                    .andExpect(status().isFound());
        }
        mvc.perform(post("/password-reset").with(csrf()).param("email", known).with(r -> { r.setRemoteAddr(from); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("Wait 15 minutes")));
    }

    @Test
    void anExpiredLinkSaysSoAndHowToGetANewOne() throws Exception {
        TestOrganisation org = newOrganisation("Expired reset");
        String email = org.email(Role.CONTRIBUTOR);
        ask(email);
        String path = linkIn(receive(email, "Choose a new password"));
        jdbc.update("update password_reset set expires_at = ? where user_id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                org.userIds().get(Role.CONTRIBUTOR));
        mvc.perform(get(path)).andExpect(status().isGone()).andExpect(content().string(containsString("This link has expired")))
                .andExpect(content().string(containsString("Ask for a new link")));
        mvc.perform(get("/password-reset/" + "y".repeat(43))).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions ask(String email) throws Exception {
        String address = "10.1." + (client / 250) + "." + (client++ % 250 + 1);
        return mvc.perform(post("/password-reset").with(csrf()).param("email", email).with(r -> { r.setRemoteAddr(address); return r; }));
    }

    private int count(String email) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject like '%Choose a new password%'",
                Integer.class, email);
    }

    /** Waits for the background request to queue its message, delivers the outbox, and returns the message received. */
    private MimeMessage receive(String email, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            delivery.deliverDue();
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(email) && m.getSubject().contains(subject)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No message \"" + subject + "\" to " + email);
    }

    private static String linkIn(MimeMessage message) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(link.find()).isTrue();
        return link.group();
    }

    private dev.ratchet.TestSession signIn(String email, String password) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return dev.ratchet.TestSession.of(login, jdbc);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
