package dev.ratchet.identity;

import java.time.Instant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class SignInIT extends IntegrationTest {

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = newOrganisation("Sign-in");
    }

    /** Signs in through the real form, as a browser would. */
    private dev.ratchet.TestSession signIn(Role role) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(org.email(role))
                .password(TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
        return dev.ratchet.TestSession.of(result, jdbc);
    }

    @Test
    void repeatedWrongPasswordsThrottleTheAccountEvenForTheRightPassword() throws Exception {
        String email = org.email(Role.AUDITOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/login?throttled"));
        // Another account from the same address is not locked out by these five.
        signIn(Role.CONTRIBUTOR);
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        MvcResult page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        jakarta.servlet.http.Cookie before = page.getResponse().getCookie("JSESSIONID");
        assertThat(before).isNotNull();
        assertThat(before.isHttpOnly()).isTrue();
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf()).param("email", org.email(Role.ADMIN))
                .param("password", TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
        jakarta.servlet.http.Cookie after = result.getResponse().getCookie("JSESSIONID");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(result.getResponse().getHeader("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
        // The session before signing in is no more.
        mvc.perform(get("/members").cookie(before)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/members").cookie(after)).andExpect(status().isOk());
    }

    @Test
    void endingAMembersAccessEndsTheirOpenSession() throws Exception {
        dev.ratchet.TestSession session = signIn(Role.CONTRIBUTOR);
        mvc.perform(get("/members").with(session)).andExpect(status().isOk());

        identity.deactivateMember(org.id(), org.membershipIds().get(Role.CONTRIBUTOR), 0L);

        mvc.perform(get("/members").with(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").userParameter("email").user(org.email(Role.CONTRIBUTOR))
                .password(TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void changingThePasswordEndsOtherSessions() throws Exception {
        dev.ratchet.TestSession laptop = signIn(Role.MANAGEMENT);
        dev.ratchet.TestSession phone = signIn(Role.MANAGEMENT);
        String next = "orchard-Pebble-meteor-73-violin";
        mvc.perform(post("/account/password").with(phone).with(csrf()).param("currentPassword", TestOrganisation.PASSWORD)
                .param("newPassword", next).param("confirmation", next)).andExpect(redirectedUrl("/login?passwordChanged"));
        mvc.perform(get("/").with(laptop)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").userParameter("email").user(org.email(Role.MANAGEMENT)).password(next))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aSecondFactorIsAskedForAfterThePassword() throws Exception {
        var principal = org.principal(Role.ISMS_MANAGER);
        var enrolment = identity.startSecondFactor(principal.userId());
        identity.confirmSecondFactor(principal.userId(), enrolment.secret(), code(enrolment.secret()));

        MvcResult login = mvc.perform(formLogin("/login").userParameter("email").user(principal.email())
                .password(TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/login/second-factor")).andReturn();
        dev.ratchet.TestSession session = dev.ratchet.TestSession.of(login, jdbc);

        mvc.perform(get("/members").with(session)).andExpect(status().isForbidden());
        mvc.perform(post("/login/second-factor").with(session).with(csrf()).param("code", "000000"))
                .andExpect(content().string(containsString("That code is not right")));
        mvc.perform(post("/login/second-factor").with(session).with(csrf()).param("code", code(enrolment.secret())))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/members").with(session)).andExpect(status().isOk());
    }

    private dev.ratchet.TestSession passwordStep(RatchetPrincipalLike principal) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").userParameter("email").user(principal.email())
                .password(TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/login/second-factor")).andReturn();
        return dev.ratchet.TestSession.of(login, jdbc);
    }

    private interface RatchetPrincipalLike {
        String email();
    }

    private MvcResult signInFrom(String email, String password, String address, jakarta.servlet.http.Cookie device) throws Exception {
        var request = post("/login").param("email", email).param("password", password).with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void aStrangerHammeringAnAccountDoesNotLockTheRealPersonOutAndAnAdministratorCanUnlockIt() throws Exception {
        String email = org.email(Role.MANAGEMENT);
        MvcResult first = signInFrom(email, TestOrganisation.PASSWORD, "198.51.100.20", null);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/");
        String setCookie = first.getResponse().getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("ratchet_device=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Path=/login");
        var device = new jakarta.servlet.http.Cookie("ratchet_device", setCookie.substring("ratchet_device=".length(), setCookie.indexOf(';')));

        // A stranger guesses from several addresses, far past every limit.
        for (int i = 0; i < 40; i++) {
            signInFrom(email, "wrong-guess-" + i, "203.0.113." + (i % 4), null);
        }
        assertThat(signInFrom(email, TestOrganisation.PASSWORD, "203.0.113.1", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?throttled");
        // The person hears of it, once, where they look first when they sign in.
        assertThat(jdbc.queryForList("select message from notification where user_id = ? and organisation_id = ?", String.class,
                org.userIds().get(Role.MANAGEMENT), org.id())).singleElement().asString()
                .contains("wrong passwords were tried for your account").contains("203.0.113.");

        // The real person, from the browser they used before, signs in at once; a colleague behind the stranger's address too.
        assertThat(signInFrom(email, TestOrganisation.PASSWORD, "198.51.100.20", device).getResponse().getRedirectedUrl()).isEqualTo("/");
        for (int i = 0; i < 40; i++) {
            signInFrom(email, "wrong-again-" + i, "203.0.113." + (i % 4), null);
        }
        assertThat(signInFrom(org.email(Role.AUDITOR), TestOrganisation.PASSWORD, "203.0.113.1", null).getResponse().getRedirectedUrl())
                .isIn("/", "/login/second-factor");

        // From a new browser the account waits; an administrator lets the person in at once.
        assertThat(signInFrom(email, TestOrganisation.PASSWORD, "198.51.100.77", null).getResponse().getRedirectedUrl()).isEqualTo("/login?throttled");
        mvc.perform(post("/api/v1/organisations/{org}/members/{member}/sign-in-unlock", org.id(), org.membershipIds().get(Role.MANAGEMENT))
                .header("Authorization", org.bearer(Role.ADMIN))).andExpect(status().isOk());
        assertThat(signInFrom(email, TestOrganisation.PASSWORD, "198.51.100.77", null).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void colleaguesSeeNoAccountStateAndAGuestSeesNoDirectoryOfPeople() throws Exception {
        String member = "/api/v1/organisations/{org}/members/{id}";
        var asAdmin = mvc.perform(get(member, org.id(), org.membershipIds().get(Role.CONTRIBUTOR)).header("Authorization", org.bearer(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asAdmin).contains("\"secondFactor\":false").contains("\"accountEnabled\":true");
        var asColleague = mvc.perform(get(member, org.id(), org.membershipIds().get(Role.CONTRIBUTOR)).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asColleague).contains("\"displayName\"").contains("\"secondFactor\":null").contains("\"accountEnabled\":null");
        mvc.perform(get("/api/v1/organisations/{org}/members", org.id()).header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get(member, org.id(), org.membershipIds().get(Role.CONTRIBUTOR)).header("Authorization", org.bearer(Role.GUEST_AUDITOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aOneTimeCodeSignsInOnceEvenFromASecondSession() throws Exception {
        var principal = org.principal(Role.AUDITOR);
        var enrolment = identity.startSecondFactor(principal.userId());
        identity.confirmSecondFactor(principal.userId(), enrolment.secret(), code(enrolment.secret()));
        String code = code(enrolment.secret());
        dev.ratchet.TestSession first = passwordStep(principal::email);
        dev.ratchet.TestSession second = passwordStep(principal::email);
        mvc.perform(post("/login/second-factor").with(first).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login/second-factor").with(second).with(csrf()).param("code", code))
                .andExpect(content().string(containsString("used already")));
        mvc.perform(get("/members").with(second)).andExpect(status().isForbidden());
    }

    @Test
    void wrongCodesAreThrottledPerAccountAndEndTheHalfSignedInSession() throws Exception {
        var principal = org.principal(Role.CONTRIBUTOR);
        var enrolment = identity.startSecondFactor(principal.userId());
        identity.confirmSecondFactor(principal.userId(), enrolment.secret(), code(enrolment.secret()));
        int checked = 0;
        dev.ratchet.TestSession session = passwordStep(principal::email);
        for (int attempt = 0; attempt < 50; attempt++) {
            String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1 + attempt) % 1_000_000);
            MvcResult answer = mvc.perform(post("/login/second-factor").with(session).with(csrf()).param("code", wrong)).andReturn();
            if (answer.getResponse().getContentAsString().contains("That code is not right")) {
                checked++;
            } else {
                assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/login?codesThrottled");
                session = passwordStep(principal::email);              // the attacker knows the password: a new session
            }
        }
        assertThat(checked).isLessThanOrEqualTo(5);
        // Even the right code is not checked while the account's codes are throttled, from any session.
        mvc.perform(post("/login/second-factor").with(session).with(csrf()).param("code", code(enrolment.secret())))
                .andExpect(redirectedUrl("/login?codesThrottled"));
        mvc.perform(get("/members").with(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anOrganisationThatRequiresASecondFactorSendsPeopleWithoutOneToSetItUp() throws Exception {
        var settings = organisations.settingsOf(org.id());
        settings.setRequireTwoFactor(true);
        organisations.updateSettings(org.id(), settings);
        dev.ratchet.TestSession session = signIn(Role.CONTRIBUTOR);
        mvc.perform(get("/members").with(session)).andExpect(redirectedUrl("/account?secondFactorRequired"));
        mvc.perform(get("/account").with(session)).andExpect(status().isOk());
    }

    @Test
    void theAccountPageSaysWhenTheLinksInMailsUseAnAddressNobodyConfigured() throws Exception {
        // The tests run without ratchet.base-url, as a new installation does.
        mvc.perform(get("/account").with(signIn(Role.CONTRIBUTOR))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"base-url-unset\""), containsString("<code>ratchet.base-url</code>"))));
    }

    @Test
    void aRevokedOrMissingTokenGetsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        var principal = org.principal(Role.AUDITOR);
        String token = identity.createToken(principal.userId(), "revoke me", null);
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        identity.tokensOf(principal.userId()).stream().filter(t -> t.name().equals("revoke me"))
                .forEach(t -> identity.revokeToken(principal.userId(), t.id()));
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void theAccessLogNamesWhoButNeverThePasswordTokenOrSession(CapturedOutput output) throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("dev.ratchet.access");
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        try {
            dev.ratchet.TestSession session = signIn(Role.ADMIN);
            mvc.perform(get("/members").with(session)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/organisations").header("Authorization", org.bearer(Role.AUDITOR)));
            assertThat(output.getOut()).contains("GET /members 200").contains("user=" + org.email(Role.ADMIN))
                    .contains("org=" + org.id())
                    .doesNotContain(TestOrganisation.PASSWORD)
                    .doesNotContain(org.tokens().get(Role.AUDITOR))
                    .doesNotContain("JSESSIONID");
        }
        finally {
            access.setLevel(level);
        }
    }

    private static String code(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
    }
}
