package dev.ratchet.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.ProgrammeView;
import dev.ratchet.change.ChangeFilter;
import dev.ratchet.change.ChangeManagement;
import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementStatistics;
import dev.ratchet.incident.IncidentFilter;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.review.domain.ManagementReview;
import dev.ratchet.review.domain.ManagementReviewRepository;
import dev.ratchet.review.domain.ReviewReferences;
import dev.ratchet.review.domain.ReviewTeam;
import dev.ratchet.review.domain.ReviewTeamRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management reviews: the team, the schedule at the organisation's planned interval, and the input pack of clause
 * 9.3.2 assembled from the registers for the period since the last review, frozen when the meeting starts.
 */
@Service
@Transactional
public class ReviewManagement {

    public static final String DEFAULT_OVERSIGHT = """
            The Management Review Team oversees the information security management system on behalf of top \
            management. At planned intervals it reviews the ISMS's performance and the inputs of ISO/IEC 27001 \
            clause 9.3.2, decides on opportunities for improvement and on any need for change, including resources, \
            and follows its decisions and actions through to completion.""";

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final ManagementReviewRepository reviews;
    private final ReviewTeamRepository teams;
    private final ReviewReferences references;
    private final dev.ratchet.review.domain.ReviewDecisionRepository decisions;
    private final OrganisationManagement organisations;
    private final ImprovementManagement improvements;
    private final AuditManagement audits;
    private final ObjectiveManagement objectives;
    private final IncidentManagement incidents;
    private final ChangeManagement changes;
    private final ObligationManagement obligations;
    private final FeedbackManagement feedback;
    private final ActionManagement actions;
    private final People people;
    private final Clock clock;

    ReviewManagement(ManagementReviewRepository reviews, ReviewTeamRepository teams, ReviewReferences references,
            dev.ratchet.review.domain.ReviewDecisionRepository decisions,
            OrganisationManagement organisations, ImprovementManagement improvements, AuditManagement audits,
            ObjectiveManagement objectives, IncidentManagement incidents, ChangeManagement changes,
            ObligationManagement obligations, FeedbackManagement feedback, ActionManagement actions, People people, Clock clock) {
        this.reviews = reviews;
        this.teams = teams;
        this.references = references;
        this.decisions = decisions;
        this.organisations = organisations;
        this.improvements = improvements;
        this.audits = audits;
        this.objectives = objectives;
        this.incidents = incidents;
        this.changes = changes;
        this.obligations = obligations;
        this.feedback = feedback;
        this.actions = actions;
        this.people = people;
        this.clock = clock;
    }

    // --- the team ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public TeamView team(UUID organisationId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return teams.findById(organisationId).map(t -> new TeamView(t.getChairId(),
                        t.getChairId() == null ? null : names.getOrDefault(t.getChairId(), "(former member)"),
                        t.getDeputyIds(), t.getDeputyIds().stream().map(id -> names.getOrDefault(id, "(former member)")).toList(),
                        t.getMemberIds(), t.getMemberIds().stream().map(id -> names.getOrDefault(id, "(former member)")).toList(),
                        t.getQuorum(), t.getOversight(), true, t.getVersion()))
                .orElse(new TeamView(null, null, List.of(), List.of(), List.of(), List.of(), 2, DEFAULT_OVERSIGHT, false, 0));
    }

    public TeamView saveTeam(Tenant tenant, TeamForm form) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        ReviewTeam team = teams.findById(org).orElse(null);
        if (team != null) {
            Refused.requireCurrentVersion(form.getVersion(), team.getVersion());
        }
        if (form.getChairId() == null) {
            throw Refused.field("chairId", "Name the chair: the chair approves the minutes");
        }
        for (UUID id : concat(form)) {
            if (id != null && people.memberOf(org, id).isEmpty()) {
                throw Refused.field("memberIds", "Everyone on the team must be an active member of this organisation");
            }
        }
        long size = concat(form).stream().filter(java.util.Objects::nonNull).distinct().count();
        if (form.getQuorum() > size) {
            throw Refused.field("quorum", "The quorum cannot be larger than the team (" + size + ")");
        }
        if (team == null) {
            team = new ReviewTeam(org);
            team.apply(form);
            teams.saveAndFlush(team);
        }
        else {
            team.apply(form);
            teams.flush();
        }
        return team(org);
    }

    private static List<UUID> concat(TeamForm form) {
        List<UUID> all = new java.util.ArrayList<>();
        all.add(form.getChairId());
        all.addAll(form.getDeputyIds());
        all.addAll(form.getMemberIds());
        return all;
    }

    // --- the schedule ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Schedule schedule(UUID organisationId) {
        OrganisationDetails organisation = organisations.get(organisationId);
        LocalDate today = today(organisationId);
        List<ManagementReview> all = reviews.findByOrganisationIdOrderByPlannedDateDesc(organisationId);
        LocalDate lastHeld = all.stream().filter(r -> r.getStatus() != ReviewStatus.PLANNED).map(ManagementReview::getPlannedDate)
                .findFirst().orElse(null);
        LocalDate from = lastHeld != null ? lastHeld : LocalDate.ofInstant(organisation.createdAt(), zone(organisationId));
        LocalDate nextDue = from.plusMonths(organisation.reviewCadenceMonths());
        boolean planned = all.stream().anyMatch(r -> r.getStatus() == ReviewStatus.PLANNED);
        return new Schedule(organisation.reviewCadenceMonths(), lastHeld, nextDue, !planned && nextDue.isBefore(today), planned,
                all.stream().map(r -> view(r, false)).toList());
    }

    public ReviewView schedule(Tenant tenant, ScheduleForm form) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        List<ManagementReview> all = reviews.findByOrganisationIdOrderByPlannedDateDesc(org);
        if (all.stream().anyMatch(r -> r.getStatus() == ReviewStatus.PLANNED)) {
            throw Refused.conflict("A review is planned already: hold it (or change its date) before planning the next");
        }
        LocalDate lastHeld = all.stream().map(ManagementReview::getPlannedDate).findFirst().orElse(null);
        if (lastHeld != null && !form.getPlannedDate().isAfter(lastHeld)) {
            throw Refused.field("plannedDate", "The review comes after the last one (" + lastHeld + ")");
        }
        LocalDate periodFrom = lastHeld != null ? lastHeld.plusDays(1)
                : LocalDate.ofInstant(organisations.get(org).createdAt(), zone(org));
        ManagementReview review = reviews.saveAndFlush(new ManagementReview(org,
                references.next(org, form.getPlannedDate().getYear()), form.getTitle(), form.getPlannedDate(), periodFrom,
                tenant.userId(), clock.instant()));
        return view(review, true);
    }

    public ReviewView writeInputs(Tenant tenant, UUID id, InputsForm form) {
        requireManager(tenant);
        ManagementReview review = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), review.getVersion());
        review.write(form);
        reviews.flush();
        return view(review, true);
    }

    /** The chair or the ISMS manager starts the meeting; the pack is frozen as it is now. */
    public ReviewView start(Tenant tenant, UUID id, Long version) {
        ManagementReview review = find(tenant.organisationId(), id);
        UUID chair = teams.findById(tenant.organisationId()).map(ReviewTeam::getChairId).orElse(null);
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(chair)) {
            throw new AccessDeniedException("The chair or the ISMS manager starts the meeting");
        }
        Refused.requireCurrentVersion(version, review.getVersion());
        review.start(JSON.writeValueAsString(assemble(review)), clock.instant());
        reviews.flush();
        return view(review, true);
    }

    static final String ORIGIN = "REVIEW";

    /**
     * Records a decision of the meeting (clause 9.3.3) with its rationale and the inputs it answers, and plans its
     * actions in the action tracker: owner, deadline and measurable success criteria, followed up at the next review.
     */
    public ReviewView decide(Tenant tenant, UUID id, DecisionForm form) {
        ManagementReview review = find(tenant.organisationId(), id);
        UUID chair = teams.findById(tenant.organisationId()).map(ReviewTeam::getChairId).orElse(null);
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(chair)) {
            throw new AccessDeniedException("The chair or the ISMS manager records the review's decisions");
        }
        if (review.getStatus() != ReviewStatus.IN_MEETING) {
            throw Refused.conflict(review.getStatus() == ReviewStatus.APPROVED
                    ? "The minutes are approved and locked: record a correction as an amendment in the next review"
                    : "Decisions are recorded once the meeting has started");
        }
        List<String> inputs = form.getInputs().stream().filter(i -> i != null && i.matches("[a-g]")).distinct().sorted().toList();
        if (inputs.isEmpty()) {
            throw Refused.field("inputs", "Say which agenda inputs (a to g) the decision answers");
        }
        int number = decisions.findByReviewIdOrderByPosition(id).size() + 1;
        decisions.saveAndFlush(new dev.ratchet.review.domain.ReviewDecision(review, number, form.getType(), form.getDecision(),
                form.getRationale(), inputs, tenant.userId(), clock.instant()));
        List<dev.ratchet.action.PlannedAction> planned = form.getActions().stream().filter(a -> !a.blank())
                .map(a -> new dev.ratchet.action.PlannedAction(a.getTitle(), "Decision " + number + " of " + review.getReference()
                        + ": " + form.getDecision(), a.getOwnerId(), a.getDueDate(), a.getSuccessCriteria())).toList();
        if (!planned.isEmpty()) {
            actions.plan(tenant.organisationId(), ORIGIN, id, decisionReference(review, number), null, 1, planned);
        }
        return view(review, true);
    }

    private static String decisionReference(ManagementReview review, int number) {
        return review.getReference() + " decision " + number;
    }

    private List<DecisionView> decisionsOf(ManagementReview review) {
        List<dev.ratchet.action.ActionView> all = actions.of(review.getOrganisationId(), ORIGIN, review.getId());
        return decisions.findByReviewIdOrderByPosition(review.getId()).stream().map(d -> new DecisionView(d.getId(), d.getPosition(),
                d.getDecisionType(), d.getDecision(), d.getRationale(), d.getInputs(), all.stream()
                        .filter(a -> decisionReference(review, d.getPosition()).equals(a.originReference())).toList())).toList();
    }

    @Transactional(readOnly = true)
    public ReviewView get(UUID organisationId, UUID id) {
        return view(find(organisationId, id), true);
    }

    /** What a reader may see: a guest auditor reads approved minutes only. */
    @Transactional(readOnly = true)
    public ReviewView read(Tenant tenant, UUID id) {
        ManagementReview review = find(tenant.organisationId(), id);
        if (onlyGuest(tenant) && review.getStatus() != ReviewStatus.APPROVED) {
            throw new AccessDeniedException("A guest auditor reads approved minutes only");
        }
        return view(review, true);
    }

    static boolean onlyGuest(Tenant tenant) {
        return !tenant.hasAnyRole("ADMIN", "ISMS_MANAGER", "AUDITOR", "CONTRIBUTOR", "MANAGEMENT");
    }

    /** Only the chair approves the minutes; then nothing of the review changes. */
    public ReviewView approve(Tenant tenant, UUID id, Long version) {
        ManagementReview review = find(tenant.organisationId(), id);
        UUID chair = teams.findById(tenant.organisationId()).map(ReviewTeam::getChairId).orElse(null);
        if (!tenant.userId().equals(chair)) {
            throw new AccessDeniedException("Only the chair of the management review team approves the minutes");
        }
        Refused.requireCurrentVersion(version, review.getVersion());
        review.approve(tenant.userId(), clock.instant());
        reviews.flush();
        return view(review, true);
    }

    private ReviewView view(ManagementReview r, boolean withPack) {
        ReviewPack pack = !withPack ? null : r.getPack() != null ? JSON.readValue(r.getPack(), ReviewPack.class) : assemble(r);
        return new ReviewView(r.getId(), r.getReference(), r.getTitle(), r.getPlannedDate(), r.getPeriodFrom(), r.getStatus(),
                r.getExternalInternalIssues(), r.getInterestedParties(), r.getRiskAssessment(), r.getStartedAt(), pack,
                r.getPack() != null, withPack ? decisionsOf(r) : List.of(),
                r.getApprovedBy() == null ? null : people.displayNames(r.getOrganisationId()).getOrDefault(r.getApprovedBy(), "(former member)"),
                r.getApprovedAt(), r.getVersion());
    }

    // --- the pack ----------------------------------------------------------------------------------------------

    /** The pack from the registers as they are now, for the period from the last review to this one's date. */
    ReviewPack assemble(ManagementReview review) {
        UUID org = review.getOrganisationId();
        LocalDate from = review.getPeriodFrom();
        LocalDate to = review.getPlannedDate();
        LocalDate today = today(org);
        ImprovementStatistics s = improvements.statistics(org, from, to);
        ReviewPack.Nonconformities ncs = new ReviewPack.Nonconformities(s.nonconformitiesRaised(), s.opportunitiesRaised(),
                s.raisedBySource(), s.nonconformitiesByGrade(), s.openNonconformities(), s.overdueNonconformities(),
                s.closedInPeriod(), s.meanDaysToClose(), s.effectivenessRate(), s.effectivenessReviews(), s.recurrences());
        List<ReviewPack.Action> previous = actions.search(org, new dev.ratchet.action.ActionFilter(null, null, false, null, null, null, ORIGIN, null),
                PageRequest.of(0, 200, Sort.by("dueDate"))).getContent().stream()
                .sorted(java.util.Comparator.comparing((dev.ratchet.action.ActionView a) -> !a.overdueOn(today)))
                .map(a -> new ReviewPack.Action(a.originReference(), a.title(), a.ownerName(), a.dueDate(), a.status().label(), a.overdueOn(today)))
                .toList();
        List<ReviewPack.Objective> objectiveLines = objectives.search(org, "ACTIVE", null, null, PageRequest.of(0, 200, Sort.by("reference")))
                .getContent().stream().map(o -> new ReviewPack.Objective(o.reference(), o.title(), o.targetText(), o.latestValue(),
                        o.latestOn(), o.onTarget(), o.periodsOffTarget())).toList();
        List<ReviewPack.Audit> auditLines = audits.reportedBetween(org, from, to).stream().map(a -> new ReviewPack.Audit(a.reference(),
                a.title(), a.type().label(), a.status().label(), a.nonconformities(), a.opportunities())).toList();
        ProgrammeView programme = audits.programme(org, to.getYear());
        ReviewPack.AuditProgramme programmeLine = new ReviewPack.AuditProgramme(programme.year(), programme.active(), programme.done(),
                programme.progress(), programme.approved());
        List<ReviewPack.Incident> incidentLines = incidents.search(org, new IncidentFilter(null, null, null, from, to, null, null),
                PageRequest.of(0, 200, Sort.by("detectedAt"))).getContent().stream().map(i -> new ReviewPack.Incident(i.reference(),
                i.title(), i.severity().label(), i.category().label(), i.lessonsLearned())).toList();
        List<ReviewPack.Change> changeLines = changes.search(org, new ChangeFilter(null, from, to, null), PageRequest.of(0, 200, Sort.by("plannedDate")))
                .getContent().stream().map(c -> new ReviewPack.Change(c.reference(), c.title(), c.plannedDate(), c.status().label())).toList();
        List<ReviewPack.ObligationChange> obligationLines = obligations.changesBetween(org, from, to).stream()
                .map(c -> new ReviewPack.ObligationChange(c.reference(), c.name(), c.effectiveDate(), c.summary(), c.impactAssessment())).toList();
        List<ReviewPack.Feedback> feedbackLines = feedback.receivedBetween(org, from, to).stream().map(f -> new ReviewPack.Feedback(
                f.reference(), f.receivedOn(), f.from(), f.kind().label(), f.subject(), f.status().label())).toList();
        List<ReviewPack.Opportunity> opportunities = s.openOpportunities().stream()
                .map(l -> new ReviewPack.Opportunity(l.reference(), l.title(), l.status().label())).toList();
        return new ReviewPack(from, to, clock.instant(), previous, review.getExternalInternalIssues(), changeLines,
                review.getInterestedParties(), ncs, objectiveLines, auditLines, programmeLine, feedbackLines, incidentLines,
                obligationLines, review.getRiskAssessment(), opportunities);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ManagementReview find(UUID organisationId, UUID id) {
        return reviews.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Management review"));
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager prepares management reviews");
        }
    }

    public LocalDate today(UUID organisationId) {
        return LocalDate.now(clock.withZone(zone(organisationId)));
    }

    private ZoneId zone(UUID organisationId) {
        return ZoneId.of(organisations.get(organisationId).timeZone());
    }
}
