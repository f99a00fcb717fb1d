package dev.ratchet;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.organisation.OrganisationManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

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

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * Calls the organisation's API as a person of the role and expects the status; the JSON answer, or null when
     * there is none. A body sent to an import is CSV unless it is a JSON object or array; any other body is JSON.
     */
    protected tools.jackson.databind.JsonNode api(TestOrganisation org, dev.ratchet.identity.Role role, String method, String path,
            String body, int expected) throws Exception {
        var request = MockMvcRequestBuilders.request(
                HttpMethod.valueOf(method), "/api/v1/organisations/{org}" + path, org.id());
        request.header("Authorization", org.bearer(role));
        if (body != null) {
            boolean json = body.startsWith("{") || body.startsWith("[") || !path.contains("/import");
            request.contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("text/csv")).content(body);
        }
        String response = mvc.perform(request).andExpect(MockMvcResultMatchers.status().is(expected))
                .andReturn().getResponse().getContentAsString();
        return response.isEmpty() || !response.startsWith("{") && !response.startsWith("[") ? null : JSON.readTree(response);
    }

    protected boolean onPostgres() {
        return "postgresql".equals(System.getProperty("ratchet.test.database"));
    }
}
