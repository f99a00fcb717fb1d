package dev.ratchet;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.organisation.OrganisationManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application on the test database: in-memory H2, or PostgreSQL when the build names one. All
 * integration tests share this one context, so the suite starts Spring once per database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected IdentityManagement identity;

    @Autowired
    protected OrganisationManagement organisations;

    @Autowired
    protected JdbcTemplate jdbc;

    protected TestOrganisation newOrganisation(String label) {
        return TestOrganisation.create(identity, organisations, label);
    }

    protected boolean onPostgres() {
        return "postgresql".equals(System.getProperty("ratchet.test.database"));
    }
}
