package dev.ratchet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests, never a downloaded driver. Where Chromium is missing the tests are
 * skipped, except in CI where that fails the build. A failing test leaves a screenshot in target/screenshots.
 */
public final class Browser implements TestWatcher {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver driver;

    public static WebDriver driver() {
        if (driver == null) {
            boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
            if (!available) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver for the browser suite");
                }
                Assumptions.abort("Chromium is not installed: apt-get install chromium chromium-driver");
            }
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900");
            driver = new ChromeDriver(options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return driver;
    }

    /** Presses a button or link by keyboard (a click can be intercepted) and waits for the next page. */
    public static void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.sendKeys(Keys.ENTER);
        waitForNextPage(before);
    }

    /**
     * Waits until the page the element belonged to is gone. Chromium sometimes answers a question about an element
     * of a page being replaced with "node does not belong to the document" instead of "stale": both mean gone.
     */
    public static void waitForNextPage(WebElement before) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                before.isEnabled();
                return false;
            }
            catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** The password of the people the browser tests add. */
    public static final String PASSWORD = "copper-Meadow-harbour-62-violin";

    /** A member to add for a browser test, signing in with {@link #PASSWORD}. */
    public static dev.ratchet.identity.MemberForm member(String email, String name, dev.ratchet.identity.Role... roles) {
        dev.ratchet.identity.MemberForm form = new dev.ratchet.identity.MemberForm();
        form.setEmail(email);
        form.setDisplayName(name);
        form.setRoles(java.util.Set.of(roles));
        return form;
    }

    /** Signs in on the sign-in page of the application at this port. */
    public static void signIn(int port, String email) {
        signIn(port, email, PASSWORD);
    }

    /** Signs in with the password given (a {@code TestOrganisation}'s people have their own). */
    public static void signIn(int port, String email, String password) {
        driver.get("http://localhost:" + port + "/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        submit(driver.findElement(By.cssSelector("#main form button[type=submit]")));
    }

    /**
     * Chooses an entry of a searchable list (Tom Select) as a person does by keyboard: types into its field and
     * presses Enter, then Escape to close the list.
     */
    public static void choose(String selectId, String search) {
        WebElement field = driver.findElement(By.id(selectId + "-ts-control"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(search);
        // Enter once the list has filtered to what was typed: the entry it marks is the one meant.
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#" + selectId + "-ts-dropdown .option.active"))
                .stream().anyMatch(option -> option.getText().toLowerCase().contains(search.toLowerCase())));
        field.sendKeys(Keys.ENTER);
        field.sendKeys(Keys.ESCAPE);
    }

    public static void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /** The visible text of the page. */
    public static String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Follows a download link with the browser's session, as the link does, and returns the file's bytes. */
    public static byte[] download(String href, String contentType) throws Exception {
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).header("Cookie", "JSESSIONID=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(href).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).as(href).hasValue(contentType);
        return response.body();
    }

    /** The text of a PDF behind a download link, whitespace collapsed. */
    public static String pdfText(String href) throws Exception {
        return Documents.pdfText(download(href, "application/pdf"));
    }

    /** The text of a Word document behind a download link, whitespace collapsed. */
    public static String docxText(String href) throws Exception {
        return Documents.docxText(download(href, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    public static void screenshot(String name) {
        if (driver instanceof TakesScreenshot camera) {
            try {
                Path folder = Files.createDirectories(Path.of("target", "screenshots"));
                Files.write(folder.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
            }
            catch (Exception e) {
                System.err.println("No screenshot: " + e.getMessage());
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    }
}
