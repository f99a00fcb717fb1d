package dev.ratchet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.bundle.BundleFiles;
import dev.ratchet.bundle.BundleForm;
import dev.ratchet.bundle.BundleManagement;
import dev.ratchet.bundle.BundleView;
import dev.ratchet.dashboard.Dashboard;
import dev.ratchet.dashboard.DashboardView;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import dev.ratchet.identity.Role;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.shared.Tenant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo organisation holds what the issue promises, recorded through the services on the days it happened. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT extends IntegrationTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger(91_000);

    @Autowired
    DemoOrganisation demo;

    @Autowired
    HistoryManagement history;

    @Autowired
    ActionManagement actions;

    @Autowired
    Dashboard dashboard;

    @Autowired
    BundleManagement bundles;

    Tenant kestrel;

    @BeforeAll
    void createDemo() {
        kestrel = demo.generate(NUMBERS.incrementAndGet(), null);
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.queryForList(sql, kestrel.organisationId());
    }

    @Test
    void nonconformitiesAndOpportunitiesStandInEveryStepOfTheWorkflowAndSomeCameBack() {
        Map<String, Long> statuses = rows("select kind, status, count(*) n from improvement_record where organisation_id = ? group by kind, status")
                .stream().collect(Collectors.toMap(r -> r.get("kind") + " " + r.get("status"), r -> ((Number) r.get("n")).longValue()));
        assertThat(statuses).containsKeys("NONCONFORMITY REPORTED", "NONCONFORMITY REJECTED", "NONCONFORMITY CONTAINED",
                "NONCONFORMITY ANALYSED", "NONCONFORMITY ACTIONS_PLANNED", "NONCONFORMITY IMPLEMENTED",
                "NONCONFORMITY EFFECTIVENESS_REVIEW", "NONCONFORMITY CLOSED", "OPPORTUNITY REPORTED", "OPPORTUNITY EVALUATED",
                "OPPORTUNITY ACTIONS_PLANNED", "OPPORTUNITY CLOSED", "OPPORTUNITY REJECTED");
        assertThat(rows("select reference from improvement_record where organisation_id = ? and recurrence_of is not null")).hasSize(2);
        assertThat(rows("select reference from improvement_record where organisation_id = ? and effectiveness_questioned = true")).hasSize(2);
        // Every source of the policy is there: audits of three kinds, incidents, objectives, obligations, feedback, policy compliance.
        assertThat(rows("select distinct source from improvement_record where organisation_id = ?")).extracting(r -> r.get("source"))
                .contains("INTERNAL_AUDIT", "CERTIFICATION_AUDIT", "CLIENT_AUDIT", "INCIDENT", "OBJECTIVE_REVIEW", "LEGAL_CHANGE",
                        "FEEDBACK", "POLICY_COMPLIANCE");
        // One corrective action failed its first effectiveness review and is on its second attempt.
        assertThat(rows("select reference from improvement_record where organisation_id = ? and attempt = 2")).hasSize(1);
        assertThat(rows("select effective from effectiveness_review where organisation_id = ?")).extracting(r -> r.get("effective"))
                .contains(true, false);
    }

    @Test
    void theHistorySpansEighteenMonthsInOrderWithThePeopleWhoActed() {
        Instant first = jdbc.queryForObject("select min(raised_at) from improvement_record where organisation_id = ?", Timestamp.class,
                kestrel.organisationId()).toInstant();
        assertThat(first).isBefore(Instant.now().minus(450, ChronoUnit.DAYS)).isAfter(Instant.now().minus(560, ChronoUnit.DAYS));
        List<Map<String, Object>> entries = rows("select seq, occurred_at, actor_name from history_entry where organisation_id = ? order by seq");
        assertThat(entries).hasSizeGreaterThan(300);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(at(entries.get(i))).as("entry %s", entries.get(i).get("seq")).isAfterOrEqualTo(at(entries.get(i - 1)));
        }
        assertThat(entries).extracting(e -> e.get("actor_name")).contains("Priya Natarajan", "Daniel Okafor", "Aisha Rahman",
                "Marco Bianchi", "Lukas Weber");
        assertThat(at(entries.get(entries.size() - 1))).isBefore(Instant.now());
        Verification verification = history.verify(kestrel.organisationId());
        assertThat(verification.intact()).as(verification.describe()).isTrue();
        // Eighteen months of records, each exactly what its history says: the state check finds no false difference.
        assertThat(verification.recordsChecked()).isGreaterThan(200);
        assertThat(verification.discrepancyCount()).isZero();
    }

    private static Instant at(Map<String, Object> entry) {
        Object at = entry.get("occurred_at");
        return at instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) at).toInstant();
    }

    @Test
    void actionsAreOnTimeLateAndRescheduled() {
        ActionManagement.Overview overview = actions.overview(kestrel.organisationId(), LocalDate.now());
        assertThat(overview.overdue()).isGreaterThanOrEqualTo(3);
        assertThat(overview.slipped()).isGreaterThanOrEqualTo(2);
        assertThat(rows("select id from action_item where organisation_id = ? and status = 'DONE'")).hasSizeGreaterThan(10);
    }

    @Test
    void theAuditProgrammeHoldsInternalCertificationAndClientAuditsInEveryState() {
        Map<String, List<String>> byType = rows("select audit_type type, status from audit where organisation_id = ?").stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("type"), Collectors.mapping(r -> (String) r.get("status"), Collectors.toList())));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("INTERNAL", "CERTIFICATION", "CLIENT_OR_THIRD_PARTY");
        assertThat(byType.values().stream().flatMap(List::stream)).contains("PLANNED", "IN_PROGRESS", "REPORTED", "CLOSED");
        assertThat(rows("select status from audit_programme where organisation_id = ?")).extracting(r -> r.get("status"))
                .containsOnly("APPROVED").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void twoReviewsAreApprovedAndTheNextIsPlanned() {
        assertThat(rows("select status from management_review where organisation_id = ? order by planned_date"))
                .extracting(r -> r.get("status")).containsExactly("APPROVED", "APPROVED", "PLANNED");
        assertThat(rows("select id from review_decision where organisation_id = ?")).hasSize(4);
        // The "change to the ISMS" decision made its change-log entry.
        assertThat(rows("select cause_reference from isms_change where organisation_id = ? and cause_reference like 'MR-%'")).hasSize(1);
    }

    @Autowired
    dev.ratchet.risk.TreatmentPlan treatmentPlan;

    @Autowired
    dev.ratchet.soa.SoaManagement soa;

    @Test
    void theRiskRegisterHasATreatmentPlanWithLateAndDoneActionsAnExpiringAcceptanceAndAnApprovedSoa() {
        assertThat(rows("select id from risk where organisation_id = ?")).hasSize(25);
        assertThat(rows("select id from risk_assessment where organisation_id = ? and reason = 'TREATMENT'")).hasSize(1);
        var figures = treatmentPlan.figures(kestrel.organisationId());
        assertThat(figures.actionsDone()).isGreaterThanOrEqualTo(4);
        assertThat(figures.actionsOverdue()).isGreaterThanOrEqualTo(2);
        assertThat(figures.acceptancesInForce()).isEqualTo(2);
        assertThat(figures.acceptancesExpiringSoon()).as("the AWS outage acceptance ends within weeks").isGreaterThanOrEqualTo(1);
        assertThat(rows("select id from risk where organisation_id = ? and current_level = 3 and status <> 'CLOSED'")).as("above the criteria").hasSize(1);
        assertThat(treatmentPlan.approvals(kestrel.organisationId())).hasSize(1);
        var versions = soa.versions(kestrel.organisationId());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).excluded()).isEqualTo(3);
        var rows = soa.rows(kestrel.organisationId());
        assertThat(rows.stream().filter(r -> r.code().equals("A.8.30")).findFirst().orElseThrow().problems())
                .anyMatch(p -> p.startsWith("Excluded, but called for by"));
        assertThat(rows.stream().filter(r -> Boolean.FALSE.equals(r.applicable())))
                .allSatisfy(r -> assertThat(r.exclusionJustification()).isNotBlank());
    }

    @Test
    void theSignalsAreThere() {
        assertThat(rows("select id from incident where organisation_id = ?")).hasSize(6);
        assertThat(rows("select status from isms_change where organisation_id = ?")).hasSizeGreaterThanOrEqualTo(4);
        // The single sign-on change names the leavers' nonconformity it comes from.
        assertThat(rows("select cause_reference from isms_change where organisation_id = ? and cause_reference like 'NC-%'")).hasSize(1);
        assertThat(rows("select id from obligation_change where organisation_id = ?")).hasSize(1);
        assertThat(rows("select id from feedback where organisation_id = ?")).hasSize(2);
        // The latest measurement of each objective: some on target, the phishing rate off it.
        DashboardView view = dashboard.of(kestrel.organisationId());
        assertThat(view.objectives().active()).isEqualTo(4);
        assertThat(view.objectives().onTarget()).isBetween(1L, 3L);
        assertThat(view.objectives().offTarget()).isBetween(1L, 3L);
        assertThat(rows("select id from objective_measurement where organisation_id = ?")).hasSizeGreaterThan(40);
    }

    @Test
    void policiesHaveVersionsAndAnExpiredException() {
        Map<String, Long> versions = rows("select status, count(*) n from policy_version where organisation_id = ? group by status").stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).longValue()));
        assertThat(versions).containsEntry("SUPERSEDED", 2L).containsEntry("APPROVED", 4L).containsEntry("IN_REVIEW", 1L);
        DashboardView view = dashboard.of(kestrel.organisationId());
        assertThat(view.exceptions().expired()).isEqualTo(1);
        assertThat(view.exceptions().expiringSoon()).isEqualTo(1);
    }

    @Test
    void theEvidenceBundleOfTheDemoPeriodHoldsEachKindOfDocument() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of(DemoOrganisation.ZONE));
        BundleForm form = new BundleForm();
        form.setFrom(today.minusMonths(18));
        form.setTo(today);
        BundleView bundle = bundles.request(kestrel, form);
        for (int i = 0; i < 300 && !bundle.ready() && !"FAILED".equals(bundle.status()); i++) {
            Thread.sleep(200);
            bundle = bundles.get(kestrel.organisationId(), bundle.id());
        }
        assertThat(bundle.status()).as(bundle.toString()).isEqualTo("READY");
        Map<String, byte[]> files = BundleFiles.read(bundles.content(kestrel.organisationId(), bundle.id()));
        assertThat(files.keySet().stream().filter(f -> f.startsWith("audits/audit-programme-") && f.endsWith(".pdf"))).hasSize(2);
        assertThat(files.keySet().stream().filter(f -> f.startsWith("audits/audit-programme-"))).hasSize(6); // PDF, DOCX and XLSX
        assertThat(files.keySet().stream().filter(f -> f.startsWith("records/") && f.endsWith(" record.pdf"))).hasSizeGreaterThanOrEqualTo(15);
        assertThat(files.keySet().stream().filter(f -> f.startsWith("management-reviews/MR-") && f.endsWith("(frozen).pdf"))).hasSize(2);
        assertThat(files.keySet().stream().filter(f -> f.startsWith("audits/AUD-") && f.endsWith("audit report.pdf"))).hasSize(6);
        assertThat(files.keySet().stream().filter(f -> f.startsWith("management-reviews/MR-") && f.endsWith(" minutes.pdf"))).hasSize(2);
        assertThat(files.keySet()).anyMatch(f -> f.startsWith("policies/POL-01 Continual Improvement Policy v1.0"))
                .anyMatch(f -> f.startsWith("policies/POL-01 Continual Improvement Policy v2.0"))
                .anyMatch(f -> f.startsWith("policies/POL-02 Information Security Policy v2.0"))
                .contains("registers/incident-and-corrective-action-log.xlsx", "registers/isms-change-log.xlsx", "registers/incidents.xlsx",
                        "registers/objectives.xlsx", "registers/legal-and-regulatory-obligations.xlsx", "registers/feedback.xlsx",
                        "history-verification.txt", "manifest.txt");
        BundleFiles.assertManifestMatches(files);
        assertThat(new String(files.get("history-verification.txt"), StandardCharsets.UTF_8)).contains("Result: intact");
    }

    @Test
    void anAdministratorAddsTheDemoBesideTheirOwnOrganisationWhichStaysAsItWas() throws Exception {
        TestOrganisation own = newOrganisation("Demo beside");
        long ownHistory = jdbc.queryForObject("select count(*) from history_entry where organisation_id = ?", Long.class, own.id());
        var session = dev.ratchet.TestSession.of(mvc.perform(post("/organisations/demo")
                        .with(user(own.principal(Role.ADMIN)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn(), jdbc);
        UUID demoId = (UUID) session.attribute(TenantFilter.SESSION_ORGANISATION);
        assertThat(demoId).isNotEqualTo(own.id());
        assertThat(identity.organisationsOf(own.userIds().get(Role.ADMIN)))
                .extracting(o -> o.id()).contains(own.id(), demoId);
        assertThat(jdbc.queryForObject("select count(*) from management_review where organisation_id = ?", Long.class, demoId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ?", Long.class, own.id())).isEqualTo(ownHistory);
        // The first-run page is gone once anyone uses Ratchet: it cannot make a second installation's administrator.
        mvc.perform(get("/setup/demo"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSecondDemoIsAnOrganisationOfItsOwn() {
        Tenant other = demo.generate(NUMBERS.incrementAndGet(), null);
        assertThat(other.organisationId()).isNotEqualTo(kestrel.organisationId());
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, other.organisationId()))
                .isEqualTo(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, kestrel.organisationId()));
    }
}
