package dev.ratchet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.ratchet.Browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A newcomer who wants to look around first: the demo from the first-run page, then its dashboard. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:demo-first-run;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class DemoBrowserIT {

    static final String EMAIL = "sam.explorer@example.com";

    @LocalServerPort
    int port;

    @Test
    void theDemoStartsFromTheFirstRunPageAndOpensOnALivingDashboard() {
        WebDriver browser = Browser.driver();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/setup");
        browser.findElement(By.linkText("Explore with a demo organisation")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Explore with a demo organisation");

        // A bad password is refused next to the field and creates nothing.
        Browser.type(By.id("displayName"), "Sam Explorer");
        Browser.type(By.id("email"), EMAIL);
        Browser.type(By.id("password"), "password123456");
        Browser.type(By.id("passwordConfirmation"), "password123456");
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(browser.findElement(By.id("password")).getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("This password is too easy to guess");
        Browser.screenshot("demo-start");

        Browser.type(By.id("password"), Browser.PASSWORD);
        Browser.type(By.id("passwordConfirmation"), Browser.PASSWORD);
        browser.findElement(By.cssSelector("#main form button[type=submit]")).sendKeys(org.openqa.selenium.Keys.ENTER);
        // The story takes a few seconds: the page says so and the button cannot be pressed twice.
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Kestrel Analytics Ltd is ready");

        Browser.signIn(port, EMAIL);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kestrel Analytics Ltd");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("open nonconformities", "overdue actions", "expired policy exceptions", "Open nonconformities by source",
                "next management review");
        // Each chart is drawn (Chart.js sets a size on its canvas) and has data.
        List<WebElement> charts = browser.findElements(By.cssSelector("canvas[data-chart]"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> charts.stream().allMatch(c -> drawn(browser, c)));
        for (WebElement chart : charts) {
            assertThat(chart.getDomAttribute("data-values")).as("chart %s", chart.getDomAttribute("aria-label")).matches(".*[1-9].*");
        }
        Browser.screenshot("demo-dashboard");

        // The register behind a chart holds the story's records.
        browser.findElement(By.linkText("Improvements")).click();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Leaver accounts not removed within one working day");
        Browser.screenshot("demo-register");

        // The other registers are alive too.
        visit(browser, "/audits", "demo-audits", "Halden Retail onboarding security audit", "In progress");
        visit(browser, "/reviews", "demo-reviews", "Management review, ", "Minutes approved", "Planned");
        visit(browser, "/policies", "demo-policies", "Continual Improvement Policy", "Information Security Policy");
        visit(browser, "/objectives", "demo-objectives", "Phishing simulation click rate", "Patch critical vulnerabilities");
    }

    private void visit(WebDriver browser, String path, String screenshot, String... texts) {
        browser.get("http://localhost:" + port + path);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(texts);
        Browser.screenshot(screenshot);
    }

    private static boolean drawn(WebDriver browser, WebElement canvas) {
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].width", canvas);
        return width instanceof Number n && n.intValue() > 0 && canvas.getDomAttribute("style") != null;
    }
}
