package dev.ratchet.catalogue;

import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISMS manager of an EU SaaS company puts NIS2 and NIST CSF in scope, reports a nonconformity against A.5.24,
 * sees what it also touches, and finds it by NIS2's incident handling in the register, marked as mapped; then looks at
 * NIS2's coverage and classifies an incident as significant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:frameworks-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class FrameworksBrowserIT extends BrowserTest {

    @Test
    void aNonconformityAgainstA524ShowsWhatItAlsoTouchesAndTheNis2FilterFindsItMarkedAsMapped() throws Exception {
        browser = Browser.driver();
        var organisation = newOrganisation("Fjord Payments");
        identity.addMember(organisation.id(), Browser.member("nora.isms@example.com", "Nora Isms", Role.ISMS_MANAGER), Browser.PASSWORD);
        signIn("nora.isms@example.com");

        // Settings: frameworks in scope, by keyboard-reachable checkboxes.
        open("/settings/frameworks");
        assertThat(Browser.text()).contains("Frameworks in scope").contains("always in scope").contains("Mappings between frameworks");
        browser.findElement(By.id("fw-nis2-2022-2555")).sendKeys(org.openqa.selenium.Keys.SPACE);
        browser.findElement(By.id("fw-nist-csf-2.0")).sendKeys(org.openqa.selenium.Keys.SPACE);
        Browser.submit(browser.findElement(By.xpath("//button[text()='Save the frameworks in scope']")));
        assertThat(Browser.text()).contains("Frameworks in scope: ISO/IEC 27001:2022, NIS2 Directive (EU) 2022/2555, NIST Cybersecurity Framework 2.0.");
        Browser.screenshot("frameworks-in-scope");

        open("/improvements/new?kind=NONCONFORMITY");
        Browser.type(By.id("title"), "No tested incident response plan for the payment service");
        Browser.type(By.id("description"), "The tabletop exercise found no plan naming who declares an incident");
        new Select(browser.findElement(By.id("source"))).selectByVisibleText("Internal audit");
        Browser.choose("requirements", "A.5.24 Information security incident");
        Browser.submit(browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(Browser.text()).contains("also touches").contains("NIS2 Art.21(2)(b)").contains("NIST CSF 2.0 RS.MA-01");
        Browser.screenshot("record-also-touches");

        // Following the NIS2 link is the register filtered by it: the record is there, marked as mapped via A.5.24.
        Browser.submit(browser.findElement(By.linkText("NIS2 Art.21(2)(b)")));
        assertThat(new Select(browser.findElement(By.id("requirement"))).getFirstSelectedOption().getText()).startsWith("Art.21(2)(b)");
        assertThat(Browser.text()).contains("No tested incident response plan").contains("mapped via A.5.24");
        Browser.screenshot("register-filtered-by-nis2");

        open("/audits/coverage?framework=nis2-2022-2555");
        assertThat(Browser.text()).contains("Coverage of NIS2 Directive (EU) 2022/2555").contains("covered only through a mapped requirement audited");
        Browser.screenshot("coverage-nis2");
    }
}
