package dev.ratchet.review;

import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.shared.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The ISMS manager names the review team, plans a review, reads its pack, writes the inputs and starts the meeting. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:review-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class ReviewBrowserIT {

    static final String PASSWORD = "copper-Meadow-harbour-62-violin";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    ImprovementManagement improvements;

    WebDriver browser;

    @Test
    void aReviewIsPlannedItsPackReadAndFrozenAtTheStart() throws Exception {
        browser = Browser.driver();
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName("Litware Labs");
        var organisation = organisations.create(settings);
        MemberForm manager = new MemberForm();
        manager.setEmail("rita.manager@example.com");
        manager.setDisplayName("Rita Manager");
        manager.setRoles(Set.of(Role.ISMS_MANAGER));
        manager.setInitialPassword(PASSWORD);
        var rita = identity.addMember(organisation.id(), manager);
        ReportForm nc = new ReportForm();
        nc.setKind(Kind.NONCONFORMITY);
        nc.setTitle("Backups not restored in a test this year");
        nc.setDescription("Found in the internal audit");
        nc.setSource(Source.INTERNAL_AUDIT);
        improvements.report(new Tenant(organisation.id(), "Litware Labs", rita.userId(), "Rita Manager", Set.of("ISMS_MANAGER")), nc);

        browser.get("http://localhost:" + port + "/login");
        Browser.type(By.id("email"), "rita.manager@example.com");
        Browser.type(By.id("password"), PASSWORD);
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        browser.get("http://localhost:" + port + "/reviews/team");
        new Select(browser.findElement(By.id("chairId"))).selectByVisibleText("Rita Manager");
        Browser.type(By.id("quorum"), "1");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the team']")));
        assertThat(Browser.text()).contains("The management review team is saved");

        browser.get("http://localhost:" + port + "/reviews");
        assertThat(Browser.text()).contains("No management review yet");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Plan the review']")));
        assertThat(Browser.text()).contains("is planned").contains("(a) Status of actions from previous reviews")
                .contains("(g) Opportunities for continual improvement");
        assertThat(browser.findElement(By.id("nonconformities")).getText()).contains("1\nraised in the period");
        Browser.type(By.id("externalInternalIssues"), "We moved hosting to a new data centre provider in October.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the inputs']")));
        assertThat(Browser.text()).contains("We moved hosting to a new data centre provider");
        Browser.screenshot("review-pack");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Start the meeting and freeze the pack']")));
        assertThat(Browser.text()).contains("The pack is frozen").contains("this is what management saw");
        Browser.screenshot("review-frozen");

        browser.findElement(By.cssSelector("input[name='inputs'][value='d']")).sendKeys(org.openqa.selenium.Keys.SPACE);
        Browser.type(By.id("decisionText"), "Test a full restore every quarter");
        Browser.type(By.id("rationale"), "No restore was tested this year (NC raised by the internal audit)");
        Browser.type(By.id("actionTitle"), "Run and record a full restore test");
        new Select(browser.findElement(By.id("actionOwner"))).selectByVisibleText("Rita Manager");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('actionDue').value = '2027-01-31'");
        Browser.type(By.id("actionCriteria"), "A restore of the production database completes within 4 hours");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the decision']")));
        assertThat(Browser.text()).contains("The decision is recorded").contains("Decision 1: Opportunity for improvement")
                .contains("Rationale: No restore was tested this year").contains("Run and record a full restore test")
                .contains("31 Jan 2027").contains("within 4 hours");
        Browser.screenshot("review-decision");

        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve the minutes (chair)']")));
        assertThat(browser.findElement(By.id("approval")).getText()).contains("Minutes approved by Rita Manager (chair)");
        assertThat(Browser.text()).doesNotContain("Record a decision");
    }
}
