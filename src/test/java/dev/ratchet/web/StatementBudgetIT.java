package dev.ratchet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestSession;
import dev.ratchet.demo.DemoOrganisation;
import dev.ratchet.shared.Tenant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each main page and API call sends at most the SQL statements written next to it, in the demo organisation (18 months
 * of records, actions, audits, reviews, risks): a page that starts asking once per row, or a layout that looks the
 * same thing up twice, fails here before anyone feels it. Counted as the access log counts them (every statement of
 * the request, the session's own included), on the request's thread. A budget is the count measured when it was
 * written with a little room; raise one only with the reason in the commit. Of every page's count, three are the
 * session's (read, stored, and read again by Spring Session as it stores it), five the person's standing (account,
 * memberships, organisations, provider rule, invitations) and one the navigation's badges; an API call by token pays
 * four (token, its last use, account, membership) and no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementBudgetIT extends IntegrationTest {

    private static final String PASSWORD = "budget-" + UUID.randomUUID();

    @Autowired
    DemoOrganisation demo;

    Tenant kestrel;
    TestSession session;
    String token;

    @BeforeAll
    void demoOrganisationAndASignedInManager() throws Exception {
        kestrel = demo.generate(93_001, PASSWORD);
        String email = jdbc.queryForObject("select email from app_user where id = ?", String.class, kestrel.userId());
        MvcResult signedIn = mvc.perform(formLogin("/login").userParameter("email").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        session = TestSession.of(signedIn, jdbc);
        token = identity.createToken(kestrel.userId(), "statement budget", 1);
    }

    private UUID any(String sql) {
        return jdbc.queryForObject(sql + " limit 1", UUID.class, kestrel.organisationId());
    }

    private int statements(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
        return (Integer) result.getRequest().getAttribute(StatementCount.ATTRIBUTE);
    }

    private void within(Map<String, Integer> budgets, java.util.function.Function<String, MockHttpServletRequestBuilder> request)
            throws Exception {
        List<String> over = new ArrayList<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> budget : budgets.entrySet()) {
            statements(request.apply(budget.getKey())); // the first call may fill what is cached for the next ones
            int n = statements(request.apply(budget.getKey()));
            counted.put(budget.getKey(), n);
            if (n > budget.getValue()) {
                over.add(budget.getKey() + ": " + n + " statements, budget " + budget.getValue());
            }
        }
        System.out.println("statements per request: " + counted);
        assertThat(over).as("requests over their statement budget (all counted: %s)", counted).isEmpty();
    }

    @Test
    void pagesStayWithinTheirStatementBudgets() throws Exception {
        UUID record = any("select id from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY' and status = 'CLOSED'");
        UUID audit = any("select id from audit where organisation_id = ?");
        UUID review = any("select id from management_review where organisation_id = ?");
        UUID risk = any("select id from risk where organisation_id = ?");
        UUID incident = any("select id from incident where organisation_id = ?");
        Map<String, Integer> budgets = new LinkedHashMap<>();
        budgets.put("/", 44); // the dashboard: every figure of the ISMS, each register asked apart
        budgets.put("/improvements", 15);
        budgets.put("/improvements?kind=NONCONFORMITY&status=CLOSED&source=INTERNAL_AUDIT", 15);
        budgets.put("/improvements?q=access", 15);
        budgets.put("/improvements/trends", 14); // the banner the register page asks for once shown
        budgets.put("/improvements/" + record, 26);
        budgets.put("/actions", 19);
        budgets.put("/actions/mine", 21); // with what else waits for the person (approvals, reviews)
        budgets.put("/notifications", 12);
        budgets.put("/audits", 21);
        budgets.put("/audits/" + audit, 21);
        budgets.put("/reviews", 18);
        budgets.put("/reviews/" + review, 23);
        budgets.put("/risks", 22);
        budgets.put("/risks/" + risk, 25);
        budgets.put("/incidents", 15);
        budgets.put("/incidents/" + incident, 16);
        budgets.put("/objectives", 16);
        budgets.put("/obligations", 15);
        budgets.put("/changes", 14);
        budgets.put("/policies", 32);
        within(budgets, path -> get(path).with(session));
    }

    @Test
    void theRegisterAsAnHtmxFragmentSendsFewerStatementsThanThePage() throws Exception {
        String filtered = "/improvements?kind=NONCONFORMITY&status=CLOSED";
        within(Map.of(filtered, 13), path -> get(path).with(session).header("HX-Request", "true"));
    }

    @Test
    void apiCallsStayWithinTheirStatementBudgets() throws Exception {
        UUID record = any("select id from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY' and status = 'CLOSED'");
        String api = "/api/v1/organisations/" + kestrel.organisationId();
        Map<String, Integer> budgets = new LinkedHashMap<>();
        budgets.put(api + "/improvements", 9);
        budgets.put(api + "/improvements?q=access&kind=NONCONFORMITY", 9);
        budgets.put(api + "/improvements/" + record, 19);
        budgets.put(api + "/actions", 12);
        budgets.put(api + "/risks", 9);
        within(budgets, path -> get(path).header("Authorization", "Bearer " + token));
    }
}
