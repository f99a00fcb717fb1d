package dev.ratchet;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;

import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests of a capability share: the server's port, the browser, a new organisation to work in and
 * the way to a page. Each test class keeps its own database (its {@code @SpringBootTest} names it).
 */
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected IdentityManagement identity;

    @Autowired
    protected OrganisationManagement organisations;

    protected WebDriver browser;

    /** A new organisation with default settings; add its people with {@code identity.addMember}. */
    protected OrganisationDetails newOrganisation(String name) {
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName(name);
        return organisations.create(settings);
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    protected void signIn(String email) {
        Browser.signIn(port, email);
    }
}
