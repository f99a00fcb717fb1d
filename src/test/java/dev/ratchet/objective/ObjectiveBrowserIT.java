package dev.ratchet.objective;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISMS manager sets an objective, enters measurements, sees the trend chart and raises the suggested opportunity. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:objective-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class ObjectiveBrowserIT extends BrowserTest {

    static final String PASSWORD = "copper-Meadow-harbour-62-violin";

    @Test
    void anObjectiveOffTargetShowsItsTrendAndSuggestsAnOpportunity() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Tailspin Cloud");
        MemberForm manager = new MemberForm();
        manager.setEmail("olga.manager@example.com");
        manager.setDisplayName("Olga Manager");
        manager.setRoles(Set.of(Role.ISMS_MANAGER, Role.ADMIN));
        identity.addMember(organisation.id(), manager, dev.ratchet.Browser.PASSWORD);

        open("/login");
        Browser.type(By.id("email"), "olga.manager@example.com");
        Browser.type(By.id("password"), PASSWORD);
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        open("/objectives");
        assertThat(Browser.text()).contains("No objectives here yet");
        Browser.submit(browser.findElement(By.linkText("New objective")));
        Browser.type(By.id("title"), "Patch critical vulnerabilities quickly");
        Browser.type(By.id("measure"), "Critical patches applied within 14 days");
        Browser.type(By.id("target"), "95");
        Browser.type(By.id("unit"), "%");
        new Select(browser.findElement(By.id("ownerId"))).selectByVisibleText("Olga Manager");
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(Browser.text()).contains("OBJ-01 is set");

        LocalDate today = LocalDate.now();
        measure(today.minusMonths(2), "97");
        measure(today.minusMonths(1), "91");
        measure(today, "88");
        assertThat(browser.findElement(By.id("target-status")).getText()).isEqualTo("Off target for 2 periods");
        assertThat(browser.findElement(By.id("suggestion")).getText()).contains("Off target for 2 periods in a row");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("trend")).getDomAttribute("data-rendered")));
        assertThat(browser.findElement(By.id("trend")).getSize().getHeight()).isGreaterThan(100);
        Browser.screenshot("objective-trend");

        Browser.submit(browser.findElement(By.linkText("Raise an opportunity")));
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).contains("Off target in the last 2 measurements");
        Browser.submit(browser.findElement(By.xpath("//button[text()='Raise it in the improvement register']")));
        assertThat(Browser.text()).contains("is raised from this objective").doesNotContain("Off target for 2 periods in a row");
        WebElement link = browser.findElement(By.cssSelector("a[href^='/improvements/']"));
        assertThat(link.getText()).startsWith("OFI-");

        Path csv = Files.createTempFile("measurements", ".csv");
        Files.writeString(csv, "Objective,Date,Value\nOBJ-01,2024-02-30,90\nOBJ-07,2024-03-01,91\n");
        open("/objectives/import");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        Browser.submit(browser.findElement(By.xpath("//button[text()='Check the file']")));
        assertThat(Browser.text()).contains("2 problems").contains("Nothing has been imported").contains("OBJ-07");
        Browser.screenshot("objective-import-problems");
    }

    private void measure(LocalDate on, String value) {
        WebElement date = browser.findElement(By.id("measuredOn"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", date, on.toString());
        Browser.type(By.id("value"), value);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the measurement']")));
        assertThat(Browser.text()).contains("Measurement saved");
    }

}
