package dev.ratchet.audit;

import java.util.List;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaRisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISMS manager plans an internal audit, runs its checklist, raises the nonconformity and reports it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:audit-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class AuditBrowserIT extends BrowserTest {

    @Test
    void anInternalAuditIsPlannedRunReportedAndItsReportDownloaded() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Contoso Payments");
        identity.addMember(organisation.id(), Browser.member("mia.manager@example.com", "Mia Manager", Role.ISMS_MANAGER, Role.ADMIN), dev.ratchet.Browser.PASSWORD);
        var auditor = identity.addMember(organisation.id(), Browser.member("ada.auditor@example.com", "Ada Auditor", Role.AUDITOR), dev.ratchet.Browser.PASSWORD);
        var owner = identity.addMember(organisation.id(), Browser.member("omar.owner@example.com", "Omar Owner", Role.CONTRIBUTOR), dev.ratchet.Browser.PASSWORD);
        AreaForm area = new AreaForm();
        area.setName("Engineering");
        area.setOwnerId(owner.userId());
        area.setRisk(AreaRisk.HIGH);
        organisations.createArea(organisation.id(), area);

        open("/login");
        type(By.id("email"), "mia.manager@example.com");
        type(By.id("password"), Browser.PASSWORD);
        submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        open("/audits");
        assertThat(page()).contains("No audits are planned").contains("Engineering");
        Browser.screenshot("audit-programme-empty");
        submit(browser.findElement(By.linkText("Plan an audit")));

        type(By.id("title"), "Access management");
        type(By.id("objectives"), "Confirm that access rights are granted, reviewed and removed as the access control policy requires");
        Browser.choose("areaIds", "Engineering");
        Browser.choose("requirements", "A.5.15");
        Browser.choose("requirements", "A.5.18");
        assertThat(new Select(browser.findElement(By.id("requirements"))).getAllSelectedOptions()).hasSize(2);
        Browser.screenshot("audit-plan");
        submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(page()).contains("is planned with 2 checklist lines");
        String reference = browser.findElement(By.cssSelector("h1 span")).getText();
        assertThat(reference).startsWith("AUD-");

        new Select(browser.findElement(By.id("userId"))).selectByVisibleText("Ada Auditor");
        assertThat(browser.findElement(By.id("lead1")).isSelected()).isTrue();
        submit(browser.findElement(By.xpath("//button[text()='Add to the team']")));
        assertThat(page()).contains("Independent of the areas audited");

        submit(browser.findElement(By.xpath("//button[text()='Start the audit']")));
        assertThat(browser.findElement(By.id("audit-status")).getText()).isEqualTo("In progress");

        List<WebElement> lines = browser.findElements(By.cssSelector(".checklist > div"));
        assertThat(lines).hasSize(2);
        record(lines.get(0), "Conforming", "Access control policy v2.1 approved in March", "Policy document, approval minutes");
        record(browser.findElements(By.cssSelector(".checklist > div")).get(1), "Minor nonconformity",
                "Two of five leavers sampled kept VPN access for three weeks", "HR leavers list against VPN accounts");

        assertThat(page()).contains("Confirm the improvement record");
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).contains("Two of five leavers");
        Browser.screenshot("audit-raise-finding");
        submit(browser.findElement(By.xpath("//button[text()='Raise the improvement record']")));
        String nc = browser.findElement(By.cssSelector(".checklist a[href^='/improvements/']")).getText();
        assertThat(nc).startsWith("NC-");

        type(By.id("conclusion"), "Access control is largely effective; leavers' VPN access is not removed in time.");
        submit(browser.findElement(By.xpath("//button[text()='Report the audit']")));
        assertThat(browser.findElement(By.id("audit-status")).getText()).isEqualTo("Reported");
        Browser.screenshot("audit-reported");

        String pdf = pdfText(browser.findElement(By.id("report-pdf")).getAttribute("href"));
        assertThat(pdf).contains(reference).contains("Engineering").contains("A.5.15").contains("A.5.18")
                .contains(nc.substring(0, nc.indexOf(' '))).contains("Ada Auditor");

        open("/audits");
        assertThat(page()).contains(reference).contains("1 NC");
        Browser.screenshot("audit-programme");
        open("/audits/coverage");
        assertThat(page()).contains("audited in the cycle");
        Browser.screenshot("audit-coverage");
    }

    private void record(WebElement line, String result, String notes, String evidence) {
        new Select(line.findElement(By.name("result"))).selectByVisibleText(result);
        line.findElement(By.name("notes")).sendKeys(notes);
        line.findElement(By.name("evidenceSeen")).sendKeys(evidence);
        submit(line.findElement(By.xpath(".//button[text()='Save']")));
    }

    private String pdfText(String href) throws Exception {
        return Browser.pdfText(href);
    }

    private void submit(WebElement button) {
        Browser.submit(button);
    }

    private void type(By by, String text) {
        Browser.type(by, text);
    }

    private String page() {
        return Browser.text();
    }
}
