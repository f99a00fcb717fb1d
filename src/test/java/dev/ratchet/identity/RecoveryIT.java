package dev.ratchet.identity;

import java.time.Instant;
import java.util.List;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Someone who loses the phone with the second factor is not locked out for good: recovery codes, or an administrator. */
class RecoveryIT extends IntegrationTest {

    @Autowired
    RecoveryCodes recoveryCodes;

    @Test
    @SuppressWarnings("unchecked")
    void tenRecoveryCodesAreShownOnceAtEnrolmentAndEachSignsInOnce() throws Exception {
        TestOrganisation org = newOrganisation("Recovery");
        var person = org.principal(Role.AUDITOR);
        dev.ratchet.TestSession session = signIn(person.email(), "/");
        mvc.perform(post("/account/second-factor/start").with(session).with(csrf()));
        var enrolment = (SecondFactor.Enrolment) session.attribute("ratchet.totp.enrolment");
        MvcResult confirmed = mvc.perform(post("/account/second-factor/confirm").with(session).with(csrf())
                .param("code", code(enrolment.secret()))).andExpect(redirectedUrl("/account#second-factor")).andReturn();
        List<String> codes = (List<String>) confirmed.getFlashMap().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(jdbc.queryForList("select code_hash from recovery_code where user_id = ?", String.class, person.userId()))
                .hasSize(10).noneMatch(codes::contains);
        // Shown on the page the enrolment leads to, and never again.
        mvc.perform(get("/account").with(session)).andExpect(content().string(containsString(codes.get(0))))
                .andExpect(content().string(containsString("they are shown only now")));
        mvc.perform(get("/account").with(session)).andExpect(content().string(containsString("You have 10 unused recovery codes")))
                .andExpect(content().string(not(containsString(codes.get(0)))));

        // The phone is lost: a recovery code (typed with capitals and spaces) stands in for the six digits, once.
        dev.ratchet.TestSession lost = signIn(person.email(), "/login/second-factor");
        mvc.perform(post("/login/second-factor").with(lost).with(csrf()).param("code", " " + codes.get(3).toUpperCase().replace("-", " ")))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("info", containsString("9 are left")));
        mvc.perform(get("/members").with(lost)).andExpect(status().isOk());
        dev.ratchet.TestSession again = signIn(person.email(), "/login/second-factor");
        mvc.perform(post("/login/second-factor").with(again).with(csrf()).param("code", codes.get(3)))
                .andExpect(content().string(containsString("That recovery code is not one of yours, or it was used already")));
        assertThat(recoveryCodes.remaining(person.userId())).isEqualTo(9);
        assertThat(history(person.userId(), "recoveryCodeUsedAt")).isEqualTo(1);

        // Ten new ones, for the password: the earlier ones stop working.
        mvc.perform(post("/account/second-factor/recovery-codes").with(lost).with(csrf()).param("password", "not-my-password"))
                .andExpect(flash().attribute("secondFactorError", "That is not your current password"));
        MvcResult renewed = mvc.perform(post("/account/second-factor/recovery-codes").with(lost).with(csrf())
                .param("password", TestOrganisation.PASSWORD)).andReturn();
        List<String> fresh = (List<String>) renewed.getFlashMap().get("recoveryCodes");
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(codes);
        assertThat(recoveryCodes.use(person.userId(), codes.get(5))).isFalse();
        assertThat(recoveryCodes.use(person.userId(), fresh.get(5))).isTrue();
    }

    @Test
    void anAdministratorResetsAMembersSecondFactorAndTheMemberIsToldByEmail() throws Exception {
        TestOrganisation org = newOrganisation("Reset factor");
        var member = org.principal(Role.CONTRIBUTOR);
        var enrolment = identity.startSecondFactor(member.userId());
        identity.confirmSecondFactor(member.userId(), enrolment.secret(), code(enrolment.secret()));
        recoveryCodes.issue(member.userId());
        String membership = org.membershipIds().get(Role.CONTRIBUTOR).toString();

        api(org, Role.ISMS_MANAGER, "POST", "/members/" + membership + "/second-factor-reset", null, 403);
        var reset = api(org, Role.ADMIN, "POST", "/members/" + membership + "/second-factor-reset", null, 200);
        assertThat(reset.get("secondFactor").asBoolean()).isFalse();
        assertThat(recoveryCodes.remaining(member.userId())).isZero();
        assertThat(jdbc.queryForObject("select actor_name from history_entry where record_type = 'User' and record_id = ? "
                + "and changes like '%totpSecret%' order by occurred_at desc, seq desc fetch first 1 rows only", String.class,
                member.userId().toString())).isEqualTo(org.principal(Role.ADMIN).displayName());
        assertThat(jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject like '%second factor was reset%'",
                String.class, member.email())).contains(org.principal(Role.ADMIN).displayName()).contains(org.name());
        // The member signs in with the password alone now.
        signIn(member.email(), "/");
        api(org, Role.ADMIN, "POST", "/members/" + membership + "/second-factor-reset", null, 409);

        // Someone who also works elsewhere keeps the factor that organisation relies on.
        TestOrganisation other = newOrganisation("Elsewhere");
        var consultant = other.principal(Role.AUDITOR);
        var theirs = identity.startSecondFactor(consultant.userId());
        identity.confirmSecondFactor(consultant.userId(), theirs.secret(), code(theirs.secret()));
        var invited = identity.addMember(org.id(), dev.ratchet.Browser.member(consultant.email(), "ignored", Role.AUDITOR), TestOrganisation.PASSWORD);
        identity.acceptInvitation(consultant.userId(), invited.id());
        var refused = api(org, Role.ADMIN, "POST", "/members/" + invited.id() + "/second-factor-reset", null, 409);
        assertThat(refused.get("detail").asString()).contains("also works in another organisation");
        assertThat(identity.hasSecondFactor(consultant.userId())).isTrue();
    }

    private int history(java.util.UUID userId, String field) {
        return jdbc.queryForObject("select count(*) from history_entry where record_type = 'User' and record_id = ? and changes like ?",
                Integer.class, userId.toString(), "%" + field + "%");
    }

    private dev.ratchet.TestSession signIn(String email, String expected) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").userParameter("email").user(email).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl(expected)).andReturn();
        return dev.ratchet.TestSession.of(login, jdbc);
    }

    private static String code(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
    }
}
