package dev.ratchet.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISMS manager imports incidents from another tool, records one by hand and raises a nonconformity from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:incident-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class IncidentBrowserIT extends BrowserTest {

    static final String PASSWORD = "copper-Meadow-harbour-62-violin";

    @Test
    void incidentsComeInByImportAndByHandAndRaiseANonconformity() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Wingtip Logistics");
        MemberForm manager = new MemberForm();
        manager.setEmail("ivan.manager@example.com");
        manager.setDisplayName("Ivan Manager");
        manager.setRoles(Set.of(Role.ISMS_MANAGER));
        identity.addMember(organisation.id(), manager, dev.ratchet.Browser.PASSWORD);

        open("/login");
        Browser.type(By.id("email"), "ivan.manager@example.com");
        Browser.type(By.id("password"), PASSWORD);
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        open("/incidents");
        assertThat(Browser.text()).contains("No incidents here");
        Browser.submit(browser.findElement(By.linkText("Import from CSV")));
        Path csv = Files.createTempFile("incidents", ".csv");
        Files.writeString(csv, """
                Reference,Title,Occurred,Detected,Resolved,Category,Severity,Affected assets,Summary,Response,Lessons learned
                SD-4411,Ransomware blocked on a laptop,2026-02-03 09:00,2026-02-03 09:04,2026-02-03 11:30,Malware,High,Laptop WL-221,EDR blocked encryption of the user's documents,Laptop reimaged,Macros from e-mail still allowed
                SD-4502,Courier portal down,,2026-02-10 07:15,2026-02-10 09:40,Outage or loss of availability,Medium,Courier portal,The hosting provider had a network outage,Failover by hand,Failover is not automatic
                """);
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        Browser.submit(browser.findElement(By.xpath("//button[text()='Check the file']")));
        assertThat(Browser.text()).contains("2 rows ready to import").contains("SD-4411");
        Browser.screenshot("incident-import-preview");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Import 2 rows']")));
        assertThat(Browser.text()).contains("2 incidents imported").contains("Ransomware blocked on a laptop");

        Browser.submit(browser.findElement(By.linkText("Record an incident")));
        Browser.type(By.id("title"), "Customer list e-mailed to the wrong recipient");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('occurredAt').value = '2026-03-04T10:20'");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('detectedAt').value = '2026-03-04T10:45'");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Data leak or disclosure");
        new Select(browser.findElement(By.id("severity"))).selectByVisibleText("High");
        Browser.type(By.id("summary"), "A spreadsheet with 240 customer contacts went to an external address by autocomplete.");
        Browser.type(By.id("lessonsLearned"), "Autocomplete of external addresses is on; no DLP warning.");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Record the incident']")));
        assertThat(Browser.text()).contains("INC-2026-001 is recorded").contains("Not resolved");

        Browser.submit(browser.findElement(By.linkText("Raise a nonconformity or opportunity")));
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).contains("Lessons learned: Autocomplete");
        new Select(browser.findElement(By.id("grade"))).selectByVisibleText("Minor");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Raise it in the improvement register']")));
        assertThat(Browser.text()).contains("is raised from this incident");
        assertThat(browser.findElement(By.cssSelector("a[href^='/improvements/']")).getText()).startsWith("NC-");
        Browser.screenshot("incident");

        open("/incidents");
        assertThat(Browser.text()).contains("INC-2026-001").contains("SD-4411").contains("SD-4502");
        Browser.screenshot("incident-register");
    }

}
