package dev.ratchet.feedback;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other signals in a real browser: an employee reports a concern anonymously, the ISMS manager triages it, adds
 * an obligation with a change, and plans a change to the ISMS that the CEO approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:signals-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class SignalsBrowserIT extends BrowserTest {

    @Test
    void concernsObligationsAndChangesAreHandledOnTheirPages() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Adventure Works");
        identity.addMember(organisation.id(), Browser.member("erin.employee@example.com", "Erin Employee", Role.CONTRIBUTOR), dev.ratchet.Browser.PASSWORD);
        identity.addMember(organisation.id(), Browser.member("mo.manager@example.com", "Mo Manager", Role.ISMS_MANAGER), dev.ratchet.Browser.PASSWORD);
        identity.addMember(organisation.id(), Browser.member("cece.ceo@example.com", "Cece Ceo", Role.MANAGEMENT), dev.ratchet.Browser.PASSWORD);

        signIn("erin.employee@example.com");
        open("/feedback/new");
        Browser.type(By.id("subject"), "Visitors walk in unescorted");
        Browser.type(By.id("text"), "The side door to the office is often propped open at lunch.");
        browser.findElement(By.id("anonymous1")).sendKeys(org.openqa.selenium.Keys.SPACE);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Send']")));
        assertThat(Browser.text()).contains("is with the ISMS manager");
        signOut();

        signIn("mo.manager@example.com");
        open("/feedback");
        assertThat(Browser.text()).contains("Visitors walk in unescorted").contains("Erin Employee (anonymous to others)");
        Browser.submit(browser.findElement(By.partialLinkText("FB-")));
        Browser.submit(browser.findElement(By.linkText("Raise it as an improvement")));
        Browser.submit(browser.findElement(By.xpath("//button[text()='Raise it in the improvement register']")));
        assertThat(browser.findElement(By.id("feedback-status")).getText()).isEqualTo("Raised as an improvement");
        Browser.screenshot("feedback");

        open("/obligations/new");
        Browser.type(By.id("name"), "GDPR breach notification");
        Browser.type(By.id("jurisdiction"), "EU");
        Browser.type(By.id("source"), "Regulation (EU) 2016/679, Art. 33");
        Browser.type(By.id("howItApplies"), "Notify the supervisory authority within 72 hours of becoming aware of a breach.");
        new Select(browser.findElement(By.id("ownerId"))).selectByVisibleText("Mo Manager");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Add the obligation']")));
        assertThat(Browser.text()).contains("Its owner is reminded before the review").contains("Action for Mo Manager");
        Browser.type(By.id("summary"), "EDPB guidelines 9/2022 clarify notification by processors.");
        Browser.type(By.id("impactAssessment"), "Supplier contracts need a 24-hour notification clause.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the change']")));
        assertThat(Browser.text()).contains("EDPB guidelines 9/2022");
        Browser.screenshot("obligation");

        open("/changes/new");
        Browser.type(By.id("title"), "Badge readers on the side door");
        Browser.type(By.id("reason"), "Visitors walked in unescorted (feedback)");
        Browser.type(By.id("impact"), "Physical security policy 3.1; visitor procedure; A.7.2");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('plannedDate').value = '2026-12-15'");
        new Select(browser.findElement(By.id("approverId"))).selectByVisibleText("Cece Ceo");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Plan the change']")));
        assertThat(Browser.text()).contains("Waiting for approval by Cece Ceo");
        String change = browser.getCurrentUrl();
        signOut();

        signIn("cece.ceo@example.com");
        browser.get(change);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve the change']")));
        assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("Approved");
        Browser.screenshot("change");
        open("/changes");
        assertThat(Browser.text()).contains("Badge readers on the side door").contains("Approved");
        Browser.screenshot("change-log");
    }

    private void signOut() {
        browser.findElement(By.id("account-menu")).click();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/logout'] button")));
    }

}
