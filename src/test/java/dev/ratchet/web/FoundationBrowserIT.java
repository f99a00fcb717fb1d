package dev.ratchet.web;

import java.time.Duration;

import dev.ratchet.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer's first day, in a real browser, on an installation nobody has used yet. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-run;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1", "spring.mail.port=${ratchet.test.smtp-port:3025}", "ratchet.mail.outbox.scheduled=true" })
@ActiveProfiles("test")
@ExtendWith(Browser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationBrowserIT {

    static final String EMAIL = "ines.manager@example.com";
    static final String PASSWORD = "quarry-Saffron-ladder-58-otter";

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = new com.icegreen.greenmail.junit5.GreenMailExtension(
            dev.ratchet.TestSmtp.setup());

    WebDriver browser;

    @BeforeEach
    void browser() {
        browser = Browser.driver();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sends the page's main form and waits for the next page. */
    private void submit() {
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
    }

    private void signOut() {
        browser.findElement(By.id("account-menu")).click();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/logout'] button")));
    }

    private String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    @Order(1)
    void theFirstVisitAsksForTheFirstAdministratorAndOrganisation() {
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/setup");
        assertThat(page()).contains("There is no default account or password");
        Browser.screenshot("setup");

        type("organisationName", "Northwind Analytics");
        type("displayName", "Ines Manager");
        type("email", EMAIL);
        type("password", "password123456");
        type("passwordConfirmation", "password123456");
        submit();
        assertThat(page()).contains("This password is too easy to guess");
        assertThat(browser.findElement(By.id("password")).getDomAttribute("class")).contains("is-invalid");

        type("password", PASSWORD);
        type("passwordConfirmation", PASSWORD);
        submit();
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(page()).contains("Ratchet is ready");
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedAndTheRightOneLetsIn() {
        open("/login");
        type("email", EMAIL);
        type("password", "not-my-password-at-all");
        submit();
        assertThat(page()).contains("do not match an account");

        type("email", EMAIL);
        type("password", PASSWORD);
        submit();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Northwind Analytics");
        assertThat(page()).contains("Ines Manager");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        Browser.screenshot("home");
    }

    @Test
    @Order(3)
    void theAdministratorInvitesAColleagueWhoChoosesTheirOwnPassword() throws Exception {
        open("/members");
        browser.findElement(By.linkText("Invite people")).click();
        assertThat(page()).doesNotContain("First password");
        type("email", "not-an-email");
        type("displayName", "Omar Owner");
        browser.findElement(By.cssSelector("#invite-one input[name=roles][value=CONTRIBUTOR]")).click();
        Browser.submit(browser.findElement(By.cssSelector("#invite-one button[type=submit]")));
        assertThat(page()).contains("Enter a valid e-mail address");

        type("email", "omar.owner@example.com");
        Browser.submit(browser.findElement(By.cssSelector("#invite-one button[type=submit]")));
        assertThat(page()).contains("Invitation sent to omar.owner@example.com.").contains("Omar Owner").contains("works until");
        Browser.screenshot("invitations");

        // The message arrives through a real SMTP server; its link is followed in the browser, signed out.
        assertThat(mail.waitForIncomingEmail(15_000, 1)).isTrue();
        jakarta.mail.internet.MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("omar.owner@example.com");
        assertThat(message.getSubject()).contains("Ines Manager invites you to Northwind Analytics");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/join/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        signOut();
        open(link.group());
        assertThat(page()).contains("Join Northwind Analytics").contains("Ines Manager invites you");
        assertThat(browser.findElement(By.id("displayName")).getDomProperty("value")).isEqualTo("Omar Owner");
        type("password", "ribbon-Glacier-pencil-44-maple");
        type("confirmation", "ribbon-Glacier-pencil-44-mapl");
        submit();
        assertThat(page()).contains("The two passwords differ");
        Browser.screenshot("join-refused");
        type("password", "ribbon-Glacier-pencil-44-maple");
        type("confirmation", "ribbon-Glacier-pencil-44-maple");
        submit();
        assertThat(page()).contains("Welcome to Northwind Analytics. You are signed in.");
        assertThat(browser.findElement(By.cssSelector("#account-menu")).getText()).contains("Omar Owner");

        // The link works once; the page says how to get in instead.
        signOut();
        open(link.group());
        assertThat(page()).contains("This invitation was used already");
        browser.findElement(By.linkText("Go to the sign-in page")).click();
        browser.findElement(By.linkText("Forgot your password?")).click();
        type("email", "nobody@example.com");
        submit();
        assertThat(page()).contains("If an account has that address, a message with a link is on its way");
        Browser.screenshot("password-reset-sent");
        Browser.signIn(port, EMAIL, PASSWORD);

        open("/members/invitations");
        assertThat(page()).contains("No invitation is waiting for an answer");
        open("/members/invite");
        Browser.screenshot("invite");

        // The identity provider's side: a SCIM token, shown once, and the page that gives its groups roles.
        open("/organisation/provisioning");
        assertThat(page()).contains("The provider has not sent any group yet");
        type("token-name", "Entra ID");
        Browser.submit(browser.findElement(By.cssSelector("#main form[action$='/organisation/provisioning/tokens'] button")));
        assertThat(browser.findElement(By.id("new-token")).getDomProperty("value")).startsWith("scim_");
        assertThat(page()).contains("Entra ID").contains("never");
        Browser.screenshot("provisioning");
        open("/members");
        assertThat(page()).contains("omar.owner@example.com").contains("Contributor");
        Browser.screenshot("members");

        browser.findElement(By.linkText("Omar Owner")).click();
        browser.findElement(By.cssSelector("button[data-bs-target='#history']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Created"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("roles");
        Browser.screenshot("member-history");

        // On a phone the navigation folds behind a button and the list still reads.
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/members");
            assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
            assertThat(page()).contains("Omar Owner");
            Browser.screenshot("members-phone");
        }
        finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        open("/areas/" + java.util.UUID.randomUUID());
        assertThat(page()).contains("Not found").doesNotContain("Exception").doesNotContain("at dev.ratchet");
    }

    @Test
    @Order(4)
    void theOrganisationIsDescribedWithTheKeyboardAlone() {
        open("/areas");
        assertThat(page()).contains("No areas yet");
        Browser.screenshot("areas-empty");
        open("/areas/new");
        WebElement name = browser.findElement(By.id("name"));
        name.click();
        name.sendKeys("Software development", Keys.TAB);
        new Select(browser.switchTo().activeElement()).selectByVisibleText("Omar Owner");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);                   // the risk
        browser.switchTo().activeElement().sendKeys(Keys.TAB);                   // the people who work in it: a searchable list
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("memberIds-ts-control");
        Browser.choose("memberIds", "Omar Owner");
        browser.switchTo().activeElement().sendKeys(Keys.TAB, "Product engineering and release", Keys.TAB);
        WebElement before = browser.findElement(By.tagName("html"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        Browser.waitForNextPage(before);
        assertThat(page()).contains("Area \"Software development\" added.");

        open("/settings");
        type("scopeStatement", "Development and operation of the Northwind analytics platform.");
        new Select(browser.findElement(By.id("timeZone"))).selectByVisibleText("Europe/Berlin");
        submit();
        assertThat(page()).contains("Settings saved.");
        Browser.screenshot("settings");

        open("/catalogue");
        type("q", "backup");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                String results = d.findElement(By.id("results")).getText();
                return results.contains("Information backup") && !results.contains("Screening");
            }
            catch (org.openqa.selenium.StaleElementReferenceException swappedByHtmx) {
                return false;
            }
        });
        assertThat(browser.getCurrentUrl()).contains("q=backup");
        Browser.screenshot("catalogue");

        open("/history/verification");
        assertThat(page()).contains("Intact.");
        Browser.screenshot("history-check");

        open("/account");
        browser.findElement(By.id("tokenName")).sendKeys("nightly export");
        browser.findElement(By.cssSelector("#tokens ~ form button[type=submit], form[action$='/account/tokens'] button")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.token")));
        assertThat(browser.findElement(By.cssSelector("code.token")).getText()).startsWith("rat_");
        Browser.screenshot("account");
    }

    @Test
    @Order(5)
    void aSecondOrganisationCanBeCreatedAndSwitchedTo() {
        open("/organisations/new");
        type("name", "Contoso Clinic");
        submit();
        assertThat(page()).contains("Contoso Clinic is created");

        // The switcher is in the account menu: the organisation in use is named there, the others are offered.
        assertThat(browser.findElement(By.cssSelector("#account-menu .account-organisation")).getAttribute("textContent")).isEqualTo("Contoso Clinic");
        browser.findElement(By.id("account-menu")).click();
        assertThat(browser.findElement(By.cssSelector(".account-dropdown")).getText()).contains("Working in Contoso Clinic")
                .contains("Switch to");
        Browser.submit(browser.findElement(By.xpath("//form[contains(@class,'org-switch')]/button[text()='Northwind Analytics']")));
        assertThat(page()).contains("You are now working in Northwind Analytics.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Northwind Analytics");
        open("/members");
        assertThat(page()).contains("Omar Owner");
        Browser.screenshot("switched");

        browser.findElement(By.id("account-menu")).click();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/logout'] button")));
        assertThat(page()).contains("You are signed out.");
        open("/members");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }
}
