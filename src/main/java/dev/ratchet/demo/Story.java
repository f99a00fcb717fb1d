package dev.ratchet.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.ratchet.action.ActionView;
import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditType;
import dev.ratchet.audit.AuditView;
import dev.ratchet.audit.CertificationStage;
import dev.ratchet.audit.FindingForm;
import dev.ratchet.audit.LineForm;
import dev.ratchet.audit.LineResult;
import dev.ratchet.audit.ProgrammeView;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.change.ChangeForm;
import dev.ratchet.change.ChangeStep;
import dev.ratchet.feedback.FeedbackForm;
import dev.ratchet.feedback.FeedbackKind;
import dev.ratchet.feedback.PartyType;
import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.RcaMethod;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Transition;
import dev.ratchet.improvement.TransitionRequest;
import dev.ratchet.incident.Category;
import dev.ratchet.incident.IncidentForm;
import dev.ratchet.incident.Severity;
import dev.ratchet.objective.Direction;
import dev.ratchet.objective.Frequency;
import dev.ratchet.objective.MeasurementForm;
import dev.ratchet.objective.ObjectiveForm;
import dev.ratchet.obligation.ObligationForm;
import dev.ratchet.obligation.ObligationType;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaRisk;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.policy.AcknowledgementForm;
import dev.ratchet.policy.CheckForm;
import dev.ratchet.policy.ContentForm;
import dev.ratchet.policy.ExceptionForm;
import dev.ratchet.policy.NoncomplianceForm;
import dev.ratchet.policy.PolicyForm;
import dev.ratchet.policy.PolicyViews;
import dev.ratchet.policy.ResultForm;
import dev.ratchet.review.DecisionForm;
import dev.ratchet.review.DecisionType;
import dev.ratchet.review.InputsForm;
import dev.ratchet.review.MinutesForm;
import dev.ratchet.review.ReviewView;
import dev.ratchet.review.ScheduleForm;
import dev.ratchet.review.TeamForm;


/**
 * Kestrel Analytics, a SaaS company of about fifty people, over the 18 months since it set up its ISMS: the audit
 * programme and its audits, the nonconformities and opportunities they and the incidents raised (some closed, some
 * in every step of the workflow, two that came back), actions on time, late and rescheduled, objectives measured
 * every month, changes, obligations, policies with their versions and exceptions, and two management reviews with
 * the third one planned. Every event goes through the owning module's service on the day it happened.
 */
final class Story {

    /** What a step of the story produced, for the later steps that build on it. */
    static class Ref {
        UUID id;
    }

    /** An action planned on a record: what, who, by when (days from the planning day), how success is judged. */
    record Act(String title, Person owner, int dueInDays, String successCriteria) {
    }

    private final Services services;
    private final Cast cast;
    private final Timeline time;
    private final UUID org;

    // The areas of the organisation.
    private UUID engineering;
    private UUID customerSuccess;
    private UUID people;
    private UUID finance;
    private UUID office;

    /** How far back the story begins: 18 months. */
    static final int DAYS = 548;

    /** When the company starts using Ratchet: the morning of the story's first working day. */
    static java.time.Instant startOf(LocalDate today, java.time.ZoneId zone) {
        return new Timeline(today, zone).day(DAYS).atTime(8, 30).atZone(zone).toInstant();
    }

    Story(Services services, Cast cast, Timeline time) {
        this.services = services;
        this.cast = cast;
        this.time = time;
        this.org = cast.you().organisationId();
    }

    void play() {
        setUp();
        policies();
        objectives();
        obligations();
        changes();
        firstYearAudits();
        secondYearAudits();
        incidents();
        otherRecords();
        feedback();
        reviews();
        new RiskStory(services, cast, time).play();
        time.play();
    }

    // --- the organisation ----------------------------------------------------------------------------------------

    private void setUp() {
        time.now(DAYS, "08:45", cast.you(), () -> {
            OrganisationSettings settings = services.organisations.settingsOf(org);
            settings.setScopeStatement("The development, operation and support of the Kestrel customer analytics "
                    + "platform (web application, APIs and data pipelines hosted in AWS eu-west-2), and the people, "
                    + "offices (Bristol) and suppliers that support it.");
            settings.setSector(dev.ratchet.organisation.Sector.TECH_STARTUP);
            settings.setTimeZone("Europe/London");
            settings.setReviewCadenceMonths(3);
            settings.setEffectivenessWaitDays(60);
            services.organisations.updateSettings(org, settings);
            engineering = area("Engineering & Platform", "Product development, the production platform on AWS and its on-call rota.",
                    cast.cto(), AreaRisk.HIGH, cast.engineer(), cast.devops());
            customerSuccess = area("Customer Success & Support", "Onboarding, support desk and customer data exports.",
                    cast.customerSuccess(), AreaRisk.MEDIUM);
            people = area("People & Operations", "Hiring, joiners, movers and leavers, training, the Bristol office.",
                    cast.operations(), AreaRisk.MEDIUM);
            finance = area("Finance & Procurement", "Billing, payroll and the purchase of services and suppliers.",
                    cast.ceo(), AreaRisk.LOW, cast.auditor());
            office = area("IT & Workplace", "Laptops, SaaS tools, identity provider and the office network.",
                    cast.devops(), AreaRisk.MEDIUM);
        });
        time.on(545, "10:00", cast.you(), () -> {
            TeamForm team = new TeamForm();
            team.setChairId(cast.ceo().userId());
            team.setDeputyIds(List.of(cast.cto().userId()));
            team.setMemberIds(List.of(cast.you().userId(), cast.operations().userId()));
            team.setQuorum(3);
            services.reviews.saveTeam(cast.you().tenant(), team);
        });
        // After the first review the team chose to meet every six months.
        time.on(360, "16:00", cast.you(), () -> {
            OrganisationSettings settings = services.organisations.settingsOf(org);
            settings.setReviewCadenceMonths(6);
            services.organisations.updateSettings(org, settings);
        });
    }

    private UUID area(String name, String description, Person owner, AreaRisk risk, Person... members) {
        AreaForm form = new AreaForm();
        form.setName(name);
        form.setDescription(description);
        form.setOwnerId(owner.userId());
        form.setRisk(risk);
        form.setMemberIds(Arrays.stream(members).map(Person::userId).toList());
        return services.organisations.createArea(org, form).id();
    }

    // --- policies ------------------------------------------------------------------------------------------------

    private final Ref continualImprovement = new Ref();
    private final Ref securityPolicy = new Ref();
    private final Ref acceptableUse = new Ref();
    private final Ref accessControl = new Ref();
    private final Ref accessReviewCheck = new Ref();

    private void policies() {
        time.on(541, "11:00", cast.you(), () -> continualImprovement.id = services.policies.generate(cast.you().tenant()).id());
        time.on(541, "11:30", cast.you(), () -> submit(continualImprovement));
        time.on(539, "15:00", cast.ceo(), () -> approve(continualImprovement));
        // The cadence changed to six months after the first review: the policy followed.
        time.on(358, "10:00", cast.you(), () -> services.policies.regenerate(cast.you().tenant(), continualImprovement.id));
        time.on(358, "10:05", cast.you(), () -> submit(continualImprovement));
        time.on(355, "09:30", cast.ceo(), () -> approve(continualImprovement));

        time.on(540, "14:00", cast.you(), () -> securityPolicy.id = policy("Information Security Policy", cast.ceo(), 12,
                StoryTexts.SECURITY_POLICY));
        time.on(540, "14:10", cast.you(), () -> submit(securityPolicy));
        time.on(538, "09:00", cast.ceo(), () -> approve(securityPolicy));
        time.on(190, "11:00", cast.you(), () -> edit(securityPolicy, StoryTexts.SECURITY_POLICY + StoryTexts.SECURITY_POLICY_SUPPLIERS,
                "New section on supplier security after the certification audit and MR decision"));
        time.on(189, "09:00", cast.you(), () -> submit(securityPolicy));
        time.on(186, "15:00", cast.ceo(), () -> approve(securityPolicy));
        time.on(185, "10:00", cast.you(), () -> {
            AcknowledgementForm form = new AcknowledgementForm();
            form.setMemberIds(cast.staff().stream().map(Person::userId).toList());
            form.setDueDate(time.day(155));
            services.policies.requestAcknowledgement(cast.you().tenant(), securityPolicy.id, form);
        });
        for (Person reader : List.of(cast.you(), cast.ceo(), cast.cto(), cast.engineer(), cast.auditor(), cast.operations(),
                cast.secondAuditor(), cast.devops())) {
            time.on(180 - reader.displayName().length() % 7, "12:15", reader,
                    () -> services.policies.acknowledge(reader.tenant(), securityPolicy.id));
        }

        time.on(530, "10:00", cast.you(), () -> acceptableUse.id = policy("Acceptable Use Policy", cast.operations(), 12,
                StoryTexts.ACCEPTABLE_USE));
        time.on(530, "10:20", cast.you(), () -> submit(acceptableUse));
        time.on(528, "16:00", cast.ceo(), () -> approve(acceptableUse));
        time.on(12, "14:00", cast.you(), () -> edit(acceptableUse, StoryTexts.ACCEPTABLE_USE + StoryTexts.ACCEPTABLE_USE_AI,
                "Adds a section on AI assistants, for the coding assistant change"));
        time.on(11, "09:00", cast.you(), () -> submit(acceptableUse));

        time.on(525, "10:00", cast.you(), () -> accessControl.id = policy("Access Control Policy", cast.devops(), 12,
                StoryTexts.ACCESS_CONTROL));
        time.on(525, "10:30", cast.you(), () -> submit(accessControl));
        time.on(524, "11:00", cast.cto(), () -> approve(accessControl));
        time.on(523, "09:00", cast.you(), () -> {
            CheckForm check = new CheckForm();
            check.setTitle("Quarterly review of production access");
            check.setMethod("Export the AWS IAM and GitHub organisation members, compare with the HR list of staff and "
                    + "their roles, and confirm each privileged account with its line manager.");
            check.setFrequencyMonths(3);
            check.setOwnerId(cast.devops().userId());
            check.setFirstDue(time.day(430));
            services.policies.defineCheck(cast.you().tenant(), accessControl.id, check);
            accessReviewCheck.id = services.policies.checks(org).stream()
                    .filter(c -> c.policyId().equals(accessControl.id)).findFirst().orElseThrow().check().id();
        });
        check(432, true, "All 41 accounts matched the HR list; two stale API keys revoked.");
        check(340, true, "38 accounts, all current. Reviewed with Sarah Lindqvist.");
        check(250, true, "44 accounts matched; one contractor's access end date added.");
        check(68, false, "The Q3 review was not done: the export script broke with the move to AWS Identity Center and "
                + "nobody noticed. Done late on the day: three accounts of leavers found still active in GitHub.");

        // The legacy reporting server could not take single sign-on: an exception until it is replaced.
        Ref reportingServer = exception(290, cast.devops(), accessControl, "4.2 Multi-factor authentication",
                "reporting-01, the legacy Jasper reporting server used by Finance",
                "The server's login module cannot use Okta; it is replaced by the new BI tool within the year.",
                "Finance staff sign in with a password only; a stolen password gives read access to billing reports.",
                "Reachable only over the VPN (which needs MFA); passwords of 16 characters; access logs reviewed monthly.",
                "Retire reporting-01 when the move to the new BI tool is done.", 200, 20);
        approveException(288, reportingServer);
        Ref loom = exception(75, cast.customerSuccess(), acceptableUse, "3.4 Approved tools only",
                "The customer success team's use of Loom for onboarding videos",
                "Customers ask for recorded walkthroughs; the approved tool cannot share links outside the company.",
                "Videos could show customer data if recorded carelessly.",
                "Recording only on the demo tenant; links expire after 30 days; team briefed.",
                "Decide on a company video tool in the next tooling review.", -5, -20);
        approveException(72, loom);

        keep(170, acceptableUse, cast.operations(), "Still right for how we work; an AI section will follow the coding assistant decision.");
        keep(160, accessControl, cast.devops(), "Matches practice after the Okta and HiBob changes; no change needed.");
        keep(9, continualImprovement, cast.you(), "Read before the next management review: the policy matches the settings and practice.");

        time.on(41, "16:00", cast.you(), () -> {
            NoncomplianceForm form = new NoncomplianceForm();
            form.setDescription("A customer export (Halden Retail, 2,300 rows with e-mail addresses) was shared through a "
                    + "personal Dropbox link to speed up an onboarding call, against section 5 of the Acceptable Use Policy.");
            form.setFoundOn(time.day(42));
            services.policies.reportNoncompliance(cast.you().tenant(), acceptableUse.id, form);
        });
    }

    private UUID policy(String title, Person owner, int reviewMonths, String content) {
        PolicyForm form = new PolicyForm();
        form.setTitle(title);
        form.setOwnerId(owner.userId());
        form.setReviewMonths(reviewMonths);
        form.setContent(content);
        return services.policies.create(cast.you().tenant(), form).id();
    }

    /** The owner reviews the policy after its cycle and keeps the version in force. */
    private void keep(int daysAgo, Ref policy, Person owner, String note) {
        time.on(daysAgo, "11:00", owner, () -> {
            dev.ratchet.policy.ReviewNoteForm form = new dev.ratchet.policy.ReviewNoteForm();
            form.setNote(note);
            form.setVersion(current(policy, owner).version());
            services.policies.recordReview(owner.tenant(), policy.id, form);
        });
    }

    private PolicyViews.Policy current(Ref policy, Person who) {
        return services.policies.get(who.tenant(), policy.id);
    }

    private void submit(Ref policy) {
        Person who = cast.you();
        services.policies.submit(who.tenant(), policy.id, current(policy, who).draft().version());
    }

    private void approve(Ref policy) {
        Person who = cast.ceo();
        services.policies.approve(who.tenant(), policy.id, current(policy, who).draft().version());
    }

    private void edit(Ref policy, String content, String summary) {
        ContentForm form = new ContentForm();
        form.setContent(content);
        form.setChangeSummary(summary);
        services.policies.edit(cast.you().tenant(), policy.id, form);
    }

    private void check(int daysAgo, boolean passed, String notes) {
        time.on(daysAgo, "14:30", cast.devops(), () -> {
            ResultForm result = new ResultForm();
            result.setCheckedOn(time.day(daysAgo));
            result.setPassed(passed);
            result.setNotes(notes);
            services.policies.recordResult(cast.devops().tenant(), accessReviewCheck.id, result);
        });
    }

    /** {@code requester} asks for an exception to the policy; its review and expiry dates are given in days ago. */
    private Ref exception(int daysAgo, Person requester, Ref policy, String clause, String scope, String justification,
            String risk, String controls, String plan, int reviewDaysAgo, int expiryDaysAgo) {
        Ref exception = new Ref();
        time.on(daysAgo, "11:00", requester, () -> {
            ExceptionForm form = new ExceptionForm();
            form.setPolicyId(policy.id);
            form.setClause(clause);
            form.setScope(scope);
            form.setJustification(justification);
            form.setRisk(risk);
            form.setCompensatingControls(controls);
            form.setActionPlan(plan);
            form.setReviewDate(time.today().minusDays(reviewDaysAgo));
            form.setExpiryDate(time.today().minusDays(expiryDaysAgo));
            exception.id = services.policies.requestException(requester.tenant(), form).id();
        });
        return exception;
    }

    /** Top management approves the exception. */
    private void approveException(int daysAgo, Ref exception) {
        Person ceo = cast.ceo();
        time.on(daysAgo, "15:00", ceo, () -> services.policies.approveException(ceo.tenant(), exception.id,
                services.policies.exception(ceo.tenant(), exception.id).version()));
    }

    // --- objectives ----------------------------------------------------------------------------------------------

    private final Ref phishingObjective = new Ref();

    private void objectives() {
        objective(535, "Patch critical vulnerabilities within 14 days", "Critical CVEs on production fixed within 14 days",
                "%", 95, Direction.AT_LEAST, Frequency.MONTHLY, cast.engineer(), "Dependabot and Inspector findings, monthly export",
                null, 81, 84, 79, 88, 90, 86, 92, 94, 91, 96, 97, 95, 98, 96, 97, 99, 97);
        objective(535, "Phishing simulation click rate", "Share of staff who clicked the monthly simulated phishing e-mail",
                "%", 5, Direction.AT_MOST, Frequency.MONTHLY, cast.operations(), "KnowBe4 campaign report",
                phishingObjective, 14, 12, 11, 9, 8, 8, 7, 6, 5, 4, 5, 4, 6, 7, 8, 9, 11);
        objective(535, "Security awareness training completed", "Staff who completed the annual training module",
                "%", 98, Direction.AT_LEAST, Frequency.QUARTERLY, cast.operations(), "LMS completion report",
                null, 86, 93, 99, 100, 97, 99);
        objective(520, "Corrective actions done by their deadline", "Corrective actions completed on or before their due date, last 3 months",
                "%", 85, Direction.AT_LEAST, Frequency.MONTHLY, cast.you(), "Ratchet action tracker",
                null, 100, 67, 75, 80, 86, 88, 83, 90, 92, 85, 78, 80, 71, 75, 70, 68);
        // The click rate went back above target for three months: the owner raises it.
        time.on(8, "10:00", cast.you(), () -> {
            RaiseForm raise = services.objectives.proposeRaise(org, phishingObjective.id);
            raise.setKind(Kind.NONCONFORMITY);
            raise.setGrade(Grade.MINOR);
            raise.setTitle("Phishing click rate above the 5 % target for five months");
            raise.setDescription("The simulated phishing click rate rose from 4 % to 11 % in five months; new joiners "
                    + "click most often. The objective (at most 5 %) has been missed for five months in a row.");
            raise.setAreaId(people);
            raise.setOwnerId(cast.operations().userId());
            services.objectives.raise(cast.you().tenant(), phishingObjective.id, raise);
        });
    }

    private void objective(int daysAgo, String title, String measure, String unit, int target, Direction direction,
            Frequency frequency, Person owner, String source, Ref ref, int... values) {
        Ref objective = ref == null ? new Ref() : ref;
        time.on(daysAgo, "11:00", cast.you(), () -> {
            ObjectiveForm form = new ObjectiveForm();
            form.setTitle(title);
            form.setMeasure(measure);
            form.setUnit(unit);
            form.setTarget(BigDecimal.valueOf(target));
            form.setDirection(direction);
            form.setFrequency(frequency);
            form.setOwnerId(owner.userId());
            form.setDataSource(source);
            objective.id = services.objectives.create(cast.you().tenant(), form).id();
        });
        int step = frequency == Frequency.QUARTERLY ? 91 : 30;
        for (int i = 0; i < values.length; i++) {
            int ago = daysAgo - 20 - i * step;
            if (ago < 1) {
                break;
            }
            int value = values[i];
            time.on(ago, "09:15", owner, () -> {
                MeasurementForm m = new MeasurementForm();
                m.setMeasuredOn(time.day(ago));
                m.setValue(BigDecimal.valueOf(value));
                services.objectives.measure(owner.tenant(), objective.id, m);
            });
        }
    }

    // --- obligations ---------------------------------------------------------------------------------------------

    private void obligations() {
        Ref contract = new Ref();
        time.on(536, "14:00", cast.you(), () -> {
            obligation("UK GDPR and the Data Protection Act 2018", ObligationType.LEGAL, "United Kingdom",
                    "legislation.gov.uk", "We process customers' end-user data as a processor and staff data as controller: "
                            + "records of processing, DPIAs for new features, breach notification within 72 hours.",
                    cast.you(), 180);
            obligation("Privacy and Electronic Communications Regulations (PECR)", ObligationType.REGULATORY, "United Kingdom",
                    "ico.org.uk", "Cookies on the marketing site and the product's tracking snippet.", cast.customerSuccess(), 300);
            contract.id = obligation("Northbank Insurance master services agreement, security schedule", ObligationType.CONTRACTUAL,
                    "England and Wales", "Contract NB-2024-117", "Annual client audit, breach notice to Northbank, "
                            + "encryption at rest, UK data residency.", cast.ceo(), 150);
            obligation("Cyber Essentials Plus", ObligationType.STANDARD, null, "NCSC / IASME",
                    "Required by two public-sector customers; renewed every year.", cast.devops(), 330);
        });
        time.on(96, "10:30", cast.you(), () -> {
            dev.ratchet.obligation.AmendmentForm amendment = new dev.ratchet.obligation.AmendmentForm();
            amendment.setEffectiveDate(time.day(30));
            amendment.setSummary("Schedule version 3: a security incident affecting Northbank data must be notified "
                    + "within 24 hours (was 72), with a written report within 5 working days.");
            amendment.setImpactAssessment("Our incident procedure and the on-call runbook say 72 hours. The support desk "
                    + "must reach the ISMS manager out of hours.");
            services.obligations.amend(cast.you().tenant(), contract.id, amendment);
        });
        time.on(95, "09:00", cast.you(), () -> {
            RaiseForm raise = services.obligations.proposeRaise(org, contract.id);
            raise.setKind(Kind.NONCONFORMITY);
            raise.setGrade(Grade.MINOR);
            raise.setTitle("Incident procedure still gives 72 hours for notifying Northbank");
            raise.setDescription("Northbank's security schedule v3 needs notice within 24 hours; the incident procedure "
                    + "(section 6) and the on-call runbook still say 72 hours.");
            raise.setAreaId(engineering);
            raise.setOwnerId(cast.you().userId());
            legalChange.id = services.obligations.raise(cast.you().tenant(), contract.id, raise).id();
        });
        contain(94, legalChange, cast.you(), "Support desk and on-call told by e-mail to call the ISMS manager for any "
                + "Northbank incident at once.", "No Northbank incident since the amendment; nothing was notified late.");
        analyse(60, legalChange, cast.you(), "Contract changes reach legal and the CEO but not the ISMS manager.",
                "The procedure was not updated", "Contract amendments are not routed to the ISMS manager",
                "Contract changes are signed by the CEO and filed by Finance; no step asks whether a security obligation changed.",
                true, "Other customer contracts could change the same way.");
        plan(58, legalChange, cast.you(), new Act("Update the incident procedure and on-call runbook to 24 hours for Northbank", cast.you(), 21,
                "Procedure v2.1 approved, runbook updated, on-call briefed"),
                new Act("Add 'security obligations changed?' to the contract signing checklist", cast.ceo(), 45,
                        "Checklist used for the next three contract changes"));
        complete(40, legalChange, "incident procedure", "Incident procedure v2.1 published on the intranet; on-call runbook updated and briefed.");
    }

    private final Ref legalChange = new Ref();

    private UUID obligation(String name, ObligationType type, String jurisdiction, String source, String how, Person owner,
            int reviewInDays) {
        ObligationForm form = new ObligationForm();
        form.setName(name);
        form.setType(type);
        form.setJurisdiction(jurisdiction);
        form.setSource(source);
        form.setHowItApplies(how);
        form.setOwnerId(owner.userId());
        form.setNextReviewDate(time.ahead(reviewInDays - 180));
        return services.obligations.record(cast.you().tenant(), form).id();
    }

    // --- changes -------------------------------------------------------------------------------------------------

    private void changes() {
        change(520, "Move production from Heroku to AWS eu-west-2", "UK data residency for Northbank and lower cost at scale",
                "New hosting supplier, new network design, new backup arrangements; SoA A.5.23 and A.8.13 affected.",
                cast.cto(), 518, 470, 440, null);
        change(330, "Single sign-on with Okta for all SaaS tools", "Leavers kept access to tools outside Google Workspace (NC from the first internal audit)",
                "Every SaaS tool behind Okta; joiner and leaver steps change; access reviews from one list.",
                cast.cto(), 328, 290, 250, leavers);
        change(205, "Replace the HR system with HiBob", "The old HR spreadsheet could not trigger leaver steps",
                "Personal data of staff moves to a new processor (DPIA done); leaver dates feed Okta.",
                cast.ceo(), 203, 150, -1, null);
        change(45, "Introduce an AI coding assistant for engineers", "Engineers asked for it; competitors use it",
                "Source code is sent to a third party; needs a supplier assessment and an Acceptable Use Policy section.",
                cast.cto(), -1, -1, -1, null);
    }

    /** A change to the ISMS through its steps (a negative day: not yet); {@code cause} is the record it comes from. */
    private void change(int daysAgo, String title, String reason, String impact, Person approver, int approvedAgo,
            int implementedAgo, int reviewedAgo, Ref cause) {
        Ref change = new Ref();
        time.on(daysAgo, "10:00", cast.you(), () -> {
            ChangeForm form = new ChangeForm();
            form.setTitle(title);
            form.setReason(reason);
            form.setImpact(impact);
            form.setPlannedDate(time.today().minusDays(implementedAgo > 0 ? implementedAgo : -30));
            form.setApproverId(approver.userId());
            if (cause != null) {
                form.setCauseReference(services.improvements.get(cast.you().tenant(), cause.id).reference());
            }
            change.id = services.changes.record(cast.you().tenant(), form).id();
        });
        changeStep(approvedAgo, change, approver, ChangeStep.Step.APPROVE, "Approved at the leadership meeting.");
        changeStep(implementedAgo, change, cast.you(), ChangeStep.Step.IMPLEMENT, "Done as planned; runbooks and the SoA updated.");
        changeStep(reviewedAgo, change, cast.you(), ChangeStep.Step.REVIEW, "Reviewed a month later: working as intended, no incidents.");
    }

    private void changeStep(int daysAgo, Ref change, Person who, ChangeStep.Step step, String text) {
        if (daysAgo < 0) {
            return;
        }
        time.on(daysAgo, "15:00", who, () -> {
            ChangeStep form = new ChangeStep();
            form.setStep(step);
            form.setText(text);
            form.setVersion(services.changes.get(org, change.id).version());
            services.changes.step(who.tenant(), change.id, form);
        });
    }

    // --- audits --------------------------------------------------------------------------------------------------

    private final Ref leavers = new Ref();
    private final Ref accessReviews = new Ref();
    private final Ref suppliers = new Ref();
    private final Ref soaRationale = new Ref();
    private final Ref restoreTests = new Ref();
    private final Ref postIncidentReviews = new Ref();
    private final Ref payrollSupplier = new Ref();
    private final Ref alertTuning = new Ref();

    private void firstYearAudits() {
        AuditRef a1 = audit(505, AuditType.INTERNAL, null, null, "Access control and joiners, movers and leavers",
                "Confirm that access is granted, reviewed and removed as the Access Control Policy says.",
                List.of(engineering, people), cast.auditor(), null, 480, 478,
                true, "iso27001-2022:A.5.15", "iso27001-2022:A.5.18", "iso27001-2022:A.8.2", "iso27001-2022:A.6.5");
        finding(478, a1, "A.5.18", LineResult.MINOR_NONCONFORMITY, leavers, "Leaver accounts not removed within one working day",
                "3 of 9 leavers since January still had GitHub or Figma accounts 5 to 40 days after leaving; the policy says one working day.",
                engineering, cast.operations());
        finding(478, a1, "A.5.15", LineResult.OPPORTUNITY, accessReviews, "Automate the quarterly access review",
                "The review is a manual export of six tools into a spreadsheet and took two days last quarter.",
                engineering, cast.devops());
        reportAudit(474, a1, "Access is granted with approval and reviewed quarterly; leaver steps for tools outside Google Workspace are not reliable (one minor nonconformity).");
        closeAudit(440, a1);

        AuditRef stage2 = audit(440, AuditType.CERTIFICATION, CertificationStage.STAGE_2, null,
                "ISO/IEC 27001:2022 certification audit, stage 2",
                "Certification of the ISMS for the scope in the Statement of Applicability.",
                List.of(engineering, customerSuccess, people, finance, office), null, "Grace Mensah", 425, 423,
                true, "iso27001-2022:5.2", "iso27001-2022:6.1.3", "iso27001-2022:9.2.2", "iso27001-2022:A.5.19",
                "iso27001-2022:A.5.24", "iso27001-2022:A.8.13");
        finding(423, stage2, "A.5.19", LineResult.MINOR_NONCONFORMITY, suppliers, "Security assessments missing for critical suppliers",
                "3 of 12 suppliers rated critical (the payroll bureau, the e-mail delivery service, the BI tool) have no security assessment on file.",
                finance, cast.ceo());
        finding(423, stage2, "6.1.3", LineResult.OPPORTUNITY, soaRationale, "Give the reasons for excluding Annex A controls",
                "The Statement of Applicability excludes A.7.5 and A.8.19 without saying why.", engineering, cast.you());
        reportAudit(420, stage2, "Recommended for certification subject to the correction of one minor nonconformity within 90 days.");
        closeAudit(380, stage2);

        AuditRef client = audit(385, AuditType.CLIENT_OR_THIRD_PARTY, null, "Northbank Insurance",
                "Northbank Insurance annual supplier security audit",
                "Check the security schedule of the master services agreement.",
                List.of(engineering, customerSuccess), null, "Owen Price", 372, 371,
                true, "iso27001-2022:A.8.13", "iso27001-2022:A.5.34", "iso27001-2022:A.8.24");
        finding(371, client, "A.8.13", LineResult.MINOR_NONCONFORMITY, restoreTests, "Restore tests of customer databases not evidenced",
                "Backups run nightly, but no restore test of the customer databases has been recorded since the move to AWS.",
                engineering, cast.engineer());
        reportAudit(368, client, "Satisfactory; one minor nonconformity to close within 60 days.");
    }

    private void secondYearAudits() {
        AuditRef a2 = audit(320, AuditType.INTERNAL, null, null, "Incident management and logging",
                "Check that incidents are recorded, handled, learnt from and that logs support the investigation.",
                List.of(customerSuccess, office), cast.auditor(), null, 300, 298,
                true, "iso27001-2022:A.5.24", "iso27001-2022:A.5.27", "iso27001-2022:A.8.15", "iso27001-2022:A.8.16");
        finding(298, a2, "A.5.27", LineResult.MINOR_NONCONFORMITY, postIncidentReviews, "Post-incident reviews not done for two incidents",
                "The lost laptop and the misdirected export have no post-incident review; the procedure asks for one within 10 days.",
                customerSuccess, cast.customerSuccess());
        reportAudit(295, a2, "Incidents are recorded and handled promptly; learning from them is not yet routine (one minor nonconformity).");
        closeAudit(240, a2);

        AuditRef a3 = audit(160, AuditType.INTERNAL, null, null, "Supplier relationships and cloud services",
                "Check supplier selection, assessment and monitoring since the certification audit.",
                List.of(finance, engineering), cast.secondAuditor(), null, 140, 138,
                true, "iso27001-2022:A.5.19", "iso27001-2022:A.5.20", "iso27001-2022:A.5.22", "iso27001-2022:A.5.23");
        finding(138, a3, "A.5.19", LineResult.MINOR_NONCONFORMITY, payrollSupplier, "New payroll provider contracted without a security assessment",
                "The new payroll provider (staff bank details) was contracted four months ago; no security assessment was made, "
                        + "as with the suppliers found by the certification audit.",
                finance, cast.ceo());
        reportAudit(135, a3, "Supplier assessments are done for tech suppliers; purchases outside engineering bypass them (one minor nonconformity).");

        AuditRef surveillance = audit(80, AuditType.CERTIFICATION, CertificationStage.SURVEILLANCE, null,
                "First surveillance audit", "Surveillance of the certified ISMS.",
                List.of(engineering, people, office), null, "Grace Mensah", 63, 62,
                true, "iso27001-2022:9.3.2", "iso27001-2022:10.2", "iso27001-2022:A.8.16", "iso27001-2022:A.6.3");
        finding(62, surveillance, "A.8.16", LineResult.OPPORTUNITY, alertTuning, "Tune the monitoring alerts",
                "About 300 alerts a week, most closed unread; the important ones risk being missed.", engineering, cast.devops());
        reportAudit(58, surveillance, "Certification maintained. The ISMS is improving; management review works well.");

        // Halden Retail's audit is under way; the secure development audit is planned.
        AuditRef halden = audit(50, AuditType.CLIENT_OR_THIRD_PARTY, null, "Halden Retail", "Halden Retail onboarding security audit",
                "Supplier due diligence before Halden's go-live.", List.of(engineering, customerSuccess), null, "Priya Shah", 3, 1,
                false, "iso27001-2022:A.5.14", "iso27001-2022:A.8.24", "iso27001-2022:A.5.34");
        time.on(3, "09:30", cast.you(), () -> {
            AuditView audit = services.audits.get(org, halden.id);
            services.audits.start(cast.you().tenant(), halden.id, audit.version());
        });
        time.on(3, "15:00", cast.you(), () -> line(halden, "A.8.24", LineResult.CONFORMING, "TLS 1.2+ everywhere; KMS keys rotated yearly.", "AWS config export"));
        audit(30, AuditType.INTERNAL, null, null, "Secure development and change management",
                "Check secure coding, code review and the change process, including the new AI coding assistant.",
                List.of(engineering), cast.auditor(), null, -25, -26,
                false, "iso27001-2022:A.8.25", "iso27001-2022:A.8.28", "iso27001-2022:A.8.32");
    }

    /** An audit of the story, and who works on it in Ratchet (the lead auditor, or the ISMS manager for external audits). */
    static final class AuditRef extends Ref {
        Person by;
    }

    /**
     * Plans an audit (describing and approving its year's programme with the first one), puts its team together
     * and, when {@code held}, starts it on its first day and records the lines not written otherwise as conforming on
     * its last.
     */
    private AuditRef audit(int plannedAgo, AuditType type, CertificationStage stage, String party, String title, String objectives,
            List<UUID> areas, Person lead, String externalLead, int startAgo, int endAgo, boolean held, String... requirements) {
        AuditRef audit = new AuditRef();
        audit.by = lead != null ? lead : cast.you();
        time.on(plannedAgo, "10:00", cast.you(), () -> {
            AuditForm form = new AuditForm();
            form.setTitle(title);
            form.setType(type);
            form.setCertificationStage(stage);
            form.setCertificationBody(type == AuditType.CERTIFICATION ? "Sterling Assurance Ltd (UKAS accredited)" : null);
            form.setParty(party);
            form.setContractReference(party == null ? null : party.startsWith("Northbank") ? "Master services agreement NB-2024-117, schedule 4"
                    : "Mutual NDA and supplier agreement HR-2026-031");
            form.setObjectives(objectives);
            form.setPlannedStart(time.today().minusDays(startAgo));
            form.setPlannedEnd(time.today().minusDays(endAgo));
            form.setAreaIds(new ArrayList<>(areas));
            form.setRequirements(List.of(requirements));
            AuditView planned = services.audits.plan(cast.you().tenant(), form);
            audit.id = planned.id();
            TeamMemberForm member = new TeamMemberForm();
            member.setLead(true);
            if (lead != null) {
                member.setUserId(lead.userId());
            }
            else {
                member.setExternalName(externalLead);
                member.setExternalOrganisation(type == AuditType.CERTIFICATION ? "Sterling Assurance Ltd" : party);
            }
            member.setVersion(planned.version());
            services.audits.addTeamMember(cast.you().tenant(), audit.id, member);
            ProgrammeView programme = services.audits.programme(org, planned.programmeYear());
            if (!programme.approved()) {
                services.audits.describeProgramme(cast.you().tenant(), planned.programmeYear(),
                        "Every area at least once in the three-year cycle, high-risk areas every year; the certification "
                                + "body's stage 2 and surveillance audits and the audits our customers' contracts require.",
                        programme.version());
                ProgrammeView described = services.audits.programme(org, planned.programmeYear());
                Timeline.actAs(cast.ceo());
                services.audits.approveProgramme(cast.ceo().tenant(), planned.programmeYear(),
                        "Approved at the leadership meeting.", described.version());
            }
        });
        if (held) {
            Person who = audit.by;
            time.on(startAgo, "09:00", who, () -> services.audits.start(who.tenant(), audit.id, services.audits.get(org, audit.id).version()));
            time.on(endAgo, "11:00", who, () -> {
                AuditView view = services.audits.get(org, audit.id);
                for (AuditView.Line line : view.lines()) {
                    if (line.result() == null) {
                        LineForm form = new LineForm();
                        form.setResult(LineResult.CONFORMING);
                        form.setNotes("Conforming: records sampled and the owner interviewed.");
                        form.setEvidenceSeen("Records sampled on " + time.day(endAgo));
                        form.setVersion(line.version());
                        services.audits.recordLine(who.tenant(), audit.id, line.id(), form);
                    }
                }
            });
        }
        return audit;
    }

    private void line(AuditRef audit, String code, LineResult result, String notes, String evidence) {
        AuditView view = services.audits.get(org, audit.id);
        AuditView.Line line = view.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        LineForm form = new LineForm();
        form.setResult(result);
        form.setNotes(notes);
        form.setEvidenceSeen(evidence);
        form.setVersion(line.version());
        Person who = audit.by;
        services.audits.recordLine(who.tenant(), audit.id, line.id(), form);
    }

    /** A line's finding recorded and raised into the register, where its owner takes it on. */
    private void finding(int daysAgo, AuditRef audit, String code, LineResult result, Ref record, String title, String description,
            UUID area, Person owner) {
        time.on(daysAgo, "10:30", audit.by, () -> {
            line(audit, code, result, description, "Interviews and records sampled");
            AuditView view = services.audits.get(org, audit.id);
            AuditView.Line line = view.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
            FindingForm form = new FindingForm();
            form.setTitle(title);
            form.setDescription(description);
            form.setAreaId(area);
            form.setOwnerId(owner.userId());
            form.setVersion(line.version());
            Person who = audit.by;
            AuditView raised = services.audits.raiseFinding(who.tenant(), audit.id, line.id(), form);
            record.id = raised.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().improvementId();
        });
    }

    private void reportAudit(int daysAgo, AuditRef audit, String conclusion) {
        time.on(daysAgo, "16:00", audit.by, () -> {
            Person who = audit.by;
            services.audits.report(who.tenant(), audit.id, conclusion, services.audits.get(org, audit.id).version());
        });
    }

    private void closeAudit(int daysAgo, Ref audit) {
        time.on(daysAgo, "12:00", cast.you(),
                () -> services.audits.close(cast.you().tenant(), audit.id, services.audits.get(org, audit.id).version()));
    }

    // --- incidents -----------------------------------------------------------------------------------------------

    private final Ref phishing = new Ref();
    private final Ref misdirected = new Ref();
    private final Ref bucket = new Ref();
    private final Ref contractor = new Ref();

    private void incidents() {
        incident(470, "Phishing e-mail: a support agent entered their Google password", Category.PHISHING, Severity.MEDIUM,
                "Google Workspace account of one support agent", customerSuccess,
                "A fake 'shared document' e-mail led to a look-alike login page; the agent entered their password.",
                "Password reset within 20 minutes, sessions revoked; MFA had blocked the sign-in attempt from abroad.",
                "MFA worked. Staff did not recognise the look-alike domain; report button not known to new joiners.",
                phishing, "Credentials entered on a phishing page", cast.customerSuccess());
        incident(410, "Laptop stolen from a car in Bristol", Category.LOSS_OR_THEFT, Severity.LOW,
                "MacBook Pro of a sales manager (FileVault on)", office,
                "A laptop was stolen from a locked car; the disk was encrypted and the device was wiped remotely the same evening.",
                "Device locked and wiped through Jamf, Okta sessions revoked, police report CR/2025/1187.",
                "Encryption and remote wipe worked as designed.", null, null, null);
        incident(345, "Customer export e-mailed to the wrong customer", Category.DATA_LEAK, Severity.HIGH,
                "CSV export of 1,850 end-user records of Brightmoor Foods", customerSuccess,
                "A support agent attached Brightmoor's export to an e-mail to another customer with a similar name.",
                "Recipient confirmed deletion in writing; Brightmoor informed the same day; ICO breach assessment: not reportable (low risk, deleted).",
                "Exports should not leave the product by e-mail at all.", misdirected, "Customer data sent to the wrong customer", cast.customerSuccess());
        incident(262, "Public S3 bucket with test data found by the cloud scanner", Category.MISCONFIGURATION, Severity.MEDIUM,
                "s3://kestrel-staging-fixtures", engineering,
                "A staging bucket was public for 9 days; it held synthetic test data and one real customer logo file.",
                "Public access blocked, access logs checked (3 reads, all from our office), AWS account-level public access block enabled.",
                "Account-level guardrails beat per-bucket settings.", bucket, "Staging bucket left publicly readable", cast.devops());
        incident(118, "Login page slowed by a credential-stuffing attack", Category.AVAILABILITY, Severity.MEDIUM,
                "app.kestrel-analytics.example login", engineering,
                "About 2 million login attempts in 6 hours from a botnet; the login page slowed, no account was taken over.",
                "Rate limiting and a WAF rule added; affected customers told.", "Rate limiting belongs in the baseline of every public endpoint.",
                null, null, null);
        incident(22, "Former contractor's GitHub account still in the organisation", Category.UNAUTHORISED_ACCESS, Severity.MEDIUM,
                "GitHub organisation kestrel-analytics", engineering,
                "The Q3 access review found a contractor who left in June still a member of the GitHub organisation; no activity since leaving.",
                "Account removed, audit log checked: no clone or push after the leaving date.",
                "Contractors are not in HiBob, so the Okta leaver flow never runs for them.", contractor,
                "Contractor kept GitHub access after leaving", cast.devops());
    }

    private void incident(int daysAgo, String title, Category category, Severity severity, String assets, UUID area,
            String summary, String response, String lessons, Ref record, String raiseTitle, Person owner) {
        Ref incident = new Ref();
        time.on(daysAgo, "17:30", cast.you(), () -> {
            IncidentForm form = new IncidentForm();
            form.setTitle(title);
            java.time.OffsetDateTime occurred = time.day(daysAgo).atTime(LocalTime.of(9, 40)).atZone(java.time.ZoneId.of(DemoOrganisation.ZONE))
                    .toOffsetDateTime();
            form.setOccurredAt(occurred);
            form.setDetectedAt(occurred.plusMinutes(35));
            form.setResolvedAt(occurred.plusHours(5));
            form.setCategory(category);
            form.setSeverity(severity);
            form.setAffectedAssets(assets);
            form.setAreaIds(List.of(area));
            form.setSummary(summary);
            form.setResponse(response);
            form.setLessonsLearned(lessons);
            incident.id = services.incidents.record(cast.you().tenant(), form).id();
        });
        if (record != null) {
            time.on(daysAgo - 1, "10:00", cast.you(), () -> {
                RaiseForm raise = services.incidents.proposeRaise(org, incident.id);
                raise.setKind(Kind.NONCONFORMITY);
                raise.setGrade(severity == Severity.HIGH ? Grade.MAJOR : Grade.MINOR);
                raise.setTitle(raiseTitle);
                raise.setDescription(summary + " " + lessons);
                raise.setAreaId(area);
                raise.setOwnerId(owner.userId());
                record.id = services.incidents.raise(cast.you().tenant(), incident.id, raise).id();
            });
        }
    }

    // --- the register: each record through its workflow ----------------------------------------------------------

    private void otherRecords() {
        Person you = cast.you();
        // The leavers' nonconformity from the first audit: SSO fixed it, effective at first review ...
        contain(476, leavers, cast.operations(), "The 3 accounts removed the same day.", "Audit logs checked: no use after leaving.");
        analyse(470, leavers, cast.operations(), "Leaver steps exist only for Google Workspace.",
                "Tools outside Google Workspace are removed by hand", "Nobody owns the list of SaaS tools each person has",
                "SaaS tools are bought by teams and not connected to a single identity provider.",
                true, "Every team buys SaaS tools; all leavers are affected.");
        plan(468, leavers, cast.operations(), new Act("Put all SaaS tools behind Okta single sign-on", cast.cto(), 120,
                "Every tool on the SaaS list signs in through Okta; a leaver is removed everywhere in one step"),
                new Act("Add the leaver checklist to HR offboarding", cast.operations(), 30, "Checklist used for every leaver"));
        complete(440, leavers, "leaver checklist", "Checklist in the HR offboarding template since May; used for 4 leavers.");
        complete(300, leavers, "single sign-on", "Okta single sign-on for 23 tools (see the change log); SCIM de-provisioning tested.");
        implement(299, leavers, cast.operations());
        effectiveness(230, leavers, cast.auditor(), true, "Sampled all 7 leavers since the SSO roll-out",
                "All removed from every tool within one working day (Okta system log).");
        // ... until the contractor's account turned up: a recurrence, so the earlier review is in question.
        step(20, "11:00", you, contractor, Transition.RECORD_RECURRENCE, r -> r.setRecurrenceOf(leavers.id));
        contain(20, contractor, cast.devops(), "Account removed; all other contractors checked (2, both current).",
                "GitHub audit log reviewed: no activity after the leaving date.");

        // Automating access reviews: an opportunity taken and closed with its benefit.
        evaluate(470, accessReviews, dev.ratchet.improvement.Evaluation.ACCEPTED, null);
        plan(468, accessReviews, cast.devops(), new Act("Script the export of members from AWS, GitHub and Okta", cast.devops(), 60,
                "The quarterly review starts from one generated list"));
        complete(420, accessReviews, "Script", "Script in the infra repository (access-review.py); used for the Q4 review.");
        implement(419, accessReviews, cast.devops());
        step(400, "10:00", you, accessReviews, Transition.CLOSE,
                r -> r.setBenefitRealised("The quarterly review takes two hours instead of two days."));

        // Suppliers: corrected after certification, effective ... and found again by the supplier audit.
        contain(418, suppliers, cast.ceo(), "Assessments of the 3 suppliers done within the month.", "No data was exposed; assessments found no gaps.");
        analyse(416, suppliers, cast.ceo(), "The supplier list had no owner.", "Nobody checked new suppliers",
                "Supplier onboarding has no security step", "Suppliers are bought by several teams without a common process.",
                true, "Any team buying a service could miss it.");
        plan(414, suppliers, cast.ceo(), new Act("Add a security assessment step to supplier onboarding", cast.auditor(), 45,
                "No critical supplier without an assessment at the next quarterly check"));
        complete(380, suppliers, "supplier onboarding", "Procurement checklist v2 with the security questionnaire; all 12 critical suppliers assessed.");
        implement(379, suppliers, cast.ceo());
        effectiveness(310, suppliers, cast.secondAuditor(), true, "Checked suppliers added since the change", "2 new suppliers, both assessed before contract.");
        step(136, "15:00", you, payrollSupplier, Transition.RECORD_RECURRENCE, r -> r.setRecurrenceOf(suppliers.id));
        contain(133, payrollSupplier, cast.ceo(), "Assessment of the payroll provider requested.", "Provider's ISO 27001 certificate obtained meanwhile.");
        analyse(125, payrollSupplier, cast.ceo(), "The new checklist is used by engineering only.", "Finance used its own process",
                "The procurement checklist is not part of the finance purchase approval",
                "Finance buys services through the accounting system, which does not ask for the checklist.",
                true, "All purchases outside engineering.");
        plan(124, payrollSupplier, cast.ceo(), new Act("Make the security questionnaire a required field of purchase approval", cast.auditor(), 60,
                "No purchase order for a service without the questionnaire"),
                new Act("Assess the payroll provider", cast.auditor(), 30, "Assessment on file and reviewed"));
        complete(100, payrollSupplier, "Assess the payroll", "Assessment received and reviewed: acceptable with two recommendations.");
        reschedule(66, payrollSupplier, "questionnaire", 45, "The accounting system's vendor needs a paid change; waiting for their quote.");

        // The SoA rationale: deferred to the next SoA review.
        step(419, "09:00", you, soaRationale, Transition.EVALUATE, r -> {
            r.setEvaluation(dev.ratchet.improvement.Evaluation.DEFERRED);
            r.setReason("Done with the yearly SoA review after the risk assessment.");
            r.setDeferredUntil(time.ahead(40));
        });

        // Restore tests: the first fix did not work, the second attempt waits for its effectiveness review.
        contain(366, restoreTests, cast.engineer(), "A restore of the largest customer database done and recorded.", "Northbank sent the record.");
        analyse(364, restoreTests, cast.engineer(), "Restore tests were in the old Heroku runbook only.", "The runbook was not migrated",
                "Operational checks were not part of the AWS migration plan", "The migration checklist covered systems, not routines.",
                true, "Other routines from the Heroku runbook may be lost too.");
        plan(362, restoreTests, cast.engineer(), new Act("Monthly restore test in the AWS runbook", cast.engineer(), 30,
                "A restore test recorded every month"));
        complete(330, restoreTests, "Monthly restore", "Runbook page 'Monthly restore test' and first record.");
        implement(330, restoreTests, cast.engineer());
        effectiveness(260, restoreTests, cast.auditor(), false, "Checked the restore records for three months",
                "Only one of three monthly tests was done: the task depends on one person remembering.");
        analyse(255, restoreTests, cast.engineer(), "The runbook step was not scheduled.", "Nobody reminded the engineer",
                "Recurring operational checks are not scheduled or monitored", "Routines depend on memory.",
                true, "Patch reviews and key rotation are routines too.");
        plan(254, restoreTests, cast.engineer(), new Act("Automate the monthly restore test with an alert when it fails or is skipped", cast.devops(), 60,
                "12 consecutive monthly restore records, alert tested"));
        complete(150, restoreTests, "Automate", "Scheduled job restore-verify in the ops account; alert to #ops-alerts; 4 runs recorded.");
        implement(149, restoreTests, cast.engineer());

        // Post-incident reviews: implemented, its effectiveness review under way.
        contain(293, postIncidentReviews, cast.customerSuccess(), "Both reviews held in the following week.", "Lessons shared at the all-hands.");
        analyse(290, postIncidentReviews, cast.customerSuccess(), "The procedure asks for reviews but nobody schedules them.",
                "The incident is closed when resolved", "Closing an incident does not require its review",
                "The ticket template has no review step.", true, "Every incident type.");
        plan(288, postIncidentReviews, cast.customerSuccess(), new Act("Add 'post-incident review held' as a required field before closing an incident ticket", cast.devops(), 30,
                "Every incident since the change has a review within 10 days"));
        complete(200, postIncidentReviews, "post-incident", "Jira workflow changed; 4 incidents closed since, all with reviews.");
        implement(199, postIncidentReviews, cast.customerSuccess());
        time.on(10, "09:00", you, () -> transition(you, postIncidentReviews, Transition.START_EFFECTIVENESS_REVIEW, r -> { }));

        // The phishing nonconformity: closed, effective.
        contain(468, phishing, cast.customerSuccess(), "Password reset, sessions revoked, mailbox rules checked.", "No data accessed.");
        analyse(465, phishing, cast.customerSuccess(), "Awareness training is given once a year.", "The agent did not spot the domain",
                "New joiners get no phishing training before the yearly session", "Training is annual, not at joining.",
                true, "All new joiners.");
        plan(464, phishing, cast.customerSuccess(), new Act("Phishing module in onboarding, monthly simulations", cast.operations(), 45,
                "Every joiner trained in week one; click rate measured monthly"));
        complete(425, phishing, "Phishing module", "Onboarding module live; monthly KnowBe4 campaigns started.");
        implement(424, phishing, cast.customerSuccess());
        effectiveness(355, phishing, cast.auditor(), true, "Compared click rates and joiners' training records", "Click rate from 14 % to 6 %; all joiners trained.");

        // The misdirected export: major, actions planned, one late and one rescheduled.
        contain(343, misdirected, cast.customerSuccess(), "Recipient deleted the file (written confirmation); customer informed.",
                "ICO breach assessment recorded: not reportable.");
        analyse(330, misdirected, cast.customerSuccess(), "Support sends exports by e-mail because customers ask for them.",
                "The agent picked the wrong contact", "Exports leave the product as e-mail attachments",
                "There is no secure way to hand an export to a customer.", true, "All support agents, every week.");
        plan(328, misdirected, cast.customerSuccess(), new Act("Build expiring download links for exports in the product", cast.engineer(), 120,
                "No export sent as attachment for three months (mail gateway DLP report)"),
                new Act("Block CSV attachments with personal data at the mail gateway", cast.devops(), 60,
                        "DLP rule active and tested"));
        complete(280, misdirected, "Block CSV", "DLP rule 'csv-personal-data' active in Google Workspace; tested with a sample file.");
        reschedule(210, misdirected, "expiring download", 75, "The export links were moved behind the Okta work in the roadmap.");
        reschedule(130, misdirected, "expiring download", 60, "Engineering capacity went to the availability work after the credential-stuffing attack.");

        // The public bucket: staging rebuilt from Terraform, effective.
        contain(261, bucket, cast.devops(), "Public access blocked on the bucket and for the whole account.", "Access logs reviewed: 3 reads, all ours.");
        analyse(255, bucket, cast.devops(), "Per-bucket settings are set by hand in staging.", "Staging is configured by hand",
                "Staging grew from experiments", "Staging is not built from Terraform like production",
                true, "Any hand-built environment; the sandbox accounts too.");
        plan(254, bucket, cast.devops(), new Act("Build staging and the sandboxes from Terraform with the production guardrails", cast.devops(), 90,
                "No resource in staging or sandboxes outside Terraform (drift report empty for a month)"));
        complete(150, bucket, "Terraform", "Staging rebuilt from the platform modules; nightly drift report in #ops.");
        implement(149, bucket, cast.devops());
        effectiveness(80, bucket, cast.secondAuditor(), true, "Read four weeks of drift reports and the scanner findings",
                "Drift report empty; no public resource found by the cloud scanner since.");

        // Policy compliance: the failed access review and the export shared through Dropbox.
        time.on(67, "09:00", you, () -> checkFailure.id = services.improvements.raisedFrom(org, accessControl.id).get(0).id());
        triage(67, checkFailure, cast.devops(), Grade.MINOR);
        contain(66, checkFailure, cast.devops(), "Review done by hand; the three leavers' GitHub accounts removed.",
                "Audit logs checked: no activity after leaving.");
        analyse(60, checkFailure, cast.devops(), "The check depended on a script nobody watched.", "The export script failed silently",
                "The access review has no reminder or owner's confirmation", "A broken script was taken for an empty result.",
                true, "Any check that runs from a script.");
        plan(58, checkFailure, cast.devops(), new Act("Alert when the access review export fails or returns nothing", cast.devops(), 40,
                "A failing export raises an alert within a day (tested)"));
        time.on(40, "09:00", you, () -> dropbox.id = services.improvements.raisedFrom(org, acceptableUse.id).get(0).id());
        triage(40, dropbox, cast.customerSuccess(), Grade.MINOR);
        contain(39, dropbox, cast.customerSuccess(), "Link revoked (opened once, by the customer); file deleted from Dropbox.",
                "Halden Retail informed; they confirmed the file was theirs and deleted their copy.");
        analyse(20, dropbox, cast.customerSuccess(), "The product's export links are not built yet (see the misdirected export).",
                "Support needed to send a large file quickly", "There is no approved way to share large customer files",
                "The secure export links are late, and no interim tool was named.", true, "Every support agent who handles exports.");
    }

    private void feedback() {
        Ref trustCentre = new Ref();
        Ref trustRecord = new Ref();
        time.on(150, "11:00", cast.you(), () -> {
            FeedbackForm form = new FeedbackForm();
            form.setKind(FeedbackKind.IDEA);
            form.setSubject("Customers ask for a public trust centre");
            form.setText("Three prospects this quarter sent 200-question security questionnaires; a public page with our "
                    + "certificate, policies summary and sub-processors would answer most of it.");
            form.setPartyType(PartyType.CUSTOMER);
            form.setPartyName("Prospects via the sales team");
            form.setReceivedOn(time.day(150));
            trustCentre.id = services.feedback.submit(cast.you().tenant(), form).id();
        });
        time.on(148, "10:00", cast.you(), () -> {
            RaiseForm raise = services.feedback.proposeRaise(cast.you().tenant(), trustCentre.id);
            raise.setKind(Kind.OPPORTUNITY);
            raise.setTitle("Publish a trust centre page");
            raise.setOwnerId(cast.customerSuccess().userId());
            raise.setAreaId(customerSuccess);
            services.feedback.raise(cast.you().tenant(), trustCentre.id, raise);
            trustRecord.id = services.improvements.raisedFrom(org, trustCentre.id).get(0).id();
        });
        evaluate(140, trustRecord, dev.ratchet.improvement.Evaluation.ACCEPTED, null);
        plan(139, trustRecord, cast.customerSuccess(), new Act("Publish the trust centre with certificate, sub-processors and policy summaries",
                cast.customerSuccess(), 200, "Page live; questionnaires answered with a link"));

        Ref passwordManager = new Ref();
        time.on(310, "13:00", cast.engineer(), () -> {
            FeedbackForm form = new FeedbackForm();
            form.setKind(FeedbackKind.IDEA);
            form.setSubject("Shared passwords in a password manager");
            form.setText("Some shared accounts (social media, the domain registrar) have passwords in a Google Doc.");
            form.setPartyType(PartyType.MEMBER);
            form.setReceivedOn(time.day(310));
            passwordManager.id = services.feedback.submit(cast.engineer().tenant(), form).id();
        });
        time.on(305, "10:00", cast.you(), () -> services.feedback.close(cast.you().tenant(), passwordManager.id,
                "Thanks: 1Password Business is rolled out to everyone with the Okta change; the Google Doc is deleted.",
                services.feedback.get(cast.you().tenant(), passwordManager.id).version()));

        time.on(15, "09:00", cast.you(), () -> {
            ReportForm form = new ReportForm();
            form.setKind(Kind.OPPORTUNITY);
            form.setSource(Source.CHANGE);
            form.setTitle("Guidance for safe use of the AI coding assistant");
            form.setDescription("Before the coding assistant is rolled out: which repositories it may see, no secrets in "
                    + "prompts, review of generated code as for any other code.");
            form.setAreaId(engineering);
            services.improvements.report(cast.you().tenant(), form);
        });
        time.on(320, "14:00", cast.engineer(), () -> {
            ReportForm form = new ReportForm();
            form.setKind(Kind.NONCONFORMITY);
            form.setSource(Source.OTHER);
            form.setTitle("Visitor badge not returned");
            form.setDescription("A visitor left with their badge yesterday.");
            form.setAreaId(office);
            visitorBadge.id = services.improvements.report(cast.engineer().tenant(), form).id();
        });
        step(318, "09:00", cast.you(), visitorBadge, Transition.REJECT,
                r -> r.setReason("Visitor badges give no access (they are name tags); not a nonconformity with any requirement."));
        Ref whiteboard = new Ref();
        time.on(230, "17:00", cast.operations(), () -> {
            ReportForm form = new ReportForm();
            form.setKind(Kind.NONCONFORMITY);
            form.setSource(Source.OTHER);
            form.setTitle("Customer names left on the meeting-room whiteboard");
            form.setDescription("Renewal figures of four customers stayed on the Harbour room whiteboard overnight during a visitor day.");
            form.setAreaId(office);
            whiteboard.id = services.improvements.report(cast.operations().tenant(), form).id();
        });
        triage(229, whiteboard, cast.operations(), Grade.MINOR);
        contain(229, whiteboard, cast.operations(), "Whiteboard wiped; visitors were escorted and did not use the room.", "No customer affected.");
        step(225, "10:00", cast.operations(), whiteboard, Transition.ANALYSE, r -> fillAnalysis(r,
                "A one-off during the office move; the clear-desk rule is known and followed elsewhere.",
                List.of("The board was not wiped", "The meeting ran late and everyone left at once"),
                "A one-off lapse at the end of a late meeting", false, "Only this room has a whiteboard visible from the visitor area.",
                "Clear desk checks in the last six months found nothing; a reminder at the all-hands is enough."));
        step(225, "10:30", cast.operations(), whiteboard, Transition.CLOSE_WITHOUT_ACTION, r -> { });

        // Alert tuning from the surveillance audit: not taken up.
        step(55, "11:00", cast.you(), alertTuning, Transition.EVALUATE, r -> {
            r.setEvaluation(dev.ratchet.improvement.Evaluation.REJECTED);
            r.setReason("Folded into the managed detection service the management review asked for: the provider tunes the alerts.");
        });
    }

    private final Ref visitorBadge = new Ref();
    private final Ref checkFailure = new Ref();
    private final Ref dropbox = new Ref();

    // --- management reviews --------------------------------------------------------------------------------------

    private void reviews() {
        Ref first = review(380, 366, 364, new String[] {
            "The Northbank contract and two public-sector customers make certification a sales requirement.",
            "Customers ask for UK data residency (done with the AWS move) and faster questionnaire answers.",
            "Risk assessment updated last month: supplier risk and leaver access are the top two risks." });
        decide(364, first, DecisionType.ISMS_CHANGE, "Meet every six months instead of every quarter",
                "The ISMS is stable after certification; quarterly meetings repeated the same figures.", List.of("d", "g"),
                new Act("Change the review cadence and the Continual Improvement Policy", cast.you(), 14, "Policy 2.0 approved with the six-month cadence"));
        decide(364, first, DecisionType.RESOURCE_NEED, "Budget for a managed detection service",
                "Monitoring depends on one DevOps engineer; alerts are missed at night.", List.of("d", "f"),
                new Act("Compare three managed detection providers and propose one", cast.cto(), 90,
                        "A proposal with cost and coverage at the next review"));
        approveReview(362, first);
        completeReviewAction(356, first, "review cadence", "Cadence set to six months; Continual Improvement Policy 2.0 approved.");

        Ref second = review(215, 200, 198, new String[] {
            "The Halden Retail deal brings a client audit; AI features on the roadmap raise new questions.",
            "Northbank asked for faster incident notification (contract change expected).",
            "Risk assessment: supplier risk stays high (payroll provider), leaver access reduced by SSO." });
        decide(198, second, DecisionType.POLICY_CHANGE, "Add supplier security to the Information Security Policy",
                "Two supplier nonconformities in a year show the rule must be in the top-level policy.", List.of("d"),
                new Act("Draft the supplier security section", cast.you(), 21, "Policy approved with the new section"));
        decide(198, second, DecisionType.OBJECTIVE_CHANGE, "Keep the phishing target at 5 % and report it monthly",
                "The rate is on target but new joiners click most.", List.of("d", "e"),
                new Act("Add the joiners' click rate to the monthly report", cast.operations(), 30, "Joiners' rate in every monthly report"));
        approveReview(196, second);
        completeReviewAction(170, second, "supplier security section", "Information Security Policy 2.0 approved with the supplier section.");
        completeReviewAction(160, second, "joiners", "Monthly report shows joiners separately since June.");
        // The managed detection proposal from the first review slipped twice and is still open.
        time.on(270, "10:00", cast.cto(), () -> rescheduleReviewAction(first, "managed detection", 120, "Waiting for the budget round."));
        time.on(150, "10:00", cast.cto(), () -> rescheduleReviewAction(first, "managed detection", 130, "Two providers asked for a proof of concept first."));

        // The next review is planned: the ISMS manager has written one of the three inputs so far.
        time.on(14, "10:00", cast.you(), () -> {
            ScheduleForm schedule = new ScheduleForm();
            schedule.setPlannedDate(time.ahead(17));
            schedule.setTitle(reviewTitle(schedule.getPlannedDate()));
            UUID id = services.reviews.schedule(cast.you().tenant(), schedule).id();
            InputsForm inputs = new InputsForm();
            inputs.setExternalInternalIssues("The AI coding assistant and Halden Retail's go-live; Northbank's 24-hour notice.");
            inputs.setVersion(services.reviews.get(org, id).version());
            services.reviews.writeInputs(cast.you().tenant(), id, inputs);
        });
    }

    /** "Management review, November 2025": named by the month it is held in. */
    private static String reviewTitle(LocalDate held) {
        return "Management review, " + held.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
                + " " + held.getYear();
    }

    private Ref review(int plannedAgo, int heldAgo, int approvedAgo, String[] inputs) {
        String title = reviewTitle(time.day(heldAgo));
        Ref review = new Ref();
        time.on(plannedAgo, "10:00", cast.you(), () -> {
            ScheduleForm schedule = new ScheduleForm();
            schedule.setTitle(title);
            schedule.setPlannedDate(time.day(heldAgo));
            review.id = services.reviews.schedule(cast.you().tenant(), schedule).id();
        });
        time.on(heldAgo + 3, "15:00", cast.you(), () -> {
            InputsForm form = new InputsForm();
            form.setExternalInternalIssues(inputs[0]);
            form.setInterestedParties(inputs[1]);
            form.setRiskAssessment(inputs[2]);
            form.setVersion(services.reviews.get(org, review.id).version());
            services.reviews.writeInputs(cast.you().tenant(), review.id, form);
        });
        time.on(heldAgo, "14:00", cast.you(), () -> {
            services.reviews.start(cast.you().tenant(), review.id, services.reviews.get(org, review.id).version());
            ReviewView started = services.reviews.get(org, review.id);
            MinutesForm minutes = new MinutesForm();
            minutes.setPresent(List.of(cast.ceo().userId(), cast.cto().userId(), cast.you().userId()));
            minutes.setApologies(List.of(cast.operations().userId()));
            minutes.setOtherAttendees("Aisha Rahman (internal auditor) for input (d)");
            List<MinutesForm.ItemForm> items = new ArrayList<>();
            for (var item : started.agenda()) {
                MinutesForm.ItemForm form = new MinutesForm.ItemForm();
                form.setId(item.id());
                form.setDiscussed(true);
                form.setNotes(StoryTexts.minute(item.code()));
                items.add(form);
            }
            minutes.setItems(items);
            minutes.setVersion(started.version());
            services.reviews.writeMinutes(cast.you().tenant(), review.id, minutes);
        });
        return review;
    }

    private void decide(int daysAgo, Ref review, DecisionType type, String decision, String rationale, List<String> inputs,
            Act action) {
        time.on(daysAgo, "16:00", cast.you(), () -> {
            DecisionForm form = new DecisionForm();
            form.setType(type);
            form.setDecision(decision);
            form.setRationale(rationale);
            form.setInputs(new ArrayList<>(inputs));
            DecisionForm.ActionForm a = new DecisionForm.ActionForm();
            a.setTitle(action.title());
            a.setOwnerId(action.owner().userId());
            a.setDueDate(time.day(daysAgo).plusDays(action.dueInDays()));
            a.setSuccessCriteria(action.successCriteria());
            form.setActions(new ArrayList<>(List.of(a)));
            services.reviews.decide(cast.you().tenant(), review.id, form);
        });
    }

    private void approveReview(int daysAgo, Ref review) {
        time.on(daysAgo, "09:00", cast.ceo(),
                () -> services.reviews.approve(cast.ceo().tenant(), review.id, services.reviews.get(org, review.id).version()));
    }

    private List<ActionView> reviewActions(Ref review) {
        return services.actions.of(org, "REVIEW", review.id);
    }

    private ActionView reviewAction(Ref review, String which) {
        return reviewActions(review).stream().filter(a -> a.title().contains(which)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No review action \"" + which + "\""));
    }

    private void completeReviewAction(int daysAgo, Ref review, String which, String evidence) {
        time.on(daysAgo, "11:00", cast.you(), () -> {
            ActionView action = reviewAction(review, which);
            Person owner = cast.byId(action.ownerId());
            Timeline.actAs(owner);
            services.actions.complete(org, action.id(), owner.userId(), false, evidence, action.version());
        });
    }

    private void rescheduleReviewAction(Ref review, String which, int moreDays, String reason) {
        ActionView action = reviewAction(review, which);
        services.actions.reschedule(org, action.id(), action.ownerId(), false, action.dueDate().plusDays(moreDays), reason,
                action.version());
    }

    // --- workflow steps ------------------------------------------------------------------------------------------

    private ImprovementView transition(Person who, Ref record, Transition transition, Consumer<TransitionRequest> fill) {
        TransitionRequest request = new TransitionRequest();
        request.setTransition(transition);
        request.setVersion(services.improvements.get(who.tenant(), record.id).version());
        fill.accept(request);
        return services.improvements.transition(who.tenant(), record.id, request);
    }

    private void step(int daysAgo, String at, Person who, Ref record, Transition transition, Consumer<TransitionRequest> fill) {
        time.on(daysAgo, at, who, () -> transition(who, record, transition, fill));
    }

    private void triage(int daysAgo, Ref record, Person owner, Grade grade) {
        step(daysAgo, "09:30", cast.you(), record, Transition.TRIAGE, r -> {
            r.setOwnerId(owner.userId());
            r.setGrade(grade);
        });
    }

    /** The owner contains it; the ISMS manager has set its target date (30 days for a major, 60 for a minor) first. */
    private void contain(int daysAgo, Ref record, Person owner, String correction, String consequences) {
        time.on(daysAgo, "11:15", cast.you(), () -> {
            ImprovementView view = services.improvements.get(cast.you().tenant(), record.id);
            if (view.targetDate() == null) {
                ReportForm form = new ReportForm();
                form.setKind(view.kind());
                form.setTitle(view.title());
                form.setDescription(view.description());
                form.setSource(view.source());
                form.setSourceReference(view.sourceReference());
                form.setGrade(view.grade());
                form.setAreaId(view.areaId());
                form.setOwnerId(view.ownerId());
                form.setRequirements(new ArrayList<>(view.requirements()));
                form.setTags(view.tags());
                form.setTargetDate(time.day(daysAgo).plusDays(view.grade() == Grade.MAJOR ? 30 : 60));
                form.setVersion(view.version());
                services.improvements.describe(cast.you().tenant(), record.id, form);
            }
        });
        step(daysAgo, "11:30", owner, record, Transition.CONTAIN, r -> {
            r.setCorrection(correction);
            r.setConsequences(consequences);
        });
    }

    private void analyse(int daysAgo, Ref record, Person owner, String review, String why1, String why2, String rootCause,
            boolean elsewhere, String elsewhereJudgement) {
        step(daysAgo, "14:00", owner, record, Transition.ANALYSE,
                r -> fillAnalysis(r, review, List.of(why1, why2), rootCause, elsewhere, elsewhereJudgement, null));
    }

    /** A 5-whys analysis; with a justification for taking no action, it decides no corrective action is needed. */
    private static void fillAnalysis(TransitionRequest r, String review, List<String> whys, String rootCause,
            boolean couldOccurElsewhere, String elsewhere, String noActionJustification) {
        r.setReviewSummary(review);
        r.setRcaMethod(RcaMethod.FIVE_WHYS);
        r.setWhys(new ArrayList<>(whys));
        r.setRootCause(rootCause);
        r.setCouldOccurElsewhere(couldOccurElsewhere);
        r.setElsewhereJudgement(elsewhere);
        r.setCorrectiveActionNeeded(noActionJustification == null);
        r.setNoActionJustification(noActionJustification);
    }

    private void evaluate(int daysAgo, Ref record, dev.ratchet.improvement.Evaluation evaluation, String reason) {
        step(daysAgo, "10:00", cast.you(), record, Transition.EVALUATE, r -> {
            r.setEvaluation(evaluation);
            r.setReason(reason);
        });
    }

    private void plan(int daysAgo, Ref record, Person who, Act... acts) {
        time.on(daysAgo, "15:30", who, () -> transition(who, record, Transition.PLAN_ACTIONS, r -> {
            List<TransitionRequest.ActionForm> actions = new ArrayList<>();
            for (Act act : acts) {
                TransitionRequest.ActionForm a = new TransitionRequest.ActionForm();
                a.setTitle(act.title());
                a.setOwnerId(act.owner().userId());
                a.setDueDate(time.day(daysAgo).plusDays(act.dueInDays()));
                a.setSuccessCriteria(act.successCriteria());
                actions.add(a);
            }
            r.setActions(actions);
        }));
    }

    private List<ActionView> currentActions(Ref record) {
        ImprovementView view = services.improvements.get(cast.you().tenant(), record.id);
        return view.actions().stream().filter(a -> a.attempt() == view.attempt()).toList();
    }

    /** The current attempt's open action whose title contains {@code which}. */
    private ActionView action(Ref record, String which) {
        return currentActions(record).stream().filter(a -> !a.status().isFinished() && a.title().contains(which)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No open action \"" + which + "\""));
    }

    /** The owner of the record's open action {@code which} completes it. */
    private void complete(int daysAgo, Ref record, String which, String evidence) {
        time.on(daysAgo, "16:30", cast.you(), () -> {
            ActionView action = action(record, which);
            Person owner = cast.byId(action.ownerId());
            Timeline.actAs(owner);
            services.actions.complete(org, action.id(), owner.userId(), false, evidence, action.version());
        });
    }

    private void reschedule(int daysAgo, Ref record, String which, int moreDays, String reason) {
        time.on(daysAgo, "12:00", cast.you(), () -> {
            ActionView action = action(record, which);
            Person owner = cast.byId(action.ownerId());
            Timeline.actAs(owner);
            services.actions.reschedule(org, action.id(), owner.userId(), false, action.dueDate().plusDays(moreDays), reason,
                    action.version());
        });
    }

    private void implement(int daysAgo, Ref record, Person owner) {
        step(daysAgo, "17:00", owner, record, Transition.IMPLEMENT, r -> { });
    }

    private void effectiveness(int daysAgo, Ref record, Person reviewer, boolean effective, String method, String evidence) {
        step(daysAgo, "10:00", cast.you(), record, Transition.START_EFFECTIVENESS_REVIEW, r -> { });
        step(daysAgo, "14:00", reviewer, record, Transition.REVIEW_EFFECTIVENESS, r -> {
            r.setEffective(effective);
            r.setMethod(method);
            r.setEvidence(evidence);
        });
    }
}
