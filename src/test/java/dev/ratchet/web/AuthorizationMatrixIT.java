package dev.ratchet.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Workflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every endpoint of the application against {@code authorization-matrix.psv}: for every role, and for someone
 * not signed in, the request must be let through or refused as the file says, and a refused request changes nothing.
 * An endpoint without a line in the file fails the build.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions;


    static final String MATRIX = "/authorization-matrix.psv";
    static final String ANONYMOUS = "ANONYMOUS";
    static final List<String> WHO = Stream.concat(Stream.of(ANONYMOUS), Stream.of(Role.values()).map(Role::name)).toList();

    record Rule(String method, String path, Map<String, Boolean> allowed, String query, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static TestOrganisation org;
    static UUID target;
    static UUID improvement;
    static UUID action;
    static UUID evidence;
    static UUID audit;
    static UUID objective;
    static UUID incident;
    static UUID change;
    static UUID obligation;
    static UUID risk;
    static UUID feedbackId;
    static UUID review;
    static UUID policy;
    static UUID policyVersion;
    static UUID check;
    static UUID policyException;
    static UUID line;

    @Autowired
    ImprovementManagement improvements;

    @Autowired
    ApplicationContext context;

    @Autowired
    dev.ratchet.audit.AuditManagement audits;

    @Autowired
    dev.ratchet.objective.ObjectiveManagement objectives;

    @Autowired
    dev.ratchet.incident.IncidentManagement incidents;

    @Autowired
    dev.ratchet.change.ChangeManagement changes;

    @Autowired
    dev.ratchet.obligation.ObligationManagement obligations;

    @Autowired
    dev.ratchet.feedback.FeedbackManagement feedback;

    @Autowired
    dev.ratchet.risk.RiskCriteriaManagement riskCriteria;

    @Autowired
    dev.ratchet.risk.RiskManagement risks;

    @Autowired
    dev.ratchet.review.ReviewManagement reviews;

    @Autowired
    dev.ratchet.policy.PolicyManagement policies;

    @BeforeEach
    void organisation() {
        if (org == null) {
            org = newOrganisation("Matrix");
            MemberForm form = new MemberForm();
            form.setEmail("target." + UUID.randomUUID() + "@example.com");
            form.setDisplayName("Target Person");
            form.setRoles(Set.of(Role.CONTRIBUTOR));
            target = identity.addMember(org.id(), form, dev.ratchet.TestOrganisation.PASSWORD).id();
            ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
            improvement = nc.id();
            action = nc.actions().get(0).id();
            dev.ratchet.audit.AuditForm plan = new dev.ratchet.audit.AuditForm();
            plan.setTitle("Matrix audit");
            plan.setObjectives("Matrix");
            plan.setPlannedStart(java.time.LocalDate.of(2031, 3, 1));
            plan.setPlannedEnd(java.time.LocalDate.of(2031, 3, 2));
            plan.setRequirements(new java.util.ArrayList<>(List.of("iso27001-2022:A.5.18")));
            var planned = audits.plan(org.tenant(Role.ISMS_MANAGER), plan);
            dev.ratchet.audit.TeamMemberForm auditor = new dev.ratchet.audit.TeamMemberForm();
            auditor.setUserId(org.userIds().get(Role.AUDITOR));
            auditor.setLead(true);
            auditor.setVersion(planned.version());
            audit = audits.addTeamMember(org.tenant(Role.ISMS_MANAGER), planned.id(), auditor).id();
            line = planned.lines().get(0).id();
            dev.ratchet.objective.ObjectiveForm goal = new dev.ratchet.objective.ObjectiveForm();
            goal.setTitle("Matrix objective");
            goal.setMeasure("Matrix measure");
            goal.setTarget(java.math.BigDecimal.TEN);
            goal.setOwnerId(org.userIds().get(Role.CONTRIBUTOR));
            objective = objectives.create(org.tenant(Role.ISMS_MANAGER), goal).id();
            dev.ratchet.incident.IncidentForm event = new dev.ratchet.incident.IncidentForm();
            event.setTitle("Matrix incident");
            event.setDetectedAt(java.time.OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, java.time.ZoneOffset.UTC));
            event.setSummary("Matrix");
            incident = incidents.record(org.tenant(Role.ISMS_MANAGER), event).id();
            dev.ratchet.change.ChangeForm plannedChange = new dev.ratchet.change.ChangeForm();
            plannedChange.setTitle("Matrix change");
            plannedChange.setReason("Matrix");
            plannedChange.setImpact("Matrix");
            plannedChange.setPlannedDate(java.time.LocalDate.of(2026, 6, 1));
            change = changes.record(org.tenant(Role.ISMS_MANAGER), plannedChange).id();
            dev.ratchet.obligation.ObligationForm law = new dev.ratchet.obligation.ObligationForm();
            law.setName("Matrix obligation");
            law.setSource("Matrix");
            law.setHowItApplies("Matrix");
            law.setOwnerId(org.userIds().get(Role.CONTRIBUTOR));
            law.setNextReviewDate(java.time.LocalDate.of(2099, 1, 1));
            obligation = obligations.record(org.tenant(Role.ISMS_MANAGER), law).id();
            riskCriteria.approve(org.tenant(Role.MANAGEMENT), 0L, null);
            dev.ratchet.risk.NewRiskForm danger = new dev.ratchet.risk.NewRiskForm();
            danger.setTitle("Matrix risk");
            danger.setThreat("Matrix");
            danger.setConsequence("Matrix");
            danger.setOwnerId(org.userIds().get(Role.CONTRIBUTOR));
            danger.getAssessment().setInherentLikelihood(3);
            danger.getAssessment().setInherentImpact(3);
            danger.getAssessment().setCurrentLikelihood(2);
            danger.getAssessment().setCurrentImpact(2);
            danger.getAssessment().setTargetLevel("Low");
            risk = risks.record(org.tenant(Role.ISMS_MANAGER), danger).id();
            dev.ratchet.feedback.FeedbackForm concern = new dev.ratchet.feedback.FeedbackForm();
            concern.setSubject("Matrix feedback");
            concern.setText("Matrix");
            feedbackId = feedback.submit(org.tenant(Role.CONTRIBUTOR), concern).id();
            dev.ratchet.review.ScheduleForm meeting = new dev.ratchet.review.ScheduleForm();
            meeting.setTitle("Matrix review");
            meeting.setPlannedDate(java.time.LocalDate.of(2098, 1, 1));
            review = reviews.schedule(org.tenant(Role.ISMS_MANAGER), meeting).id();
            dev.ratchet.policy.PolicyForm rules = new dev.ratchet.policy.PolicyForm();
            rules.setTitle("Matrix policy");
            rules.setOwnerId(org.userIds().get(Role.CONTRIBUTOR));
            rules.setContent("# Matrix policy");
            var written = policies.create(org.tenant(Role.ISMS_MANAGER), rules);
            policy = written.id();
            policyVersion = written.draft().id();
            dev.ratchet.policy.CheckForm checked = new dev.ratchet.policy.CheckForm();
            checked.setTitle("Matrix check");
            checked.setMethod("Matrix");
            checked.setOwnerId(org.userIds().get(Role.CONTRIBUTOR));
            checked.setFirstDue(java.time.LocalDate.of(2099, 1, 1));
            check = policies.defineCheck(org.tenant(Role.ISMS_MANAGER), policy, checked).checks().get(0).id();
            dev.ratchet.policy.ExceptionForm excepted = new dev.ratchet.policy.ExceptionForm();
            excepted.setPolicyId(policy);
            excepted.setScope("Matrix");
            excepted.setJustification("Matrix");
            excepted.setRisk("Matrix");
            excepted.setCompensatingControls("Matrix");
            excepted.setActionPlan("Matrix");
            excepted.setReviewDate(java.time.LocalDate.of(2099, 1, 1));
            excepted.setExpiryDate(java.time.LocalDate.of(2099, 6, 1));
            policyException = policies.requestException(org.tenant(Role.CONTRIBUTOR), excepted).id();
            try {
                evidence = improvements.attach(org.tenant(Role.ISMS_MANAGER), improvement, new dev.ratchet.evidence.EvidenceManagement.Upload(
                        "access-review.txt", 5, new java.io.ByteArrayInputStream("hello".getBytes()), java.time.LocalDate.now(), null)).id();
            }
            catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", -1);
                if (cells.length < 5) {
                    throw new IllegalStateException("Line needs method | path | access | query | body: " + line);
                }
                String[] marks = cells[2].trim().split("\\s+");
                if (marks.length != WHO.size()) {
                    throw new IllegalStateException("Line needs " + WHO.size() + " Y/N marks (" + WHO + "): " + line);
                }
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < marks.length; i++) {
                    allowed.put(WHO.get(i), switch (marks[i]) {
                        case "Y" -> true;
                        case "N" -> false;
                        default -> throw new IllegalStateException("Mark must be Y or N: " + line);
                    });
                }
                rules.add(new Rule(cells[0].trim(), cells[1].trim(), allowed, cells[3].trim(), cells[4].trim()));
            }
        }
        return rules;
    }

    @Test
    void everyEndpointHasALineInTheMatrix() throws IOException {
        Set<String> listed = new TreeSet<>();
        rules().forEach(r -> listed.add(r.method() + " " + r.path()));
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        mapped.add("GET " + pattern);
                    }
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(listed).as("endpoints without a line in " + MATRIX).containsAll(mapped);
        assertThat(mapped).as("lines in " + MATRIX + " for endpoints that do not exist").containsAll(listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyoneGetsExactlyTheAccessTheMatrixGives(Rule rule) throws Exception {
        for (String who : WHO) {
            long historyBefore = historyCount();
            MvcResult result = mvc.perform(build(rule, who)).andReturn();
            boolean refused = refused(rule, who, result);
            boolean expected = rule.allowed().get(who);
            assertThat(!refused)
                    .as("%s by %s answered %d (%s)", rule, who, result.getResponse().getStatus(),
                            result.getResponse().getRedirectedUrl())
                    .isEqualTo(expected);
            if (!"/error".equals(rule.path())) { // the error page, called directly, reports an unknown error
                assertThat(result.getResponse().getStatus()).as("%s by %s must not fail on the server", rule, who)
                        .isLessThan(500);
            }
            if (refused) {
                assertThat(historyCount()).as("%s refused to %s must change nothing", rule, who).isEqualTo(historyBefore);
            }
        }
    }

    private MockHttpServletRequestBuilder build(Rule rule, String who) {
        String path = fill(rule.path().replace("/**", "/liveness"));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(rule.method()), path);
        if (!rule.query().isEmpty()) {
            for (String pair : fill(rule.query()).split("&")) {
                String[] kv = pair.split("=", 2);
                request.param(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (!rule.body().isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(fill(rule.body()));
        }
        boolean api = path.startsWith("/api/");
        if (!ANONYMOUS.equals(who)) {
            Role role = Role.valueOf(who);
            if (api) {
                request.header("Authorization", org.bearer(role));
            }
            else {
                // Pinned to the organisation under test: the person may belong to another (the demo one can be added).
                request.with(user(org.principal(role))).with(dev.ratchet.TestSession.holding(sessions,
                        dev.ratchet.identity.TenantFilter.SESSION_ORGANISATION, org.id()));
            }
        }
        if (!api && !"GET".equals(rule.method())) {
            request.with(csrf());
        }
        return request;
    }

    private static boolean refused(Rule rule, String who, MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return true;
        }
        // Pages send someone not signed in to the sign-in page before any controller runs.
        return ANONYMOUS.equals(who) && status == 302 && result.getHandler() == null
                && response.getRedirectedUrl() != null && response.getRedirectedUrl().endsWith("/login");
    }

    private static String fill(String text) {
        String id = text.startsWith("/members/") ? target.toString()
                : text.startsWith("/areas/") ? org.areaId().toString()
                : text.startsWith("/improvements/") ? improvement.toString()
                : text.startsWith("/actions/") ? action.toString()
                : text.startsWith("/evidence/") ? evidence.toString()
                : text.startsWith("/audits/") ? audit.toString()
                : text.startsWith("/objectives/") ? objective.toString()
                : text.startsWith("/incidents/") ? incident.toString()
                : text.startsWith("/changes/") ? change.toString()
                : text.startsWith("/obligations/") ? obligation.toString()
                : text.startsWith("/risks/") ? risk.toString()
                : text.startsWith("/feedback/") ? feedbackId.toString()
                : text.startsWith("/reviews/") ? review.toString()
                : text.startsWith("/policies/") ? policy.toString()
                : text.startsWith("/policy-exceptions/") ? policyException.toString()
                : text.startsWith("/compliance-checks/") ? check.toString() : UUID.randomUUID().toString();
        return text.replace("{id}", id).replace("{organisationId}", org.id().toString())
                .replace("{improvementId}", improvement.toString()).replace("{actionId}", action.toString())
                .replace("{memberId}", target.toString())
                .replace("{areaId}", org.areaId().toString())
                .replace("{auditId}", audit.toString()).replace("{lineId}", line.toString()).replace("{year}", "2031")
                .replace("{objectiveId}", objective.toString()).replace("{incidentId}", incident.toString()).replace("{changeId}", change.toString()).replace("{obligationId}", obligation.toString()).replace("{riskId}", risk.toString()).replace("{criteriaId}", UUID.randomUUID().toString()).replace("{approvalId}", UUID.randomUUID().toString()).replace("{reference}", "A.5.1").replace("{mappingId}", "iso27001-2022--nis2-2022-2555").replace("{reportId}", UUID.randomUUID().toString()).replace("{feedbackId}", feedbackId.toString()).replace("{reviewId}", review.toString())
                .replace("{policyId}", policy.toString()).replace("{versionId}", policyVersion.toString()).replace("{checkId}", check.toString())
                .replace("{policyExceptionId}", policyException.toString()).replace("{bundleId}", UUID.randomUUID().toString()).replace("{uploadId}", UUID.randomUUID().toString()).replace("{migrationId}", UUID.randomUUID().toString())
                .replace("{teamMemberId}", UUID.randomUUID().toString()).replace("{exclusionId}", UUID.randomUUID().toString())
                .replace("{unknownId}", UUID.randomUUID().toString()).replace("{groupId}", UUID.randomUUID().toString()).replace("{passkeyId}", UUID.randomUUID().toString()).replace("{invitationId}", UUID.randomUUID().toString())
                .replace("{tokenId}", UUID.randomUUID().toString()).replace("{evidenceId}", UUID.randomUUID().toString())
                .replace("{token}", "not-a-calendar-secret-" + UUID.randomUUID())
                .replace("{email}", "new." + UUID.randomUUID() + "@example.com")
                .replace("{password}", TestOrganisation.PASSWORD);
    }

    private long historyCount() {
        return jdbc.queryForObject("select count(*) from history_entry where organisation_id in (?, ?)", Long.class,
                org.id(), HistoryManagement.INSTALLATION);
    }
}
