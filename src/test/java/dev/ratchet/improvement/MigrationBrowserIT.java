package dev.ratchet.improvement;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISMS manager brings a workbook in through the pages: sheet, values and states checked, imported, then undone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:migration-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class MigrationBrowserIT extends BrowserTest {

    @Test
    void aWorkbookIsPreviewedCorrectedImportedAndUndone() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Northwind Logistics");
        MemberForm manager = Browser.member("nadia.manager@example.com", "Nadia Manager", Role.ISMS_MANAGER, Role.ADMIN);
        identity.addMember(organisation.id(), manager, dev.ratchet.Browser.PASSWORD);
        Path file = Files.createTempFile("Findings register", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = workbook.createSheet("Summary");
            summary.createRow(0).createCell(0).setCellValue("Open findings: see the Register sheet");
            Sheet register = workbook.createSheet("Register");
            register.createRow(0).createCell(0).setCellValue("Findings register");
            String[] headers = { "Finding ID", "Finding", "Severity", "Status", "Closed", "Owner" };
            Row header = register.createRow(1);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            String[][] rows = { { "F-1", "Patching late on the VPN appliance", "Major", "Open", "", "nadia.manager@example.com" },
                    { "F-2", "Badges kept by leavers", "Minor", "Closed", "2025-06-30", "N. Manager" },
                    { "F-3", "Access review could be automated", "Observation", "On hold", "", "Jo Bloggs" },
                    { "F-4", "Clean desk not kept in finance", "Needs review", "Open", "", "" } };
            for (int r = 0; r < rows.length; r++) {
                Row row = register.createRow(r + 2);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            Files.write(file, out.toByteArray());
        }

        signIn("nadia.manager@example.com");
        open("/improvements/migration");
        assertThat(Browser.text()).contains("None yet");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));

        // The register sheet and its header row are found; "Needs review" is a severity Ratchet cannot guess.
        assertThat(new Select(browser.findElement(By.id("sheet"))).getFirstSelectedOption().getText()).isEqualTo("Register");
        assertThat(browser.findElement(By.id("header")).getAttribute("value")).isEqualTo("2");
        assertThat(Browser.text()).contains("1 problem(s)").contains("Choose what \"Needs review\" means")
                .contains("with an owner who is no member (\"Jo Bloggs\")");
        Browser.screenshot("migration-preview-problem");
        new Select(browser.findElement(By.cssSelector("#values-GRADE select[name='v:GRADE:needs review']"))).selectByVisibleText("Minor");
        Browser.submit(browser.findElement(By.cssSelector("#settings button[type=submit]")));
        assertThat(Browser.text()).contains("Every row can be imported").doesNotContain("problem(s)");
        assertThat(browser.findElement(By.id("states")).getText()).contains("Closed").contains("the status column says so");
        Browser.screenshot("migration-preview-ready");

        Browser.submit(browser.findElement(By.cssSelector("#import button[type=submit]")));
        assertThat(Browser.text()).contains("4 records from").contains("You can undo this migration until");
        open("/improvements/migration");
        assertThat(browser.findElement(By.id("migrations")).getText()).contains("Findings register").contains("sheet Register");
        browser.findElement(By.cssSelector("#migrations summary")).click();
        Browser.screenshot("migration-undo");
        Browser.submit(browser.findElement(By.cssSelector("#migrations form button[type=submit]")));
        assertThat(Browser.text()).contains("is undone: its 4 records are no longer in the register");
        assertThat(browser.findElement(By.id("migrations")).getText()).contains("Undone");
    }
}
