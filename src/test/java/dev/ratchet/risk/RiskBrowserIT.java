package dev.ratchet.risk;

import java.util.UUID;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISMS manager of a small company (who is also top management) approves the risk criteria, assesses a risk,
 * plans its treatment, lowers its level once the treatment is done and accepts the residual risk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:risk-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class RiskBrowserIT extends BrowserTest {

    @Autowired
    ActionManagement actions;

    @Autowired
    dev.ratchet.soa.SoaManagement soa;

    @Autowired
    dev.ratchet.review.ReviewManagement reviews;

    @Test
    void criteriaThenARiskAssessedTreatedAndAcceptedThenTheSoaAndTheReviewPackCarryIt() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Larkspur Analytics");
        identity.addMember(organisation.id(), Browser.member("rita.manager@example.com", "Rita Manager",
                Role.ISMS_MANAGER, Role.MANAGEMENT), Browser.PASSWORD).id();
        signIn("rita.manager@example.com");

        open("/risks");
        assertThat(Browser.text()).contains("Set the risk criteria first");
        Browser.submit(browser.findElement(By.linkText("Review the proposed criteria")));
        assertThat(Browser.text()).contains("Draft version 1").contains("not saved yet");
        assertThat(browser.findElement(By.name("likelihoods[4].name")).getDomProperty("value")).isEqualTo("Almost certain");
        Browser.screenshot("risk-criteria-draft");
        // The manager sets a two-year cadence for version 1 and saves it; then approves it as top management.
        browser.findElement(By.id("cadenceMonths")).clear();
        Browser.type(By.id("cadenceMonths"), "24");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the draft']")));
        assertThat(Browser.text()).contains("Draft version 1 is saved");
        Browser.type(By.id("approval-note"), "Approved at the ISMS kick-off meeting");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve version 1 as shown']")));
        assertThat(Browser.text()).contains("Version 1 of the risk criteria is approved").contains("Version 1 · in force")
                .contains("Every 24 months");
        Browser.screenshot("risk-criteria");

        open("/risks/new");
        Browser.type(By.id("title"), "Customer data exposed through a lost laptop");
        Browser.type(By.id("threat"), "A laptop holding customer exports is lost or stolen");
        Browser.type(By.id("vulnerability"), "Disk encryption is not enforced on every laptop");
        Browser.type(By.id("consequence"), "A personal data breach to notify within 72 hours; customers' trust lost");
        new Select(browser.findElement(By.id("ownerId"))).selectByVisibleText("Rita Manager");
        Browser.type(By.id("category"), "Technology");
        Browser.type(By.id("requirements"), "A.8.1, A.8.24");
        new Select(browser.findElement(By.id("il"))).selectByValue("4");
        new Select(browser.findElement(By.id("ii"))).selectByValue("4");
        new Select(browser.findElement(By.id("cl"))).selectByValue("3");
        new Select(browser.findElement(By.id("ci"))).selectByValue("4");
        new Select(browser.findElement(By.id("tl"))).selectByVisibleText("Medium");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Add the risk']")));
        assertThat(Browser.text()).contains("RSK-001 is in the register at High").contains("Very high").contains("A.8.24");

        Browser.type(By.id("t-title"), "Enforce disk encryption on every laptop through MDM");
        Browser.type(By.id("t-controls"), "A.8.1, A.8.24");
        Browser.type(By.id("t-success"), "The MDM report shows encryption on for every laptop");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Plan the action']")));
        assertThat(Browser.text()).contains("The treatment action is planned").contains("Enforce disk encryption");

        // Lowering the level on the strength of the action is refused while it is open.
        new Select(browser.findElement(By.id("reason"))).selectByVisibleText("Treatment implemented");
        new Select(browser.findElement(By.id("currentLikelihood"))).selectByValue("2");
        new Select(browser.findElement(By.id("currentImpact"))).selectByValue("3");
        new Select(browser.findElement(By.id("basisActionId"))).selectByIndex(1);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the assessment']")));
        assertThat(browser.findElement(By.cssSelector("#basisActionId ~ .invalid-feedback")).getText()).contains("is not done");

        UUID riskId = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/risks/([0-9a-f-]{36}).*", "$1"));
        var action = actions.of(organisation.id(), RiskManagement.TREATMENT_ORIGIN, riskId).get(0);
        actions.complete(organisation.id(), action.id(), action.ownerId(), true, "MDM report: 42 of 42 laptops encrypted", action.version());
        open("/risks/" + riskId);
        new Select(browser.findElement(By.id("reason"))).selectByVisibleText("Treatment implemented");
        new Select(browser.findElement(By.id("currentLikelihood"))).selectByValue("2");
        new Select(browser.findElement(By.id("currentImpact"))).selectByValue("3");
        new Select(browser.findElement(By.id("basisActionId"))).selectByIndex(1);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the assessment']")));
        assertThat(Browser.text()).contains("The assessment is recorded: Medium now");

        Browser.type(By.id("rationale"), "Encryption enforced; the remaining exposure is within appetite");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Accept']")));
        assertThat(Browser.text()).contains("The residual risk is accepted until").contains("Accepted at Medium by Rita Manager");
        Browser.screenshot("risk");

        open("/risks");
        assertThat(Browser.text()).contains("Current risk").contains("RSK-001");
        Browser.screenshot("risk-register");
        Browser.submit(browser.findElement(By.cssSelector(".heatmap a")));
        assertThat(Browser.text()).contains("Showing one cell").contains("RSK-001");

        // The SoA proposes A.8.24 from the risk's treatment; the manager includes it; the other controls are decided for brevity.
        var tenant = identity.tenant(identity.principal("rita.manager@example.com").orElseThrow().userId(), organisation.id()).orElseThrow();
        for (var control : soa.controls()) {
            if (!control.code().equals("A.8.24")) {
                dev.ratchet.soa.SoaForm form = new dev.ratchet.soa.SoaForm();
                form.setApplicable(!control.code().equals("A.7.12"));
                form.setExclusionJustification("A serviced office: the cabling is the landlord's");
                form.setOtherReasons("Certification");
                form.setVersion(0L);
                soa.decide(tenant, control.reference(), form);
            }
        }
        open("/soa?show=undecided");
        assertThat(Browser.text()).contains("A.8.24").contains("Not decided; called for by RSK-001");
        Browser.submit(browser.findElement(By.linkText("A.8.24")));
        assertThat(Browser.text()).contains("What calls for it").contains("RSK-001");
        browser.findElement(By.id("applicable-yes")).click();
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Implemented");
        Browser.type(By.id("implementation"), "Disk encryption enforced by MDM on every laptop");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the decision']")));
        assertThat(Browser.text()).contains("A.8.24 is applicable");
        Browser.screenshot("soa-control");
        open("/soa");
        Browser.type(By.id("soa-note"), "Approved with the risk treatment plan");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Approve the Statement of Applicability as it stands']")));
        assertThat(Browser.text()).contains("Version 1 of the Statement of Applicability is approved");
        Browser.screenshot("soa");

        // The review pack's input (f) is assembled from the register, and the minutes print it.
        dev.ratchet.review.ScheduleForm meeting = new dev.ratchet.review.ScheduleForm();
        meeting.setTitle("Year-end review");
        meeting.setPlannedDate(java.time.LocalDate.now().plusDays(7));
        UUID review = reviews.schedule(tenant, meeting).id();
        open("/reviews/" + review);
        assertThat(Browser.text()).contains("(f) Results of risk assessment").contains("Medium")
                .contains("Acceptances of residual risk: 1 in force").contains("Statement of Applicability: version 1 in force");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.evaluate(\"//h2[starts-with(.,'(f)')]\", document, null, 9, null).singleNodeValue.scrollIntoView()");
        Browser.screenshot("review-input-f");
        String minutes = Browser.pdfText("http://localhost:" + port + "/reviews/" + review + "/minutes.pdf");
        assertThat(minutes).contains("0 risks are above the risk acceptance criteria", "Treatment actions: 1 done, 0 open, 0 overdue",
                "version 1 in force");
    }
}
