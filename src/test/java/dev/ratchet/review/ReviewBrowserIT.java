package dev.ratchet.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.AuditView;
import dev.ratchet.audit.LineForm;
import dev.ratchet.audit.LineResult;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.objective.MeasurementForm;
import dev.ratchet.objective.ObjectiveForm;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.shared.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole management review cycle in the browser: the team, a review planned with its pack (a nonconformity, an
 * audit and an objective in it), the meeting started and minuted, a decision with an action, the chair's approval,
 * the minutes downloaded as PDF and Word, and the next review following the action up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:review-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class ReviewBrowserIT extends BrowserTest {

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    AuditManagement audits;

    @Autowired
    ObjectiveManagement objectives;

    @Test
    void aReviewIsPlannedMinutedDecidedApprovedAndDownloaded() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Litware Labs");
        var rita = identity.addMember(organisation.id(), Browser.member("rita.manager@example.com", "Rita Manager", Role.ISMS_MANAGER), dev.ratchet.Browser.PASSWORD);
        identity.addMember(organisation.id(), Browser.member("carl.chair@example.com", "Carl Chair", Role.MANAGEMENT), dev.ratchet.Browser.PASSWORD);
        identity.addMember(organisation.id(), Browser.member("olga.owner@example.com", "Olga Owner", Role.CONTRIBUTOR), dev.ratchet.Browser.PASSWORD);
        Tenant manager = new Tenant(organisation.id(), "Litware Labs", rita.userId(), "Rita Manager", Set.of("ISMS_MANAGER"));
        registers(manager);

        signIn("rita.manager@example.com");
        open("/reviews/team");
        new Select(browser.findElement(By.id("chairId"))).selectByVisibleText("Carl Chair");
        Browser.choose("memberIds", "Rita Manager");
        Browser.type(By.id("quorum"), "2");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the team']")));
        assertThat(Browser.text()).contains("The management review team is saved");

        open("/reviews");
        assertThat(Browser.text()).contains("No management review yet");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Plan the review']")));
        assertThat(Browser.text()).contains("is planned").contains("(a) Status of actions from previous reviews")
                .contains("(g) Opportunities for continual improvement");
        assertThat(browser.findElement(By.id("nonconformities")).getText()).contains("1\nnonconformities raised in the period");
        assertThat(browser.findElement(By.id("audits")).getText()).contains("Backup and restore");
        assertThat(browser.findElement(By.id("objectives")).getText()).contains("Restore tests passed").contains("Off target");
        assertThat(browser.findElements(By.cssSelector("#objectives canvas[data-rendered='true']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#nc-trend[data-rendered='true']"))).hasSize(1);
        Browser.type(By.id("externalInternalIssues"), "We moved hosting to a new data centre provider in October.");
        Browser.type(By.id("riskAssessment"), "Risk treatment plan: 14 of 18 treatments done; backup risk still high.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the inputs']")));
        assertThat(Browser.text()).contains("We moved hosting to a new data centre provider");
        String reviewUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        assertThat(Browser.pdfText(reviewUrl + "/pack.pdf")).contains("Management review input pack")
                .contains("Backup and restore")
                .contains("Restore tests passed").contains("Nonconformities raised by source");
        Browser.screenshot("review-pack");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('nonconformities').scrollIntoView({behavior: 'instant', block: 'start'})");
        Browser.screenshot("review-pack-figures");

        Browser.submit(browser.findElement(By.xpath("//button[text()='Start the meeting and freeze the pack']")));
        assertThat(Browser.text()).contains("The pack is frozen").contains("this is what management saw");

        // The minutes: attendance, each input marked; (f) left for later.
        browser.findElement(By.cssSelector("input[name='present'][aria-label='Rita Manager present']")).sendKeys(Keys.SPACE);
        browser.findElement(By.cssSelector("input[name='apologies'][aria-label='Olga Owner sent apologies']")).sendKeys(Keys.SPACE);
        for (int i : List.of(0, 1, 2, 3, 4, 6)) {
            new Select(browser.findElement(By.id("discussed-" + i))).selectByVisibleText("Discussed");
        }
        Browser.type(By.id("notes-3"), "The board asked for restore tests every quarter.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the minutes']")));
        assertThat(Browser.text()).contains("The minutes are saved").contains("1 of the team present; quorum 2: not quorate yet");

        // Minutes typed in the meeting are not lost when a decision is recorded straight after: they save as typed,
        // and recording the decision waits for that save.
        Browser.type(By.id("notes-6"), "Two ideas from the staff survey were welcomed.");
        browser.findElement(By.cssSelector("input[name='inputs'][value='d']")).sendKeys(Keys.SPACE);
        Browser.type(By.id("decisionText"), "Test a full restore every quarter");
        Browser.type(By.id("rationale"), "No restore was tested this year (NC raised by the internal audit)");
        Browser.type(By.id("actionTitle"), "Run and record a full restore test");
        new Select(browser.findElement(By.id("actionOwner"))).selectByVisibleText("Olga Owner");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('actionDue').value = '2027-01-31'");
        Browser.type(By.id("actionCriteria"), "A restore of the production database completes within 4 hours");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the decision']")));
        assertThat(Browser.text()).contains("The decision is recorded").contains("Decision 1: Opportunity for improvement")
                .contains("Rationale: No restore was tested this year").contains("Run and record a full restore test")
                .contains("31 Jan 2027").contains("within 4 hours");
        Browser.screenshot("review-decision");
        assertThat(browser.findElement(By.id("notes-6")).getAttribute("value")).isEqualTo("Two ideas from the staff survey were welcomed.");
        // Typing without saving anywhere asks before the page is left; the minutes say when they were saved.
        Browser.type(By.id("notes-2"), "The new supplier rules");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> browser
                .findElement(By.cssSelector("[data-autosave-for='minutes']")).getText().startsWith("Saved at"));
        Browser.type(By.id("decisionText"), "Half a decision");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")).isTrue();
        open(reviewUrl.substring(reviewUrl.indexOf("/reviews/")));
        assertThat(browser.findElement(By.id("notes-2")).getAttribute("value")).isEqualTo("The new supplier rules");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")).isFalse();
        assertThat(browser.findElements(By.partialLinkText("Approve the minutes (chair)"))).isEmpty();

        // The chair approves, once the meeting is quorate and every input is marked.
        browser.manage().deleteAllCookies();
        signIn("carl.chair@example.com");
        // The chair's start page says the minutes wait for him.
        open("/");
        assertThat(browser.findElement(By.id("waiting")).getText()).contains("Approve the minutes").contains("MR-");
        open(reviewUrl.substring(reviewUrl.indexOf("/reviews/")));
        Browser.submit(browser.findElement(By.partialLinkText("Approve the minutes (chair)")));
        assertThat(browser.findElement(By.id("approval-missing")).getText()).contains("Not ready to approve yet").contains("the quorum").contains("(f)");
        assertThat(browser.findElements(By.xpath("//button[text()='Approve and lock the minutes']"))).isEmpty();
        Browser.submit(browser.findElement(By.linkText("Back to the review")));
        browser.findElement(By.cssSelector("input[name='present'][aria-label='Carl Chair present']")).sendKeys(Keys.SPACE);
        new Select(browser.findElement(By.id("discussed-5"))).selectByVisibleText("Not discussed");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the minutes']")));
        assertThat(browser.findElement(By.id("notes-5")).getAttribute("class")).contains("is-invalid");
        assertThat(Browser.text()).contains("was not discussed");
        new Select(browser.findElement(By.id("discussed-5"))).selectByVisibleText("Not discussed");
        Browser.type(By.id("notes-5"), "Out of time: moved to an extra meeting on 15 December.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the minutes']")));
        assertThat(Browser.text()).contains("The minutes are saved").contains("2 of the team present; quorum 2: quorate");
        Browser.screenshot("review-minutes");
        Browser.submit(browser.findElement(By.partialLinkText("Approve the minutes (chair)")));
        assertThat(browser.findElements(By.id("approval-missing"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".pdf-preview iframe")).getAttribute("src")).endsWith("/minutes.pdf?preview=true");
        Browser.screenshot("review-approve-preview");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve and lock the minutes']")));
        assertThat(browser.findElement(By.id("approval")).getText()).contains("Minutes approved by Carl Chair (chair)");
        assertThat(Browser.text()).doesNotContain("Record a decision").doesNotContain("Save the minutes")
                .contains("Not discussed. Out of time");

        byte[] minutes = Browser.download(browser.findElement(By.linkText("Minutes (PDF)")).getAttribute("href"), "application/pdf");
        dev.ratchet.Documents.keepPages(minutes, "review-minutes-pdf", 4);
        String pdf = dev.ratchet.Documents.pdfText(minutes);
        String docx = Browser.docxText(browser.findElement(By.linkText("Minutes (Word)")).getAttribute("href"));
        for (String text : List.of(pdf, docx)) {
            assertThat(text).contains("Minutes of the management review").contains("Litware Labs")
                    .contains("Test a full restore every quarter")
                    .contains("No restore was tested this year (NC raised by the internal audit)")
                    .contains("Run and record a full restore test").contains("Olga Owner").contains("31 January 2027")
                    .contains("A restore of the production database completes within 4 hours")
                    .contains("Carl Chair, Rita Manager").contains("Apologies").contains("quorate")
                    .contains("Not discussed. Out of time").contains("Backup and restore").contains("Restore tests passed")
                    .contains("Approved by Carl Chair, chair of the Management Review Team");
        }

        // A guest auditor finds the approved review in the menu and the list; a page guests may not open keeps the
        // navigation.
        var guestForm = Browser.member("gina.guest@example.com", "Gina Guest", Role.GUEST_AUDITOR);
        guestForm.setAccessUntil(LocalDate.now().plusDays(30));
        identity.addMember(organisation.id(), guestForm, dev.ratchet.Browser.PASSWORD);
        browser.manage().deleteAllCookies();
        signIn("gina.guest@example.com");
        browser.findElement(By.linkText("Reviews")).click();
        assertThat(Browser.text()).contains("Management reviews").contains("whose minutes are approved")
                .doesNotContain("Plan the next review").doesNotContain("Review team");
        browser.findElement(By.partialLinkText("MR-")).click();
        assertThat(browser.findElement(By.id("approval")).getText()).contains("Minutes approved by Carl Chair");
        Browser.screenshot("review-guest");
        open("/reviews/team");
        assertThat(Browser.text()).contains("You may not do this").contains("you are: Guest auditor");
        assertThat(browser.findElement(By.cssSelector("nav[aria-label='Main']")).getText()).contains("Improvements").contains("Reviews");
        Browser.screenshot("error-403-with-navigation");

        // The next review follows the action up in its input (a).
        browser.manage().deleteAllCookies();
        signIn("rita.manager@example.com");
        open("/reviews");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('plannedDate').value = '" + LocalDate.now().plusMonths(3) + "'");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Plan the review']")));
        assertThat(Browser.text()).contains("decision 1").contains("Run and record a full restore test").contains("Olga Owner");

        // The dashboard shows the register's figures as charts that lead to the register.
        open("/");
        assertThat(browser.findElement(By.id("tiles")).getText()).contains("open nonconformities").contains("next management review");
        assertThat(browser.findElements(By.cssSelector("#dashboard canvas[data-rendered='true']"))).hasSizeGreaterThanOrEqualTo(3);
        Browser.screenshot("dashboard");
        Browser.submit(browser.findElement(By.linkText("Internal audit: 1")));
        assertThat(Browser.text()).contains("Backups not restored in a test this year");
    }

    private void registers(Tenant manager) {
        ReportForm nc = new ReportForm();
        nc.setKind(Kind.NONCONFORMITY);
        nc.setTitle("Backups not restored in a test this year");
        nc.setDescription("Found in the internal audit");
        nc.setSource(Source.INTERNAL_AUDIT);
        improvements.report(manager, nc);

        AuditForm plan = new AuditForm();
        plan.setTitle("Backup and restore");
        plan.setObjectives("Check that backups can be restored");
        plan.setPlannedStart(LocalDate.now());
        plan.setPlannedEnd(LocalDate.now());
        plan.setRequirements(List.of("iso27001-2022:A.8.13"));
        AuditView audit = audits.plan(manager, plan);
        TeamMemberForm lead = new TeamMemberForm();
        lead.setExternalName("Erin External");
        lead.setLead(true);
        lead.setVersion(audit.version());
        audit = audits.addTeamMember(manager, audit.id(), lead);
        audit = audits.start(manager, audit.id(), audit.version());
        LineForm line = new LineForm();
        line.setResult(LineResult.CONFORMING);
        line.setVersion(audit.lines().get(0).version());
        audit = audits.recordLine(manager, audit.id(), audit.lines().get(0).id(), line);
        audits.report(manager, audit.id(), "Backups are taken; restores are not tested", audit.version());

        ObjectiveForm objective = new ObjectiveForm();
        objective.setTitle("Restore tests passed");
        objective.setMeasure("Successful full restore tests per quarter");
        objective.setTarget(BigDecimal.valueOf(3));
        var created = objectives.create(manager, objective);
        for (int back : List.of(31, 0)) {
            MeasurementForm measurement = new MeasurementForm();
            measurement.setMeasuredOn(LocalDate.now().minusDays(back));
            measurement.setValue(BigDecimal.valueOf(back == 0 ? 1 : 2));
            objectives.measure(manager, created.id(), measurement);
        }
    }

}
