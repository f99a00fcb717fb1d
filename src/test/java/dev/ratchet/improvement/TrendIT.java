package dev.ratchet.improvement;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Refused;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

class TrendIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Test
    void threeNonconformitiesAgainstOneRequirementAreFlaggedAndProposedOnceAsASystemicImprovement() throws Exception {
        TestOrganisation org = newOrganisation("Trend");
        ImprovementView first = Workflow.reported(improvements, org, "Leaver kept VPN access");
        Workflow.reported(improvements, org, "Leaver kept mailbox access");
        assertThat(improvements.trends(org.id())).isEmpty();
        ImprovementView third = Workflow.reported(improvements, org, "Leaver kept CRM access");

        Trend trend = improvements.trends(org.id()).stream()
                .filter(t -> t.dimension() == Trend.Dimension.REQUIREMENT).findFirst().orElseThrow();
        assertThat(trend.key()).isEqualTo("iso27001-2022:A.5.18");
        assertThat(trend.references()).contains(first.reference(), third.reference()).hasSize(3);
        assertThat(improvements.trends(org.id())).anyMatch(t -> t.dimension() == Trend.Dimension.AREA && t.count() == 3);
        // The page counts them in the database, without their references, and shows the banner once the register is shown.
        assertThat(improvements.trendCounts(org.id())).extracting(Trend::dimension, Trend::key, Trend::count)
                .containsExactlyElementsOf(improvements.trends(org.id()).stream()
                        .map(t -> tuple(t.dimension(), t.key(), t.count())).toList());
        assertThat(improvements.trendCounts(org.id())).allMatch(t -> t.references().isEmpty());
        mvc.perform(get("/improvements").with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(content().string(containsString("hx-get=\"/improvements/trends\"")));
        mvc.perform(get("/improvements/trends").with(user(org.principal(Role.MANAGEMENT))))
                .andExpect(content().string(containsString("3 nonconformities")));

        assertThatThrownBy(() -> improvements.proposeSystemicImprovement(org.tenant(Role.CONTRIBUTOR),
                Trend.Dimension.REQUIREMENT, trend.key())).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        ImprovementView proposed = improvements.proposeSystemicImprovement(org.tenant(Role.ISMS_MANAGER),
                Trend.Dimension.REQUIREMENT, trend.key());
        assertThat(proposed.kind()).isEqualTo(Kind.OPPORTUNITY);
        assertThat(proposed.title()).contains("A.5.18");
        assertThat(proposed.similarRecords()).extracting(ImprovementView.Link::reference).containsAll(trend.references());
        assertThat(improvements.trends(org.id())).filteredOn(t -> t.key().equals(trend.key()))
                .extracting(Trend::proposedAs).containsExactly(proposed.reference());
        assertThatThrownBy(() -> improvements.proposeSystemicImprovement(org.tenant(Role.ISMS_MANAGER),
                Trend.Dimension.REQUIREMENT, trend.key())).isInstanceOf(Refused.class).hasMessageContaining("already being handled");
    }
}
