package dev.ratchet.identity;

import java.time.Duration;
import java.util.UUID;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.Keycloak;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.shared.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on through a real Keycloak (its own login page, its own tokens and keys): an administrator connects the
 * organisation on its page; the sign-in page offers the provider for the organisation's domain; an invited person
 * signs in there and lands in the organisation with the roles of their Keycloak groups; someone not invited is told
 * why not; a group taken away in Keycloak takes the role away at the next sign-in; a user disabled in Keycloak cannot
 * come in; with "single sign-on only", a password is refused but for the break-glass administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:sso-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith({ Browser.class, OutputCaptureExtension.class })
class SingleSignOnBrowserIT extends BrowserTest {

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcTemplate jdbc;

    Keycloak keycloak;

    @org.junit.jupiter.api.AfterAll
    static void stopTheProvider() {
        Keycloak.stop();
    }

    @BeforeEach
    void browserAndProvider() {
        keycloak = Keycloak.get();
        browser = Browser.driver();
        browser.manage().deleteAllCookies();
    }

    @Test
    void peopleSignInThroughTheOrganisationsKeycloakWithTheRolesOfTheirGroups(CapturedOutput output) {
        OrganisationDetails org = newOrganisation("Kestrel SSO");
        MemberView admin = identity.addMember(org.id(), Browser.member("root@kestrel.test", "Rita Root", Role.ADMIN, Role.ISMS_MANAGER),
                Browser.PASSWORD);
        Tenant asAdmin = identity.tenant(admin.userId(), org.id()).orElseThrow();
        Invitations.Sent invited = invitations.invite(asAdmin, Browser.member("ada@kestrel.test", "Ada", Role.CONTRIBUTOR));

        // The administrator connects Keycloak on the organisation's page.
        signIn("root@kestrel.test");
        open("/organisation/single-sign-on");
        assertThat(Browser.text()).contains("Not connected yet").contains("/login/oauth2/code/");
        Browser.type(By.id("displayName"), "Kestrel Keycloak");
        Browser.type(By.id("issuer"), keycloak.issuer());
        Browser.type(By.id("clientId"), Keycloak.CLIENT_ID);
        Browser.type(By.id("clientSecret"), Keycloak.CLIENT_SECRET);
        Browser.type(By.id("domains"), "kestrel.test");
        Browser.type(By.id("groups"), "isms-managers = ISMS manager, Internal auditor");
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/organisation/single-sign-on'] button[type=submit]")));
        assertThat(Browser.text()).contains("Single sign-on through Kestrel Keycloak is saved")
                .contains("Connected to Kestrel Keycloak for kestrel.test");
        assertThat(browser.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(Keycloak.CLIENT_SECRET);
        Browser.screenshot("single-sign-on-settings");
        signOut();

        // Ada's invitation link now offers her company account besides a password.
        open(invited.link().substring(invited.link().indexOf("/join/")));
        assertThat(browser.findElement(By.id("join-with-provider")).getText()).contains("Join with Kestrel Keycloak");

        // Someone Keycloak knows but the organisation never invited is told why they cannot come in.
        signInWithKeycloak("ben@kestrel.test", "ben", "Keycloak-Ben-2026");
        assertThat(browser.getCurrentUrl()).contains(":" + port + "/login?ssoRefused");
        assertThat(Browser.text()).contains("You are not a member of Kestrel SSO yet").contains("invite ben@kestrel.test");
        Browser.screenshot("single-sign-on-refused");
        keycloak.signOut("ben");

        // Ada was invited: she joins by signing in, with the roles of her Keycloak group (not the invitation's).
        signInWithKeycloak("ada@kestrel.test", "ada", "Keycloak-Ada-2026");
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
        assertThat(Browser.text()).contains("Kestrel SSO");
        UUID ada = identity.principal("ada@kestrel.test").orElseThrow().userId();
        assertThat(identity.tenant(ada, org.id()).orElseThrow().roles()).containsExactlyInAnyOrder("ISMS_MANAGER", "AUDITOR");
        Browser.screenshot("single-sign-on-signed-in");

        // IT takes her out of the group: at her next sign-in the roles go, and she holds the default role.
        keycloak.removeFromGroup("ada", "isms-managers");
        signOut();
        signInWithKeycloak("ada@kestrel.test", "ada", "Keycloak-Ada-2026");
        assertThat(identity.tenant(ada, org.id()).orElseThrow().roles()).containsExactly("CONTRIBUTOR");

        // IT disables her account: Keycloak refuses her, and Ratchet never sees her again.
        keycloak.disable("ada");
        signOut();
        signInWithKeycloak("ada@kestrel.test", "ada", "Keycloak-Ada-2026");
        assertThat(browser.getCurrentUrl()).doesNotStartWith("http://localhost:" + port + "/");
        assertThat(Browser.text()).containsIgnoringCase("disabled");
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");

        // Single sign-on only: a member's password is refused; the break-glass administrator's is not.
        identity.addMember(org.id(), Browser.member("carl@kestrel.test", "Carl", Role.CONTRIBUTOR), Browser.PASSWORD);
        SingleSignOn.View saved = singleSignOn.connection(org.id()).orElseThrow();
        singleSignOn.save(asAdmin, new SingleSignOn.Settings(saved.displayName(), saved.issuer(), saved.clientId(), null,
                saved.domains(), saved.groupsClaim(), false, true, true, null, saved.groups(), java.util.List.of(admin.id()),
                saved.version()));
        browser.manage().deleteAllCookies();
        signIn("carl@kestrel.test");
        assertThat(browser.getCurrentUrl()).contains("/login?ssoRequired");
        assertThat(Browser.text()).contains("signs in through its own provider only");
        signIn("root@kestrel.test");
        assertThat(Browser.text()).contains("Kestrel SSO");
        open("/members");
        assertThat(Browser.text()).contains("Break-glass");

        // The secret was never written to the history or the log.
        String history = String.join("\n", jdbc.queryForList(
                "select changes from history_entry where organisation_id = ? and record_type = 'SsoConnection'", String.class, org.id()));
        assertThat(history).contains("\"field\":\"clientSecret\"").contains("[redacted]").doesNotContain(Keycloak.CLIENT_SECRET);
        assertThat(output.getAll()).doesNotContain(Keycloak.CLIENT_SECRET);
    }

    @Autowired
    SingleSignOn singleSignOn;

    /** From Ratchet's sign-in page: the address, the offered provider, Keycloak's own login page, and back. */
    private void signInWithKeycloak(String email, String username, String password) {
        open("/login");
        Browser.type(By.id("email"), email);
        // The offer appears once htmx has asked for it and nothing is pending any more.
        WebElement offer = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".htmx-request")).isEmpty()
                        ? d.findElements(By.cssSelector("#sso-offer a")).stream().findFirst().orElse(null) : null);
        assertThat(offer.getText()).isEqualTo("Sign in with Kestrel Keycloak");
        Browser.submit(offer);
        if (!browser.findElements(By.id("kc-login")).isEmpty()) {
            Browser.type(By.id("username"), username);
            Browser.type(By.id("password"), password);
            WebElement login = browser.findElement(By.id("kc-login"));
            login.sendKeys(Keys.ENTER);
            Browser.waitForNextPage(login);
        }
    }

    private void signOut() {
        browser.findElement(By.id("account-menu")).click();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/logout'] button")));
    }
}
