package dev.ratchet.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import dev.ratchet.review.domain.ReviewAgendaItem;
import dev.ratchet.review.domain.ReviewAgendaItemRepository;
import dev.ratchet.review.domain.ReviewAmendment;
import dev.ratchet.review.domain.ReviewAmendmentRepository;
import dev.ratchet.review.domain.ReviewDecision;
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

    /** The inputs of clause 9.3.2, in the standard's order: the agenda every review starts with. */
    public static final Map<String, String> INPUTS = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.of(
            "a", "Status of actions from previous management reviews",
            "b", "Changes in external and internal issues relevant to the ISMS",
            "c", "Changes in needs and expectations of interested parties relevant to the ISMS",
            "d", "Feedback on information security performance: nonconformities and corrective actions, monitoring and measurement results, audit results, fulfilment of objectives",
            "e", "Feedback from interested parties",
            "f", "Results of risk assessment and status of the risk treatment plan",
            "g", "Opportunities for continual improvement")));

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final ManagementReviewRepository reviews;
    private final ReviewTeamRepository teams;
    private final ReviewReferences references;
    private final dev.ratchet.review.domain.ReviewDecisionRepository decisions;
    private final ReviewAgendaItemRepository agendaItems;
    private final ReviewAmendmentRepository amendments;
    private final OrganisationManagement organisations;
    private final ImprovementManagement improvements;
    private final AuditManagement audits;
    private final ObjectiveManagement objectives;
    private final IncidentManagement incidents;
    private final ChangeManagement changes;
    private final ObligationManagement obligations;
    private final FeedbackManagement feedback;
    private final ActionManagement actions;
    private final dev.ratchet.evidence.EvidenceManagement evidence;
    private final org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.PolicyCompliance> policyCompliance;
    private final People people;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final dev.ratchet.action.Notifications notifications;

    private final dev.ratchet.risk.RiskManagement risks;
    private final dev.ratchet.risk.TreatmentPlan treatmentPlan;
    private final org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.Applicability> applicability;

    ReviewManagement(ManagementReviewRepository reviews, ReviewTeamRepository teams, ReviewReferences references,
            dev.ratchet.review.domain.ReviewDecisionRepository decisions, ReviewAgendaItemRepository agendaItems,
            ReviewAmendmentRepository amendments, OrganisationManagement organisations, ImprovementManagement improvements, AuditManagement audits,
            ObjectiveManagement objectives, IncidentManagement incidents, ChangeManagement changes,
            ObligationManagement obligations, FeedbackManagement feedback, ActionManagement actions,
            dev.ratchet.evidence.EvidenceManagement evidence,
            org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.PolicyCompliance> policyCompliance, People people, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, dev.ratchet.action.Notifications notifications,
            dev.ratchet.risk.RiskManagement risks, dev.ratchet.risk.TreatmentPlan treatmentPlan,
            org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.Applicability> applicability) {
        this.risks = risks;
        this.treatmentPlan = treatmentPlan;
        this.applicability = applicability;
        this.notifications = notifications;
        this.events = events;
        this.reviews = reviews;
        this.teams = teams;
        this.references = references;
        this.decisions = decisions;
        this.agendaItems = agendaItems;
        this.amendments = amendments;
        this.organisations = organisations;
        this.improvements = improvements;
        this.audits = audits;
        this.objectives = objectives;
        this.incidents = incidents;
        this.changes = changes;
        this.obligations = obligations;
        this.feedback = feedback;
        this.actions = actions;
        this.evidence = evidence;
        this.policyCompliance = policyCompliance;
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
            if (id != null) {
                people.requireAssignable(org, id, id.equals(form.getChairId()) ? "chairId" : "memberIds",
                        "Everyone on the team must be an active member of this organisation");
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
        // Every review's agenda and amendments in two statements, not two per review.
        List<UUID> ids = all.stream().map(ManagementReview::getId).toList();
        Map<UUID, List<ReviewAgendaItem>> agendas = ids.isEmpty() ? Map.of() : agendaItems.findByReviewIdInOrderByPosition(ids).stream()
                .collect(Collectors.groupingBy(ReviewAgendaItem::getReviewId));
        Map<UUID, List<ReviewAmendment>> amended = ids.isEmpty() ? Map.of() : amendments.findByReviewIdInOrderByPosition(ids).stream()
                .collect(Collectors.groupingBy(ReviewAmendment::getReviewId));
        return new Schedule(organisation.reviewCadenceMonths(), lastHeld, nextDue, !planned && nextDue.isBefore(today), planned,
                all.stream().map(r -> view(r, false, agendas.getOrDefault(r.getId(), List.of()), amended.getOrDefault(r.getId(), List.of())))
                        .toList());
    }

    /** The schedule as this reader may see it: a guest auditor sees the reviews whose minutes are approved, no more. */
    @Transactional(readOnly = true)
    public Schedule scheduleFor(Tenant tenant) {
        Schedule schedule = schedule(tenant.organisationId());
        if (!onlyGuest(tenant)) {
            return schedule;
        }
        return new Schedule(schedule.cadenceMonths(), schedule.lastHeld(), schedule.nextDue(), schedule.overdue(),
                schedule.nextPlanned(), schedule.reviews().stream().filter(r -> r.status() == ReviewStatus.APPROVED).toList());
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
        if (form.getPeriodFrom() != null) {
            if (lastHeld != null) {
                throw Refused.field("periodFrom", "The period follows the last review: it starts on " + periodFrom);
            }
            if (!form.getPeriodFrom().isBefore(form.getPlannedDate())) {
                throw Refused.field("periodFrom", "The period starts before the meeting (" + form.getPlannedDate() + ")");
            }
            if (form.getPeriodFrom().isBefore(form.getPlannedDate().minusYears(3))) {
                throw Refused.field("periodFrom", "A review covers at most three years (the certification cycle)");
            }
            periodFrom = form.getPeriodFrom();
        }
        ManagementReview review = reviews.saveAndFlush(new ManagementReview(org,
                references.next(org, form.getPlannedDate().getYear()), form.getTitle(), form.getPlannedDate(), periodFrom,
                tenant.userId(), clock.instant()));
        agendaOf(review);
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

    static final String ATTACHMENT = "REVIEW";

    /**
     * Attaches a file to an input written by hand (b, c or f), such as the risk treatment plan, before the meeting;
     * once the pack is frozen its attachments are too.
     */
    public dev.ratchet.evidence.EvidenceView attach(Tenant tenant, UUID id, String input, dev.ratchet.evidence.EvidenceManagement.Upload upload)
            throws java.io.IOException {
        requireManager(tenant);
        ManagementReview review = find(tenant.organisationId(), id);
        if (review.getStatus() != ReviewStatus.PLANNED) {
            throw Refused.conflict("The meeting has started and its pack is frozen, attachments included");
        }
        if (input == null || !input.matches("[bcf]")) {
            throw Refused.field("input", "Attach the file to input (b), (c) or (f): the inputs written by hand");
        }
        String description = upload.description() == null || upload.description().isBlank() ? "" : " " + upload.description().strip();
        return evidence.store(tenant.organisationId(), ATTACHMENT, id, tenant.userId(), new dev.ratchet.evidence.EvidenceManagement.Upload(
                upload.fileName(), upload.size(), upload.content(), today(tenant.organisationId()), "(" + input + ")" + description));
    }

    private ReviewPack.Policies policies(UUID org, LocalDate from, LocalDate to, LocalDate today) {
        dev.ratchet.shared.PolicyCompliance source = policyCompliance.getIfAvailable();
        if (source == null) {
            return null;
        }
        dev.ratchet.shared.PolicyCompliance.Summary s = source.between(org, from, to, today);
        return new ReviewPack.Policies(s.checksPassed(), s.checksFailed(), s.failedChecks(), s.expiredExceptions().stream()
                .map(e -> new ReviewPack.ExpiredException(e.reference(), e.policy(), e.scope(), e.expiryDate())).toList(), s.openNoncompliance());
    }

    private List<ReviewPack.Attachment> attachments(ManagementReview review) {
        return evidence.of(review.getOrganisationId(), review.getId()).stream()
                .filter(f -> f.description() != null && f.description().matches("\\([bcf]\\).*"))
                .map(f -> new ReviewPack.Attachment(f.id(), f.description().substring(1, 2), f.fileName(),
                        f.description().substring(3).strip(), f.sha256()))
                .toList();
    }

    /** The chair or the ISMS manager starts the meeting, dated today; the pack is frozen as it is now. */
    public ReviewView start(Tenant tenant, UUID id, Long version) {
        ManagementReview review = find(tenant.organisationId(), id);
        requireChairOrManager(tenant, "starts the meeting");
        Refused.requireCurrentVersion(version, review.getVersion());
        agendaOf(review);
        review.start(today(tenant.organisationId()), clock.instant());
        review.freeze(JSON.writeValueAsString(assemble(review)));
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
        requireChairOrManager(tenant, "records the review's decisions");
        review.requireInMeeting();
        List<String> inputs = form.getInputs().stream().filter(i -> i != null && i.matches("[a-g]")).distinct().sorted().toList();
        if (inputs.isEmpty()) {
            throw Refused.field("inputs", "Say which agenda inputs (a to g) the decision answers");
        }
        int number = decisions.findByReviewIdOrderByPosition(id).size() + 1;
        ReviewDecision decision = decisions.saveAndFlush(new ReviewDecision(review, number, form.getType(), form.getDecision(),
                form.getRationale(), inputs, tenant.userId(), clock.instant()));
        List<dev.ratchet.action.PlannedAction> planned = form.getActions().stream().filter(a -> !a.blank())
                .map(a -> new dev.ratchet.action.PlannedAction(a.getTitle(), "Decision " + number + " of " + review.getReference()
                        + ": " + form.getDecision(), a.getOwnerId(), a.getDueDate(), a.getSuccessCriteria())).toList();
        if (!planned.isEmpty()) {
            actions.plan(tenant.organisationId(), ORIGIN, id, decisionReference(review, number), null, 1, planned);
        }
        if (form.getType() == DecisionType.ISMS_CHANGE) {
            dev.ratchet.change.ChangeView change = changes.recordDecided(tenant, changeFor(review, number, form, planned));
            decision.linkChange(change.id(), change.reference());
            decisions.flush();
        }
        return view(review, true);
    }

    /** The change-log entry a decision to change the ISMS makes: planned for the first action's deadline. */
    private dev.ratchet.change.ChangeForm changeFor(ManagementReview review, int number, DecisionForm form,
            List<dev.ratchet.action.PlannedAction> planned) {
        dev.ratchet.change.ChangeForm change = new dev.ratchet.change.ChangeForm();
        String text = form.getDecision().strip();
        change.setTitle(text.length() <= 200 ? text : text.substring(0, 197) + "...");
        change.setReason(form.getRationale().strip());
        change.setImpact("Decided by management review " + review.getReference() + " (decision " + number + "). "
                + "The ISMS manager assesses the impact on policies, controls, risks, people and documents before the change is made.");
        change.setPlannedDate(planned.stream().map(dev.ratchet.action.PlannedAction::dueDate).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(review.getPlannedDate().plusMonths(1)));
        change.setCauseReference(decisionReference(review, number));
        return change;
    }

    // --- the minutes -------------------------------------------------------------------------------------------

    /** The agenda of a review: the inputs of clause 9.3.2, then the items the organisation added. */
    private List<ReviewAgendaItem> agendaOf(ManagementReview review) {
        List<ReviewAgendaItem> items = agendaItems.findByReviewIdOrderByPosition(review.getId());
        if (items.isEmpty() && review.getStatus() != ReviewStatus.APPROVED) {
            int position = 1;
            List<ReviewAgendaItem> standard = new java.util.ArrayList<>();
            for (Map.Entry<String, String> input : INPUTS.entrySet()) {
                standard.add(new ReviewAgendaItem(review, position++, input.getKey(), input.getValue()));
            }
            items = agendaItems.saveAllAndFlush(standard);
        }
        return items;
    }

    /** Adds an item to the agenda, after the inputs of the standard, until the minutes are approved. */
    public ReviewView addAgendaItem(Tenant tenant, UUID id, AgendaItemForm form) {
        ManagementReview review = find(tenant.organisationId(), id);
        requireChairOrManager(tenant, "adds items to the agenda");
        if (review.getStatus() == ReviewStatus.APPROVED) {
            throw Refused.conflict("The minutes are approved and locked: the item belongs on the next review's agenda");
        }
        List<ReviewAgendaItem> items = agendaOf(review);
        if (items.size() >= 30) {
            throw Refused.field("title", "An agenda has at most 30 items");
        }
        agendaItems.saveAndFlush(new ReviewAgendaItem(review, items.get(items.size() - 1).getPosition() + 1, null, form.getTitle()));
        return view(review, true);
    }

    /**
     * Records the minutes as they stand: who attended, and per agenda item whether it was discussed, with notes (an
     * item not discussed must say why). Written by the chair or the ISMS manager while the meeting runs.
     */
    public ReviewView writeMinutes(Tenant tenant, UUID id, MinutesForm form) {
        ManagementReview review = find(tenant.organisationId(), id);
        requireChairOrManager(tenant, "writes the minutes");
        review.requireInMeeting();
        Refused.requireCurrentVersion(form.getVersion(), review.getVersion());
        UUID org = tenant.organisationId();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (UUID person : form.getPresent()) {
            if (person != null && people.memberOf(org, person).isEmpty()) {
                errors.put("present", "Attendees named here must be active members of this organisation; name others under other attendees");
            }
            if (person != null && form.getApologies().contains(person)) {
                errors.put("apologies", "Someone is marked both present and as having sent apologies");
            }
        }
        for (UUID person : form.getApologies()) {
            if (person != null && people.memberOf(org, person).isEmpty()) {
                errors.put("apologies", "Apologies named here must be from active members of this organisation");
            }
        }
        Map<UUID, ReviewAgendaItem> items = new java.util.HashMap<>();
        agendaOf(review).forEach(i -> items.put(i.getId(), i));
        for (int i = 0; i < form.getItems().size(); i++) {
            MinutesForm.ItemForm item = form.getItems().get(i);
            if (item.getId() == null || !items.containsKey(item.getId())) {
                errors.put("items[" + i + "].id", "This agenda item is not on this review's agenda; reload the page");
            }
            else if (Boolean.FALSE.equals(item.getDiscussed()) && (item.getNotes() == null || item.getNotes().isBlank())) {
                errors.put("items[" + i + "].notes", "Say why \"" + items.get(item.getId()).getTitle() + "\" was not discussed");
            }
        }
        if (!errors.isEmpty()) {
            throw Refused.fields(errors);
        }
        review.attend(form.getPresent(), form.getApologies(), form.getOtherAttendees());
        form.getItems().forEach(item -> items.get(item.getId()).minute(item.getDiscussed(), item.getNotes()));
        reviews.flush();
        agendaItems.flush();
        UUID chair = teams.findById(org).map(ReviewTeam::getChairId).orElse(null);
        if (chair != null && !chair.equals(tenant.userId()) && approvalMissing(review).isEmpty()) {
            notifications.tellOnce(org, chair, "The minutes of " + review.getReference() + " wait for your approval",
                    tenant.userName() + " has written the minutes of " + review.getReference() + " " + review.getTitle()
                            + ": the meeting was quorate and every agenda item is marked. As chair, read them (the PDF preview is on the page)"
                            + " and approve them; once approved they are locked.", "/reviews/" + review.getId());
        }
        return view(review, true);
    }

    /** A correction to approved minutes: recorded beside them, linked, never changing what was approved. */
    public ReviewView amend(Tenant tenant, UUID id, AmendmentForm form) {
        ManagementReview review = find(tenant.organisationId(), id);
        requireChairOrManager(tenant, "records amendments to the minutes");
        if (review.getStatus() != ReviewStatus.APPROVED) {
            throw Refused.conflict("The minutes are not approved yet: correct them directly");
        }
        int number = amendments.findByReviewIdOrderByPosition(id).size() + 1;
        amendments.saveAndFlush(new ReviewAmendment(review, number, form.getCorrection(), form.getReason(), tenant.userId(), clock.instant()));
        events.publishEvent(new ReviewMinutesAmended(review.getOrganisationId(), review.getId()));
        return view(review, true);
    }

    private void requireChairOrManager(Tenant tenant, String what) {
        UUID chair = teams.findById(tenant.organisationId()).map(ReviewTeam::getChairId).orElse(null);
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(chair)) {
            throw new AccessDeniedException("The chair or the ISMS manager " + what);
        }
    }

    private static String decisionReference(ManagementReview review, int number) {
        return review.getReference() + " decision " + number;
    }

    private List<DecisionView> decisionsOf(ManagementReview review) {
        List<dev.ratchet.action.ActionView> all = actions.of(review.getOrganisationId(), ORIGIN, review.getId());
        return decisions.findByReviewIdOrderByPosition(review.getId()).stream().map(d -> new DecisionView(d.getId(), d.getPosition(),
                d.getDecisionType(), d.getDecision(), d.getRationale(), d.getInputs(), all.stream()
                        .filter(a -> decisionReference(review, d.getPosition()).equals(a.originReference())).toList(),
                d.getChangeId(), d.getChangeReference())).toList();
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
        return tenant.onlyGuest();
    }

    /** Only the chair approves the minutes; then nothing of the review changes. */
    public ReviewView approve(Tenant tenant, UUID id, Long version) {
        ManagementReview review = find(tenant.organisationId(), id);
        UUID chair = teams.findById(tenant.organisationId()).map(ReviewTeam::getChairId).orElse(null);
        if (!tenant.userId().equals(chair)) {
            throw new AccessDeniedException("Only the chair of the management review team approves the minutes");
        }
        Refused.requireCurrentVersion(version, review.getVersion());
        if (review.getStatus() == ReviewStatus.IN_MEETING) {
            Map<String, String> missing = approvalMissing(review);
            if (!missing.isEmpty()) {
                throw Refused.missing("Approving the minutes", missing);
            }
        }
        review.approve(tenant.userId(), clock.instant());
        reviews.flush();
        events.publishEvent(new ReviewMinutesApproved(review.getOrganisationId(), review.getId()));
        return view(review, true);
    }

    /** What the minutes still lack before the chair may approve them (empty: nothing). */
    @Transactional(readOnly = true)
    public Map<String, String> approvalMissing(Tenant tenant, UUID id) {
        return approvalMissing(find(tenant.organisationId(), id));
    }

    /** What the minutes lack before the chair may approve them: the quorum, and every agenda item marked. */
    private Map<String, String> approvalMissing(ManagementReview review) {
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        ReviewView.Attendance attendance = attendance(review, people.displayNames(review.getOrganisationId()));
        if (!attendance.quorate()) {
            missing.put("present", "the quorum: " + attendance.quorum() + " of the team present, " + attendance.teamPresent() + " recorded");
        }
        List<String> unmarked = agendaOf(review).stream().filter(i -> i.getDiscussed() == null)
                .map(i -> i.getInputCode() == null ? i.getTitle() : "(" + i.getInputCode() + ")").toList();
        if (!unmarked.isEmpty()) {
            missing.put("items", "each agenda item marked discussed or not (with the reason): " + String.join(", ", unmarked));
        }
        return missing;
    }

    private ReviewView view(ManagementReview r, boolean withPack) {
        return view(r, withPack, agendaItems.findByReviewIdOrderByPosition(r.getId()), amendments.findByReviewIdOrderByPosition(r.getId()));
    }

    private ReviewView view(ManagementReview r, boolean withPack, List<ReviewAgendaItem> agenda, List<ReviewAmendment> amended) {
        ReviewPack pack = !withPack ? null : r.getPack() != null ? JSON.readValue(r.getPack(), ReviewPack.class) : assemble(r);
        Map<UUID, String> names = people.displayNames(r.getOrganisationId());
        return new ReviewView(r.getId(), r.getReference(), r.getTitle(), r.getPlannedDate(), r.getPeriodFrom(), r.getStatus(),
                r.getExternalInternalIssues(), r.getInterestedParties(), r.getRiskAssessment(), r.getStartedAt(), pack,
                r.getPack() != null, withPack ? decisionsOf(r) : List.of(),
                r.getApprovedBy() == null ? null : names.getOrDefault(r.getApprovedBy(), "(former member)"),
                r.getApprovedAt(), agenda.stream().map(i -> new AgendaItemView(i.getId(),
                        i.getInputCode(), i.getTitle(), i.getDiscussed(), i.getNotes())).toList(),
                attendance(r, names), amended.stream().map(a -> new AmendmentView(a.getPosition(),
                        a.getCorrection(), a.getReason(), names.getOrDefault(a.getCreatedBy(), "(former member)"),
                        a.getCreatedAt())).toList(), r.getVersion());
    }

    private ReviewView.Attendance attendance(ManagementReview r, Map<UUID, String> names) {
        ReviewTeam team = teams.findById(r.getOrganisationId()).orElse(null);
        java.util.Set<UUID> members = new java.util.HashSet<>();
        if (team != null) {
            members.add(team.getChairId());
            members.addAll(team.getDeputyIds());
            members.addAll(team.getMemberIds());
        }
        return new ReviewView.Attendance(r.getPresentIds(), r.getPresentIds().stream().map(id -> names.getOrDefault(id, "(former member)")).toList(),
                r.getApologyIds(), r.getApologyIds().stream().map(id -> names.getOrDefault(id, "(former member)")).toList(),
                r.getOtherAttendees(), team == null ? 1 : team.getQuorum(), r.getPresentIds().stream().filter(members::contains).count());
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
                s.nonconformitiesBySource(), s.nonconformitiesByGrade(), s.openNonconformities(), s.overdueNonconformities(),
                s.nonconformitiesClosed(), s.meanDaysToClose(), s.effectivenessRate(), s.effectivenessReviews(), s.recurrences(),
                s.byMonth().stream().map(m -> new ReviewPack.Month(m.month(), m.raised(), m.closed())).toList(),
                s.opportunitiesBySource(), s.opportunitiesClosed());
        // Reviews in the order they were held (two can share a day): an action's age is counted in reviews.
        List<ManagementReview> all = new java.util.ArrayList<>(reviews.findByOrganisationIdOrderByPlannedDateDesc(org));
        all.sort(java.util.Comparator.comparing(ManagementReview::getPlannedDate).thenComparing(ManagementReview::getCreatedAt));
        Map<UUID, Integer> sequence = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            sequence.put(all.get(i).getId(), i);
        }
        int current = sequence.get(review.getId());
        // The figures of the last four reviews held before this one, as their frozen packs showed them.
        List<ReviewPack.Earlier> earlier = all.subList(Math.max(0, current - 4), current).stream().filter(r -> r.getPack() != null)
                .map(r -> {
                    ReviewPack held = JSON.readValue(r.getPack(), ReviewPack.class);
                    ReviewPack.Nonconformities n = held.nonconformities();
                    return new ReviewPack.Earlier(r.getReference(), held.periodFrom(), held.periodTo(), n.raised(), n.opportunitiesRaised(),
                            n.closed(), n.open(), n.overdue(), n.effectivenessRate(), n.recurrences());
                }).toList();
        // Finished actions stay on the list if they were finished since the last review met (the day before the period).
        java.time.Instant periodStart = from.minusDays(1).atStartOfDay(zone(org)).toInstant();
        List<ReviewPack.Action> previous = actions.search(org, new dev.ratchet.action.ActionFilter(null, null, false, null, null, null, ORIGIN, null),
                PageRequest.of(0, 500, Sort.by("dueDate"))).getContent().stream()
                .filter(a -> sequence.containsKey(a.originId()) && sequence.get(a.originId()) < current)
                .filter(a -> !a.status().isFinished() || a.completedAt() == null || !a.completedAt().isBefore(periodStart))
                .map(a -> {
                    int since = current - sequence.get(a.originId());
                    return new ReviewPack.Action(a.originReference(), a.title(), a.ownerName(), a.dueDate(), a.status().label(),
                            a.overdueOn(today), since, since >= 2 && !a.status().isFinished());
                })
                .sorted(java.util.Comparator.comparing((ReviewPack.Action a) -> !a.openAfterTwoReviews()).thenComparing(a -> !a.overdue()))
                .toList();
        List<ReviewPack.Objective> objectiveLines = objectives.search(org, "ACTIVE", null, null, PageRequest.of(0, 200, Sort.by("reference")))
                .getContent().stream().map(o -> {
                    dev.ratchet.objective.ObjectiveView full = objectives.get(org, o.id());
                    List<dev.ratchet.objective.ObjectiveView.MeasurementView> measured = full.measurements();
                    List<ReviewPack.Point> trend = measured.subList(Math.max(0, measured.size() - 12), measured.size()).stream()
                            .map(m -> new ReviewPack.Point(m.measuredOn(), m.value())).toList();
                    return new ReviewPack.Objective(o.reference(), o.title(), o.targetText(), o.latestValue(), o.latestOn(), o.onTarget(),
                            o.periodsOffTarget(), full.target(), trend);
                }).toList();
        List<ReviewPack.Audit> auditLines = audits.reportedBetween(org, from, to).stream().map(a -> new ReviewPack.Audit(a.reference(),
                a.title(), a.type().label(), a.status().label(), a.nonconformities(), a.opportunities())).toList();
        // The programme that covers most of the period: the year it starts in.
        ProgrammeView programme = audits.programme(org, from.getYear());
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
                obligationLines, review.getRiskAssessment(), opportunities, attachments(review), policies(org, from, to, today), earlier,
                risks(org, all.subList(0, current).stream().filter(r -> r.getPack() != null).reduce((first, second) -> second)
                        .map(ManagementReview::getStartedAt).orElse(null)));
    }

    /** Input (f) from live data: the risk register, the treatment plan and the SoA; {@code since}: the previous review's freeze. */
    private ReviewPack.Risks risks(UUID org, java.time.Instant since) {
        dev.ratchet.risk.RiskReviewFigures f = risks.reviewFigures(org, since, treatmentPlan.figures(org));
        dev.ratchet.shared.Applicability.Summary soa = applicability.getObject().since(org, since);
        return new ReviewPack.Risks(f.criteriaVersion(), f.byLevel().stream()
                .map(l -> new ReviewPack.Risks.LevelCount(l.level(), l.now(), l.atPreviousReview())).toList(), f.aboveAcceptance(),
                f.aboveAcceptanceRisks(), f.actionsOpen(), f.actionsOverdue(), f.actionsDone(), f.acceptancesInForce(),
                f.acceptancesExpiringSoon(), f.acceptancesExpired(), f.notReassessed(), f.notReassessedRisks(), soa.versionsApproved(),
                soa.versionInForce(), soa.decisionsChanged(), soa.applicable(), soa.excluded(), soa.withProblems());
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
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }
}
