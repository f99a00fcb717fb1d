package dev.ratchet.improvement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISMS manager takes a nonconformity through clause 10.2 in a real browser, an ineffective attempt included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:improvement-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class ImprovementBrowserIT extends BrowserTest {

    static final String PASSWORD = "copper-Meadow-harbour-62-violin";

    @Autowired
    ImprovementManagement improvements;

    @Test
    void aNonconformityIsReportedContainedAnalysedActionedReviewedReanalysedAndClosed() throws Exception {
        browser = Browser.driver();
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName("Fabrikam Health");
        settings.setEffectivenessWaitDays(0);
        var organisation = organisations.create(settings);
        MemberForm manager = new MemberForm();
        manager.setEmail("isla.manager@example.com");
        manager.setDisplayName("Isla Manager");
        manager.setRoles(Set.of(Role.ISMS_MANAGER, Role.ADMIN));
        UUID memberId = identity.addMember(organisation.id(), manager, dev.ratchet.Browser.PASSWORD).userId();

        open("/login");
        type(By.id("email"), "isla.manager@example.com");
        type(By.id("password"), PASSWORD);
        submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        open("/improvements");
        assertThat(page()).contains("The register is empty");
        browser.findElement(By.linkText("Report the first nonconformity")).click();
        type(By.id("title"), "Leavers keep VPN access");
        type(By.id("description"), "Two leavers still had VPN accounts 30 days after leaving.");
        new Select(browser.findElement(By.id("source"))).selectByVisibleText("Internal audit");
        Browser.choose("requirements", "A.5.18 Access rights");
        submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
        String reference = "NC-" + LocalDate.now().getYear() + "-001";
        assertThat(page()).contains(reference + " is reported.");

        step("Triage", Map.of(), Map.of("ownerId", "Isla Manager", "grade", "Minor"));
        step("Record the correction", Map.of("correction", "Both VPN accounts disabled",
                "consequences", "VPN logs checked: no use after leaving"), Map.of());
        assertThat(status()).isEqualTo("Contained");

        // The analysis is refused without its structure, naming what is missing, and changes nothing.
        step("Record the analysis", Map.of("reviewSummary", "Confirmed with HR and IT"), Map.of());
        assertThat(page()).contains("The analysis needs:").contains("a chain of at least two whys");
        assertThat(status()).isEqualTo("Contained");
        Browser.screenshot("improvement-refused-analysis");

        step("Record the analysis", Map.of("reviewSummary", "Confirmed with HR and IT records",
                "whys[0]", "Accounts were not disabled", "whys[1]", "IT was not told of the leavers",
                "whys[2]", "The leaver checklist has no IT step", "rootCause", "The leaver process does not inform IT",
                "elsewhereJudgement", "Contractors leave through the same process"),
                Map.of(), "ce-yes", "ca-yes");
        assertThat(status()).isEqualTo("Analysed");

        step("Plan actions", Map.of("actions[0].title", "Add an IT step to the leaver checklist",
                "actions[0].dueDate", LocalDate.now().plusDays(14).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                "actions[0].successCriteria", "No leaver account active 24 h after leaving"),
                Map.of("actions[0].ownerId", "Isla Manager"));
        assertThat(status()).isEqualTo("Actions planned");

        // The owner completes the action from the tracker, with evidence, next to its success criteria.
        String recordPage = browser.getCurrentUrl();
        open("/actions/mine");
        assertThat(page()).contains("Add an IT step to the leaver checklist").contains("1 open, 0 due this week, 0 overdue")
                .contains("Success criteria: No leaver account active 24 h after leaving");
        Browser.screenshot("my-actions");
        WebElement evidence = browser.findElement(By.cssSelector(".action-item textarea[name=evidence]"));
        evidence.sendKeys("Checklist v2 published in the wiki");
        // The row updates in place (htmx, CSRF header included): the list does not reload.
        browser.findElement(By.cssSelector(".action-item form button[type=submit]")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".action-item"), "is done."));
        assertThat(browser.findElement(By.cssSelector(".action-item")).getText())
                .contains("Evidence: Checklist v2 published in the wiki").contains("Done");
        browser.get(recordPage);
        assertThat(page()).contains("Evidence: Checklist v2 published in the wiki");

        step("Mark implemented", Map.of(), Map.of());
        step("Start the effectiveness review", Map.of(), Map.of());
        step("Record the effectiveness review", Map.of("method", "Sampled this month's leavers",
                "evidence", "One account still active after 3 days",
                "independenceNote", "Only ISMS person in the company; the auditor will re-check"), Map.of(), "ef-no");
        assertThat(status()).isEqualTo("Analysed");
        assertThat(page()).contains("Not effective").contains("attempt 2 at a corrective action");

        step("Record the analysis", Map.of("reviewSummary", "The remaining account was a shared service account",
                "whys[0]", "The account was not a person's", "whys[1]", "Shared accounts are outside the leaver process",
                "rootCause", "Shared accounts have no owner", "elsewhereJudgement", "Covered by the A.5.16 review",
                "noActionJustification", "Shared accounts are handled by the identity management review (A.5.16)"),
                Map.of(), "ce-no", "ca-no");
        step("Close without corrective action", Map.of(), Map.of());
        assertThat(status()).isEqualTo("Closed");
        // The first attempt's analysis stays on the page beside the second's, and the record document is offered.
        assertThat(page()).contains("Analysis, attempt 1").contains("Not effective").contains("Analysis, attempt 2")
                .contains("Shared accounts have no owner").contains("Record document: PDF · Word");
        Browser.screenshot("improvement-closed");

        // Evidence goes up through a real multipart form (CSRF token included) and comes with its hash.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("leaver-checklist", ".txt");
        java.nio.file.Files.writeString(file, "Leaver checklist v2: IT disables accounts on the last day");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("evidenceDate")).sendKeys(LocalDate.now().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        submit(browser.findElement(By.cssSelector("#evidence form button[type=submit]")));
        assertThat(page()).contains("is attached (SHA-256").contains(file.getFileName().toString());
        Browser.screenshot("improvement-evidence");

        // Two more leavers' findings make a trend against A.5.18 on the register.
        var isla = identity.tenant(memberId, organisation.id()).orElseThrow();
        for (String title : List.of("Leaver kept CRM access", "Leaver kept building badge")) {
            ReportForm form = new ReportForm();
            form.setTitle(title);
            form.setDescription("Found in the monthly leaver check");
            form.setRequirements(List.of("iso27001-2022:A.5.18"));
            improvements.report(isla, form);
        }
        open("/improvements");
        assertThat(page()).contains(reference).contains("Closed").contains("3 nonconformities against A.5.18 Access rights");
        Browser.screenshot("improvement-register");
    }

    private void step(String label, Map<String, String> texts, Map<String, String> choices, String... radios) {
        WebElement details = browser.findElements(By.cssSelector(".next-step details")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No step \"" + label + "\" on the page: " + page()));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        }
        texts.forEach((name, value) -> {
            WebElement field = details.findElement(By.name(name));
            field.clear();
            field.sendKeys(value);
        });
        choices.forEach((name, visible) -> new Select(details.findElement(By.name(name))).selectByVisibleText(visible));
        for (String radio : radios) {
            details.findElement(By.id(radio)).sendKeys(Keys.SPACE);
        }
        submit(details.findElement(By.cssSelector("button[type=submit]")));
    }

    private String status() {
        return browser.findElement(By.id("record-status")).getText();
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
