package dev.ratchet.dashboard;

import java.time.LocalDate;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard counts the organisation's own records in the database, each figure linking to what it counts. */
class DashboardIT extends IntegrationTest {

    @Autowired
    Dashboard dashboard;

    @Test
    void theDashboardCountsTheRegistersAndLinksToThem() throws Exception {
        TestOrganisation org = newOrganisation("Dashboard");
        TestOrganisation other = newOrganisation("Elsewhere");
        String nc = """
                {"kind":"NONCONFORMITY","title":"%s","description":"Found","source":"%s","grade":"%s","targetDate":"%s"}""";
        api(org, Role.CONTRIBUTOR, "POST", "/improvements", nc.formatted("Backups", "INTERNAL_AUDIT", "MAJOR", LocalDate.now().minusDays(3)), 201);
        JsonNode old = api(org, Role.CONTRIBUTOR, "POST", "/improvements", nc.formatted("Old one", "INCIDENT", "MINOR", LocalDate.now().plusDays(30)), 201);
        api(org, Role.CONTRIBUTOR, "POST", "/improvements", nc.formatted("Another", "INTERNAL_AUDIT", "MINOR", LocalDate.now().plusDays(30)), 201);
        api(other, Role.CONTRIBUTOR, "POST", "/improvements", nc.formatted("Not ours", "INTERNAL_AUDIT", "MAJOR", LocalDate.now()), 201);
        jdbc.update("update improvement_record set raised_at = raised_at - interval '200' day where id = ?", java.util.UUID.fromString(old.get("id").asString()));
        api(org, Role.ISMS_MANAGER, "POST", "/policies", "{\"title\":\"Backup Policy\",\"reviewMonths\":12,\"content\":\"# Backup\"}", 201);

        DashboardView d = dashboard.of(org.id());
        assertThat(d.improvements().openNonconformities()).isEqualTo(3);
        assertThat(d.improvements().overdueNonconformities()).isEqualTo(1);
        assertThat(d.bySource().labels()).containsExactly("Internal audit", "Information security incident");
        assertThat(d.bySource().values()).containsExactly(2L, 1L);
        assertThat(d.bySource().links().get(0)).isEqualTo("/improvements?kind=NONCONFORMITY&open=true&source=INTERNAL_AUDIT");
        assertThat(d.byGrade().values()).containsExactly(1L, 2L);
        assertThat(d.ageing().values()).containsExactly(2L, 0L, 0L, 1L);
        assertThat(d.ageing().links().get(3)).isEqualTo("/improvements?kind=NONCONFORMITY&open=true&raisedTo=" + LocalDate.now().minusDays(181));
        assertThat(d.closing().labels()).hasSize(12);
        assertThat(d.review().missing()).contains("who sits on the review team", "a meeting date");
        assertThat(d.programme().requirements()).isEqualTo(123);

        String page = mvc.perform(get("/").with(user(org.principal(Role.MANAGEMENT)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("open nonconformities").contains("data-chart=\"bars\"")
                .contains("href=\"/improvements?kind=NONCONFORMITY&amp;open=true&amp;source=INTERNAL_AUDIT\"").contains("Internal audit: 2")
                .contains("Over 180 days: 1").contains("ISO/IEC 27001 coverage");
        mvc.perform(get("/").with(user(org.principal(Role.CONTRIBUTOR)))).andExpect(redirectedUrl("/actions/mine"));

        // The register opens filtered to what the bar counts.
        String register = mvc.perform(get("/improvements?kind=NONCONFORMITY&open=true&raisedTo=" + LocalDate.now().minusDays(181))
                .with(user(org.principal(Role.MANAGEMENT)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(register).contains("Old one").doesNotContain("Another");
        // ... and keeps that filter visible, in its form (for exports and refining) and in its sort links.
        assertThat(register).containsPattern("id=\"open\" name=\"open\" value=\"true\" checked")
                .contains("open=true&amp;raisedFrom=&amp;raisedTo=" + LocalDate.now().minusDays(181) + "&amp;sort=reference");

        // An NC not graded yet has its own bar, which opens exactly the open NCs without a grade.
        api(org, Role.CONTRIBUTOR, "POST", "/improvements", """
                {"kind":"NONCONFORMITY","title":"Badge not returned","description":"Found","source":"OTHER"}""", 201);
        d = dashboard.of(org.id());
        assertThat(d.byGrade().labels()).containsExactly("Major", "Minor", "Not graded yet");
        assertThat(d.byGrade().links().get(2)).isEqualTo("/improvements?kind=NONCONFORMITY&open=true&grade=UNGRADED");
        register = mvc.perform(get(d.byGrade().links().get(2)).with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(register).contains("Badge not returned").doesNotContain("Old one").doesNotContain("Another")
                .contains("<option value=\"UNGRADED\" selected=\"selected\">Not graded yet</option>");
        assertThat(api(org, Role.AUDITOR, "GET", "/improvements?ungraded=true&open=true", null, 200).get("content"))
                .extracting(r -> r.get("title").asString()).containsExactly("Badge not returned");
    }
}
