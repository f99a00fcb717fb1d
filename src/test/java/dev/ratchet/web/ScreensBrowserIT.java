package dev.ratchet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.ratchet.Browser;
import dev.ratchet.BrowserTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Transition;
import dev.ratchet.improvement.TransitionRequest;
import dev.ratchet.improvement.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens as a busy person meets them: the navigation fits 1280 and 1366 px with two organisations of long names,
 * required fields are marked before anyone sends a form and a refused one says which field and why (to assistive
 * technology too, with the focus on the first), the analysis form shows the chosen method's fields only, and axe-core
 * finds no critical or serious violation on the main pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:screens-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(Browser.class)
class ScreensBrowserIT extends BrowserTest {

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    dev.ratchet.action.ActionManagement actions;

    @Test
    void theMainScreensFitAreMarkedAndPassAxe() throws Exception {
        browser = Browser.driver();
        TestOrganisation first = TestOrganisation.create(identity, organisations,
                "Northwind Trading Company International Holdings Limited (Europe, Middle East and Africa)");
        var other = newOrganisation("Contoso Pharmaceuticals and Life Sciences Research Group plc");
        var invited = identity.addMember(other.id(), Browser.member(first.email(Role.ISMS_MANAGER), "ignored", Role.ADMIN), dev.ratchet.Browser.PASSWORD);
        identity.acceptInvitation(first.userIds().get(Role.ISMS_MANAGER), invited.id());
        ImprovementView nc = Workflow.reported(improvements, first, "Leavers keep VPN access for weeks after they leave the company");
        TransitionRequest triage = Workflow.step(Transition.TRIAGE, nc);
        triage.setOwnerId(first.userIds().get(Role.CONTRIBUTOR));
        triage.setGrade(dev.ratchet.improvement.Grade.MINOR);
        nc = improvements.transition(first.tenant(Role.ISMS_MANAGER), nc.id(), triage);
        TransitionRequest contain = Workflow.step(Transition.CONTAIN, nc);
        contain.setCorrection("Both accounts disabled");
        contain.setConsequences("VPN logs checked");
        nc = improvements.transition(first.tenant(Role.ISMS_MANAGER), nc.id(), contain);
        organisations.setLogo(first.id(), first.userIds().get(Role.ADMIN), "northwind.png", dev.ratchet.Documents.logoPng());
        // Two actions to see in the tables and on the start page (one of them the signed-in manager's own).
        actions.plan(first.id(), "IMPROVEMENT", nc.id(), nc.reference(), null, 1, List.of(
                new PlannedAction("Disable the VPN accounts of every leaver of the last quarter", null, first.userIds().get(Role.ISMS_MANAGER),
                        java.time.LocalDate.now().plusDays(5), "No leaver of the quarter has an active VPN account"),
                new PlannedAction("Add an IT step to the leaver checklist", null, first.userIds().get(Role.CONTRIBUTOR),
                        java.time.LocalDate.now().minusDays(2), "The checklist names the step and who does it")));

        Browser.signIn(port, first.email(Role.ISMS_MANAGER), TestOrganisation.PASSWORD);
        if (!browser.findElement(By.tagName("h1")).getText().startsWith("Northwind")) {
            browser.findElement(By.id("account-menu")).click();
            Browser.submit(browser.findElement(By.xpath("//form[contains(@class,'org-switch')]/button[starts-with(text(),'Northwind')]")));
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Northwind");
        List<String> pages = List.of("/", "/improvements", "/improvements/new", "/improvements/" + nc.id(), "/actions", "/actions/mine",
                "/audits", "/reviews", "/policies", "/objectives", "/incidents", "/members", "/settings", "/account", "/catalogue");
        // Every page at 1280 px; at 1366 px the navigation is the same, so three pages of different kinds suffice.
        for (int width : List.of(1280, 1366)) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : width == 1280 ? pages : List.of("/", "/improvements/" + nc.id(), "/settings")) {
                open(page);
                assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as("no horizontal scroll at %d px on %s", width, page).isEqualTo(true);
                WebElement account = browser.findElement(By.id("account-menu"));
                assertThat(account.getRect().getX() + account.getRect().getWidth()).as("account menu on screen at %d px on %s", width, page)
                        .isLessThanOrEqualTo(width);
            }
        }
        // On a phone the register and the actions are stacks of rows with the title readable, nothing scrolls sideways.
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/improvements", "/actions", "/improvements/" + nc.id(), "/")) {
            open(page);
            assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no horizontal scroll at 390 px on %s", page).isEqualTo(true);
        }
        open("/improvements");
        Browser.screenshot("register-phone-390");
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/");
        Browser.screenshot("navigation-two-organisations-1280");
        open("/settings");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('logo').scrollIntoView({block: 'center'})");
        assertThat(browser.findElement(By.id("logo")).getText()).contains("northwind.png");
        Browser.screenshot("settings-logo");
        open("/actions");
        assertThat(browser.findElement(By.cssSelector(".actions-table")).getText()).contains("Add an IT step to the leaver checklist")
                .contains("overdue");
        Browser.screenshot("all-actions-table");
        open("/");
        assertThat(browser.findElement(By.id("waiting")).getText()).contains("Finish your action")
                .contains("Disable the VPN accounts of every leaver");
        Browser.screenshot("start-page-waiting-for-you");
        open("/improvements/" + nc.id());
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.action-files, details summary') && document.querySelectorAll('td details')[0].setAttribute('open', '')");
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('td details')[0].scrollIntoView({block: 'center'})");
        Browser.screenshot("record-action-evidence");

        // Required fields are marked before a submit; a refused submit marks them for everyone and lands on the first.
        open("/improvements/new");
        assertThat(browser.findElement(By.cssSelector("label[for='title'] .required-mark")).getText()).isEqualTo("*");
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-required")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("label[for='tags'] .required-mark"))).isEmpty();
        Browser.submit(browser.findElement(By.cssSelector("form[action$='/improvements'] button[type='submit']")));
        WebElement title = browser.findElement(By.id("title"));
        assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
        String describedBy = title.getAttribute("aria-describedby");
        assertThat(describedBy).isNotBlank();
        assertThat(browser.findElement(By.id(describedBy.split(" ")[describedBy.split(" ").length - 1])).getText()).isNotBlank();
        assertThat(script("return document.activeElement.classList.contains('is-invalid')")).isEqualTo(true);
        Browser.screenshot("required-fields-refused");
        List<String> refused = axe();

        // The analysis shows the chosen method's fields only.
        open("/improvements/" + nc.id());
        WebElement analyse = browser.findElement(By.xpath("//summary[text()='" + Transition.ANALYSE.label() + "']"));
        if (analyse.findElement(By.xpath("..")).getAttribute("open") == null) {
            analyse.click();
        }
        assertThat(browser.findElement(By.id("why0")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("why0")).getTagName()).isEqualTo("textarea");
        assertThat(browser.findElements(By.cssSelector("[data-when='FISHBONE']")).get(0).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("[data-when='FAULT_TREE']")).get(0).isDisplayed()).isFalse();
        browser.findElement(By.id("m-FISHBONE")).click();
        assertThat(browser.findElement(By.id("why0")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("[data-when='FISHBONE']")).get(0).isDisplayed()).isTrue();
        Browser.screenshot("analysis-one-method");

        // axe-core on the main pages: nothing critical or serious.
        List<String> found = new ArrayList<>(refused);
        for (String page : pages) {
            open(page);
            found.addAll(axe().stream().map(v -> page + ": " + v).toList());
        }
        assertThat(found).as("critical and serious axe-core violations").isEmpty();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The critical and serious violations axe-core finds on the page as it is now. */
    private List<String> axe() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (Set.of("critical", "serious").contains(rule.getImpact())) {
                found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return found;
    }
}
