package dev.ratchet.policy;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.Documents;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISMS manager generates the Continual Improvement Policy, top management approves it, the settings change and
 * the page shows the drift with a new draft; an exception past its expiry is flagged in the register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:policy-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class PolicyBrowserIT extends BrowserTest {

    @Test
    void theContinualImprovementPolicyIsGeneratedApprovedAndFollowsTheSettings() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Northwind Analytics");
        identity.addMember(organisation.id(), Browser.member("nina.manager@example.com", "Nina Manager", Role.ISMS_MANAGER), dev.ratchet.Browser.PASSWORD);
        identity.addMember(organisation.id(), Browser.member("bob.board@example.com", "Bob Board", Role.MANAGEMENT), dev.ratchet.Browser.PASSWORD);

        signIn("nina.manager@example.com");
        open("/policies");
        assertThat(Browser.text()).contains("Start with the Continual Improvement Policy");
        Browser.screenshot("policy-register-empty");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Generate the Continual Improvement Policy']")));
        assertThat(Browser.text()).contains("drafted from your settings").contains("Draft 0.1").contains("Management Review Team")
                .contains("every quarter (every 3 months)");
        Browser.screenshot("policy-draft");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Submit draft 0.1 for approval']")));
        assertThat(Browser.text()).contains("submitted for approval");
        String policyUrl = browser.getCurrentUrl().replaceAll("#.*", "");

        browser.manage().deleteAllCookies();
        signIn("bob.board@example.com");
        browser.get(policyUrl);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve draft 0.1']")));
        assertThat(Browser.text()).contains("Version 1.0 is approved and locked").contains("Version 1.0 in force");

        // The review cadence changes: the page shows what no longer matches and offers a new draft.
        OrganisationSettings changed = organisations.settingsOf(organisation.id());
        changed.setReviewCadenceMonths(6);
        organisations.updateSettings(organisation.id(), changed);
        browser.manage().deleteAllCookies();
        signIn("nina.manager@example.com");
        browser.get(policyUrl);
        assertThat(browser.findElement(By.id("drift")).getText()).contains("no longer matches practice").contains("every quarter (every 3 months)")
                .contains("every six months");
        Browser.screenshot("policy-drift");
        Browser.submit(browser.findElement(By.xpath("//button[text()=\"Make a new draft from today's settings\"]")));
        assertThat(Browser.text()).contains("Draft 1.1").contains("Version 1.0 in force");
        String pdf = Browser.pdfText(browser.findElement(By.cssSelector("#versions a[href$='document.pdf']")).getAttribute("href"));
        assertThat(pdf).contains("Document version control").contains("Contents").contains("every six months");
        Documents.keepPages(Browser.download(browser.findElement(By.cssSelector("#versions a[href$='document.pdf']")).getAttribute("href"),
                "application/pdf"), "policy-pdf", 3);

        // An exception requested with an expiry in the past is flagged in the register.
        open("/policy-exceptions");
        new Select(browser.findElement(By.id("policyId"))).selectByIndex(1);
        Browser.type(By.id("scope"), "Legacy reporting server");
        Browser.type(By.id("justification"), "Its vendor cannot send findings to the register");
        Browser.type(By.id("risk"), "Findings missed");
        Browser.type(By.id("compensatingControls"), "Monthly manual review");
        Browser.type(By.id("actionPlan"), "Decommission the server");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reviewDate').value = '2020-01-01';"
                + "document.getElementById('expiryDate').value = '2020-06-30'");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Request the exception']")));
        assertThat(Browser.text()).contains("is requested").contains("This exception expired on 30 Jun 2020");
        open("/policy-exceptions");
        assertThat(browser.findElement(By.id("exceptions")).getText()).contains("Legacy reporting server").contains("Expired");
        Browser.screenshot("policy-exceptions");
        open("/policies");
        assertThat(browser.findElement(By.id("policies")).getText()).contains("1 expired exception(s)");
        Browser.screenshot("policy-register");

        // The earlier tracker comes in: the preview says what it fills in (an owner who is no member), every row is imported.
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("tracker", ".csv");
        java.nio.file.Files.writeString(csv, "NC #,Date raised,Finding,Status,Owner,Notes\n"
                + "NC-1,04/03/2025,Leaver account still active,Closed,nina.manager@example.com,Found in HR audit\n"
                + "NC-2,2025-05-12,Backup restore not tested,Open,J. Smith,\n");
        open("/improvements/migration");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        Browser.submit(browser.findElement(By.xpath("//button[text()='Upload and check']")));
        assertThat(browser.findElement(By.id("notices")).getText()).contains("with an owner who is no member").contains("J. Smith");
        assertThat(browser.findElements(By.id("problems"))).isEmpty();
        Browser.screenshot("migration-preview");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Import all 2 records']")));
        assertThat(Browser.text()).contains("2 records from").contains("Leaver account still active");

        // The evidence bundle of the year is put together in the background and offered for download.
        open("/bundles");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Put the bundle together']")));
        assertThat(Browser.text()).contains("is being put together");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.partialLinkText("ZIP,")).isEmpty());
        Browser.screenshot("evidence-bundles");
        byte[] zip = Browser.download(browser.findElement(By.partialLinkText("ZIP,")).getAttribute("href"), "application/zip");
        assertThat(new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("manifest.txt").contains("policies/POL-01");
    }

}
