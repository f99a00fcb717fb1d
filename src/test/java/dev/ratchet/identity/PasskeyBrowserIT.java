package dev.ratchet.identity;

import java.time.Duration;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.organisation.OrganisationDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in Chromium with a virtual authenticator (the Chrome DevTools WebAuthn domain, through Selenium): made and
 * named under "Your account", then signing in without a password, standing in for the one-time code after a
 * password, listed with when each was last used, and removed, after which it signs nobody in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:passkey-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class PasskeyBrowserIT extends BrowserTest {

    @Autowired
    Passkeys passkeys;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void browser() {
        browser = Browser.driver();
        browser.manage().deleteAllCookies();
    }

    @Test
    void aPasskeyMadeUnderYourAccountSignsInAndStandsInForTheOneTimeCode() {
        OrganisationDetails org = newOrganisation("Passkey Ltd");
        MemberView pia = identity.addMember(org.id(), Browser.member("pia@passkey.test", "Pia Passkey", Role.CONTRIBUTOR), Browser.PASSWORD);
        VirtualAuthenticator device = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        try {
            signIn("pia@passkey.test");
            open("/account");
            assertThat(Browser.text()).contains("No passkey yet");
            Browser.type(By.id("passkey-label"), "Work laptop");
            browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).sendKeys(Keys.ENTER);
            waitUntilUrlContains("passkeyAdded=true");
            assertThat(Browser.text()).contains("Your new passkey is saved").contains("Work laptop");
            assertThat(browser.findElement(By.id("passkey-list")).getText()).contains("never");
            assertThat(passkeys.of(pia.userId())).extracting(Passkeys.View::label).containsExactly("Work laptop");
            Browser.screenshot("passkeys-on-the-account-page");
            signOut();

            // No password: the passkey alone signs Pia in, and the list says when it was last used.
            open("/login");
            browser.findElement(By.id("passkey-sign-in")).sendKeys(Keys.ENTER);
            waitUntilSignedIn();
            assertThat(Browser.text()).contains("Pia Passkey");
            assertThat(passkeys.of(pia.userId()).get(0).lastUsedAt()).isNotNull();
            signOut();

            // After her password, the passkey stands in for the one-time code.
            signIn("pia@passkey.test");
            assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
            assertThat(Browser.text()).contains("Use your passkey").doesNotContain("authenticator app");
            Browser.screenshot("passkey-as-second-factor");
            browser.findElement(By.id("passkey-second-factor")).sendKeys(Keys.ENTER);
            waitUntilSignedIn();

            // Removed, it signs nobody in; both are in the history.
            open("/account");
            Browser.submit(browser.findElement(By.cssSelector("#passkey-list form button")));
            assertThat(Browser.text()).contains("The passkey \"Work laptop\" is removed");
            assertThat(passkeys.of(pia.userId())).isEmpty();
            signOut();
            open("/login");
            browser.findElement(By.id("passkey-sign-in")).sendKeys(Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("passkey-problem")).isDisplayed());
            assertThat(browser.findElement(By.id("passkey-problem")).getText()).contains("did not sign you in");
            assertThat(browser.getCurrentUrl()).contains("/login");
            assertThat(jdbc.queryForList("select action from history_entry where record_type = 'Passkey' order by seq", String.class))
                    .contains("CREATE", "DELETE");
        }
        finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(device);
        }
    }

    private void waitUntilUrlContains(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

    /** On her start page (My actions, for a contributor), no longer on a sign-in page. */
    private void waitUntilSignedIn() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login")
                && d.getCurrentUrl().startsWith("http://localhost:" + port + "/"));
        assertThat(browser.findElement(By.id("account-menu")).getText()).contains("Pia Passkey");
    }

    private void signOut() {
        open("/");
        browser.findElement(By.id("account-menu")).click();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/logout'] button")));
    }

}
