package dev.ratchet.improvement;

import java.util.List;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SimilarRecordsIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    private ImprovementView report(TestOrganisation org, String title, String description, String... requirements) {
        ReportForm form = new ReportForm();
        form.setTitle(title);
        form.setDescription(description);
        form.setSource(Source.INTERNAL_AUDIT);
        form.setRequirements(List.of(requirements));
        return improvements.report(org.tenant(Role.AUDITOR), form);
    }

    @Test
    void recordsAboutTheSameProblemAreSuggestedBestFirstAndOthersNot() throws Exception {
        TestOrganisation org = newOrganisation("Similar");
        ImprovementView vpn = report(org, "Leaver kept VPN access", "A leaver's VPN account was still active after leaving", "iso27001-2022:A.5.18");
        ImprovementView accounts = report(org, "Leavers' accounts not disabled", "Accounts of two leavers were still enabled in the directory", "iso27001-2022:A.5.18");
        report(org, "Backup restore never tested", "No restore test of the nightly backup this year", "iso27001-2022:A.8.13");
        report(org, "Visitor badges not returned", "Reception does not collect visitor badges at the end of the day", "iso27001-2022:A.7.2");
        report(org, "Clear desk not followed", "Printed customer lists left on desks overnight", "iso27001-2022:A.7.7");
        report(org, "Patch backlog", "Critical patches older than 30 days on three servers", "iso27001-2022:A.8.8");

        List<SimilarRecord> whileTyping = improvements.similarTo(org.tenant(Role.CONTRIBUTOR), "VPN still active for a leaver",
                "The VPN account of a leaver from sales was active 10 days after leaving", List.of("iso27001-2022:A.5.18"), null);
        assertThat(whileTyping).extracting(SimilarRecord::reference).first().isEqualTo(vpn.reference());
        assertThat(whileTyping).extracting(SimilarRecord::reference).contains(accounts.reference())
                .doesNotContain("NC-" + java.time.Year.now().getValue() + "-003");
        assertThat(whileTyping.get(0).percent()).isBetween(30, 100);

        ImprovementView again = report(org, "VPN access after leaving", "Another leaver kept VPN access", "iso27001-2022:A.5.18");
        ImprovementView shown = improvements.get(org.tenant(Role.ISMS_MANAGER), again.id());
        assertThat(shown.suggestions()).extracting(SimilarRecord::id).contains(vpn.id()).doesNotContain(again.id());
        assertThat(shown.similarNonconformitiesInYear()).isGreaterThanOrEqualTo(1);
        assertThat(improvements.similarTo(org.tenant(Role.ISMS_MANAGER), again.id())).extracting(SimilarRecord::id).contains(vpn.id());

        // As someone types: a close match warns, a few shared words are offered quietly (not in alarm colours).
        String close = mvc.perform(get("/improvements/similar")
                        .param("title", "Leaver kept VPN access").param("description", "A leaver's VPN account was still active after leaving")
                        .param("requirements", "iso27001-2022:A.5.18")
                        .with(user(org.principal(Role.CONTRIBUTOR))))
                .andReturn().getResponse().getContentAsString();
        assertThat(close).contains("alert-warning").contains("This may have been reported before");
        String weak = mvc.perform(get("/improvements/similar")
                        .param("title", "Badge").param("description", "A contractor kept a badge")
                        .with(user(org.principal(Role.CONTRIBUTOR))))
                .andReturn().getResponse().getContentAsString();
        assertThat(weak).doesNotContain("alert-warning").contains("in case one is the same").contains("Visitor badges not returned");

        // Another organisation's records are never suggested.
        TestOrganisation other = newOrganisation("Other similar");
        assertThat(improvements.similarTo(other.tenant(Role.ADMIN), "Leaver kept VPN access",
                "A leaver's VPN account was still active", List.of("iso27001-2022:A.5.18"), null)).isEmpty();
    }
}
