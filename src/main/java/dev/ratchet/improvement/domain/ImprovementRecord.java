package dev.ratchet.improvement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.improvement.Evaluation;
import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RcaMethod;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A nonconformity or an opportunity for improvement. It owns its workflow: every step checks the state it starts
 * from and what it needs, and refuses naming what is missing. Clause 10.2 reads top to bottom below.
 */
@Entity
public class ImprovementRecord implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind kind;

    @Column(updatable = false)
    private String reference;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private Source source;

    private String sourceReference;

    /** The reference the record had in the tracker it was migrated from; one record per reference. */
    @Column(updatable = false)
    private String trackerReference;

    /** The migration that brought the record in, so that it can be undone as a whole. */
    @Column(updatable = false)
    private UUID migrationId;

    @Column(updatable = false)
    private UUID sourceId;

    @Enumerated(EnumType.STRING)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    private Status status;

    private UUID areaId;
    private UUID ownerId;

    @Column(updatable = false)
    private UUID raisedBy;

    @Column(updatable = false)
    private Instant raisedAt;

    private LocalDate targetDate;

    /** The affected requirements as history shows them; {@link #requirementIndex} mirrors them for filtering. */
    private String requirements;

    @ElementCollection
    @CollectionTable(name = "improvement_requirement", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "requirement")
    private Set<String> requirementIndex = new HashSet<>();

    private String tags;

    private String rejectionReason;

    private String correction;
    private String consequences;
    private Instant containedAt;

    private String reviewSummary;

    @Enumerated(EnumType.STRING)
    private RcaMethod rcaMethod;

    private String rcaDetail;
    private String rcaExplanation;
    private String rootCause;
    private String similarRecords;
    private Boolean couldOccurElsewhere;
    private String elsewhereJudgement;
    private Boolean correctiveActionNeeded;
    private String noActionJustification;
    private Instant analysedAt;

    /** Counts corrective-action attempts: an ineffective one sends the record back to analysis for the next. */
    private int attempt;

    private Instant implementedAt;
    private LocalDate effectivenessDue;
    private String ismsChanges;

    @Enumerated(EnumType.STRING)
    private Evaluation evaluation;

    private String evaluationReason;
    private LocalDate deferredUntil;
    private String benefitRealised;

    private UUID recurrenceOf;
    private boolean effectivenessQuestioned;

    private Instant closedAt;

    @Version
    private long version;

    protected ImprovementRecord() {
    }

    public ImprovementRecord(UUID organisationId, String reference, ReportForm form, UUID sourceId, UUID raisedBy, Instant now) {
        this.sourceId = sourceId;
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.kind = form.getKind();
        this.reference = reference;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
        this.status = Status.REPORTED;
        this.attempt = 1;
        describe(form);
    }

    /** What a row of the earlier tracker holds, as read and checked by the migration. */
    public record Migrated(String reference, Kind kind, String title, String description, Source source, String trackerReference,
            UUID migrationId, Grade grade, Status status, UUID ownerId, UUID areaId, java.util.Collection<String> requirements,
            UUID raisedBy, Instant raisedAt, LocalDate targetDate, Instant closedAt, String rootCause, String correction,
            LocalDate today) {
    }

    /**
     * A record brought over from the organisation's earlier tracker: as that tracker had it (status, dates, root cause,
     * correction, area, requirements), tagged "migrated", keeping the tracker's own reference (unique in the
     * organisation, so a tracker cannot come in twice) and the migration that brought it (so it can be undone).
     */
    public static ImprovementRecord migrated(UUID organisationId, Migrated m) {
        ImprovementRecord record = new ImprovementRecord();
        record.id = UUID.randomUUID();
        record.organisationId = organisationId;
        record.reference = m.reference();
        record.kind = m.kind();
        record.title = m.title();
        record.description = m.description();
        record.source = m.source();
        record.trackerReference = m.trackerReference();
        record.migrationId = m.migrationId();
        record.sourceReference = m.trackerReference() == null ? null : "Migrated from " + m.trackerReference();
        record.grade = m.kind() == Kind.NONCONFORMITY ? m.grade() : null;
        record.status = m.status();
        record.ownerId = m.ownerId();
        record.areaId = m.areaId();
        Set<String> refs = new java.util.TreeSet<>(m.requirements());
        record.requirements = refs.isEmpty() ? null : String.join(",", refs);
        record.requirementIndex.addAll(refs);
        record.raisedBy = m.raisedBy();
        record.raisedAt = m.raisedAt();
        record.targetDate = m.targetDate();
        record.closedAt = m.status() == Status.CLOSED || m.status() == Status.REJECTED ? m.closedAt() : null;
        record.rootCause = m.rootCause();
        record.correction = m.correction();
        record.containedAt = m.correction() == null ? null : m.raisedAt();
        record.analysedAt = m.rootCause() == null ? null : m.raisedAt();
        if (m.status() == Status.IMPLEMENTED || m.status() == Status.EFFECTIVENESS_REVIEW) {
            record.implementedAt = m.raisedAt();
            record.effectivenessDue = m.kind() == Kind.NONCONFORMITY ? m.today() : null;
        }
        else if (m.status() == Status.CLOSED) {
            record.implementedAt = m.closedAt();
        }
        record.tags = "migrated";
        record.attempt = 1;
        return record;
    }

    /** The description of what was found; it can be corrected while the record is open. */
    public void describe(ReportForm form) {
        if (!status.isOpen()) {
            throw Refused.conflict("A " + status.label().toLowerCase() + " record can no longer be changed");
        }
        if (form.getGrade() != null && kind == Kind.OPPORTUNITY) {
            throw Refused.field("grade", "Only a nonconformity has a grade");
        }
        this.title = form.getTitle().strip();
        this.description = form.getDescription().strip();
        this.source = form.getSource();
        this.sourceReference = blankToNull(form.getSourceReference());
        this.grade = form.getGrade();
        this.areaId = form.getAreaId();
        this.ownerId = form.getOwnerId();
        this.targetDate = form.getTargetDate();
        Set<String> refs = new LinkedHashSet<>();
        form.getRequirements().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).sorted().forEach(refs::add);
        this.requirements = refs.isEmpty() ? null : String.join(",", refs);
        this.requirementIndex.clear();
        this.requirementIndex.addAll(refs);
        this.tags = normaliseTags(form.getTags());
    }

    // --- Nonconformity: clause 10.2 ------------------------------------------------------------------------------

    /** Triage: someone owns it and it is graded; status stays REPORTED until it is contained. */
    public void triage(UUID ownerId, Grade grade) {
        requireKind(Kind.NONCONFORMITY);
        requireStatus(Status.REPORTED);
        new Requirements("Triage").require(ownerId != null, "ownerId", "an owner")
                .require(grade != null, "grade", "a grade (major or minor)").check();
        this.ownerId = ownerId;
        this.grade = grade;
    }

    /** Not a nonconformity (or not ours) after all: the reason stays on record. */
    public void reject(String reason, Instant now) {
        requireStatus(Status.REPORTED);
        new Requirements("Rejecting").text(reason, "reason", "the reason for rejecting it").check();
        this.rejectionReason = reason.strip();
        this.status = Status.REJECTED;
        this.closedAt = now;
    }

    /** 10.2 a): react — take action to control and correct it, and deal with the consequences. */
    public void contain(String correction, String consequences, Instant now) {
        requireKind(Kind.NONCONFORMITY);
        requireStatus(Status.REPORTED);
        new Requirements("Containing").require(ownerId != null, "ownerId", "an owner (triage first)")
                .require(grade != null, "grade", "a grade (triage first)")
                .text(correction, "correction", "the correction taken to control and correct it")
                .text(consequences, "consequences", "how the consequences were dealt with").check();
        this.correction = correction.strip();
        this.consequences = consequences.strip();
        this.containedAt = now;
        this.status = Status.CONTAINED;
    }

    /**
     * 10.2 b): evaluate the need to eliminate the causes — review it, find the root cause with a named method, and
     * judge whether similar nonconformities exist or could occur. Also the re-analysis after an ineffective attempt.
     */
    public void analyse(Analysis analysis, Instant now) {
        requireKind(Kind.NONCONFORMITY);
        requireStatus(Status.CONTAINED, Status.ANALYSED);
        Requirements needs = new Requirements("The analysis")
                .text(analysis.reviewSummary(), "reviewSummary", "a review of the nonconformity")
                .require(analysis.method() != null, "rcaMethod", "a root cause analysis method (5 whys, fishbone or fault tree)")
                .text(analysis.rootCause(), "rootCause", "the root cause found")
                .require(analysis.couldOccurElsewhere() != null, "couldOccurElsewhere",
                        "a judgement whether it could occur elsewhere")
                .text(analysis.elsewhereJudgement(), "elsewhereJudgement",
                        "the reasoning on similar nonconformities elsewhere")
                .require(analysis.correctiveActionNeeded() != null, "correctiveActionNeeded",
                        "the decision whether corrective action is needed");
        if (analysis.method() != null) {
            switch (analysis.method()) {
                case FIVE_WHYS -> needs.require(analysis.whys().size() >= 2, "whys",
                        "a chain of at least two whys");
                case FISHBONE -> needs.require(!analysis.fishbone().isEmpty(), "fishbone",
                        "the causes found in at least one fishbone category");
                case FAULT_TREE -> needs.text(analysis.faultTree(), "faultTree", "the fault tree");
            }
        }
        if (Boolean.FALSE.equals(analysis.correctiveActionNeeded())) {
            needs.text(analysis.noActionJustification(), "noActionJustification",
                    "the justification for taking no corrective action");
        }
        needs.check();
        this.reviewSummary = analysis.reviewSummary().strip();
        this.rcaMethod = analysis.method();
        this.rcaDetail = analysis.detailJson();
        this.rcaExplanation = blankToNull(analysis.explanation());
        this.rootCause = analysis.rootCause().strip();
        this.similarRecords = RecordIds.join(analysis.similarRecords());
        this.couldOccurElsewhere = analysis.couldOccurElsewhere();
        this.elsewhereJudgement = analysis.elsewhereJudgement().strip();
        this.correctiveActionNeeded = analysis.correctiveActionNeeded();
        this.noActionJustification = Boolean.FALSE.equals(correctiveActionNeeded)
                ? analysis.noActionJustification().strip() : null;
        this.analysedAt = now;
        this.status = Status.ANALYSED;
    }

    /** 10.2 c): the corrective actions are planned (the actions themselves live in the action module). */
    public void actionsPlanned(int count) {
        if (kind == Kind.NONCONFORMITY) {
            requireStatus(Status.ANALYSED);
            if (!Boolean.TRUE.equals(correctiveActionNeeded)) {
                throw Refused.conflict("The analysis decided no corrective action is needed: close it, or analyse again");
            }
        }
        else {
            requireStatus(Status.EVALUATED);
            if (evaluation != Evaluation.ACCEPTED) {
                throw Refused.conflict("Only an accepted opportunity is planned");
            }
        }
        new Requirements("Planning").require(count > 0, "actions",
                "at least one action with owner, due date and success criteria").check();
        this.status = Status.ACTIONS_PLANNED;
    }

    /** All actions of this attempt are done, with evidence; effectiveness is reviewed after the waiting period. */
    public void implemented(int open, int done, Instant now, LocalDate today, int waitingDays) {
        requireStatus(Status.ACTIONS_PLANNED);
        new Requirements("Marking it implemented")
                .require(open == 0, "actions", open + " planned action(s) still open: complete or cancel them")
                .require(done > 0, "actions", "at least one action done with evidence").check();
        this.implementedAt = now;
        this.effectivenessDue = kind == Kind.NONCONFORMITY ? today.plusDays(waitingDays) : null;
        this.status = Status.IMPLEMENTED;
    }

    /** 10.2 d): once the waiting period is over, the effectiveness of the corrective action is reviewed. */
    public void startEffectivenessReview(LocalDate today) {
        requireKind(Kind.NONCONFORMITY);
        requireStatus(Status.IMPLEMENTED);
        if (effectivenessDue != null && today.isBefore(effectivenessDue)) {
            throw Refused.conflict("The effectiveness review is due on " + effectivenessDue
                    + ", after the waiting period the organisation set");
        }
        this.status = Status.EFFECTIVENESS_REVIEW;
    }

    /**
     * The reviewer judges the result against the success criteria fixed at planning. Effective closes it; not
     * effective sends it back to analysis for another attempt, and the failed one stays on record.
     */
    public void effectivenessReviewed(boolean effective, Instant now) {
        requireStatus(Status.EFFECTIVENESS_REVIEW);
        if (effective) {
            this.status = Status.CLOSED;
            this.closedAt = now;
        }
        else {
            this.attempt++;
            this.implementedAt = null;
            this.effectivenessDue = null;
            this.status = Status.ANALYSED;
            this.correctiveActionNeeded = null;
        }
    }

    /** When the analysis justified that no corrective action is needed, the record closes after it. */
    public void closeWithoutAction(Instant now) {
        requireKind(Kind.NONCONFORMITY);
        requireStatus(Status.ANALYSED);
        if (!Boolean.FALSE.equals(correctiveActionNeeded)) {
            throw Refused.missing("Closing without corrective action",
                    java.util.Map.of("correctiveActionNeeded", "an analysis that decided, with justification, that no corrective action is needed"));
        }
        this.status = Status.CLOSED;
        this.closedAt = now;
    }

    /** 10.2 e): changes to the ISMS made because of it, kept with it. */
    public void recordIsmsChange(String change, LocalDate today) {
        requireKindOpenOrClosed();
        new Requirements("Recording an ISMS change").text(change, "ismsChange", "what was changed in the ISMS").check();
        String line = today + ": " + change.strip();
        this.ismsChanges = ismsChanges == null ? line : ismsChanges + "\n" + line;
    }

    // --- Opportunity for improvement (10.1) ------------------------------------------------------------------

    public void evaluate(Evaluation decision, String reason, LocalDate deferredUntil, LocalDate today, Instant now) {
        requireKind(Kind.OPPORTUNITY);
        requireStatus(Status.REPORTED, Status.EVALUATED);
        if (status == Status.EVALUATED && evaluation != Evaluation.DEFERRED) {
            throw Refused.conflict("It was " + evaluation.label().toLowerCase() + " already");
        }
        Requirements needs = new Requirements("The evaluation")
                .require(decision != null, "evaluation", "the decision: accepted, rejected or deferred");
        if (decision == Evaluation.REJECTED) {
            needs.text(reason, "reason", "the reason for rejecting it");
        }
        if (decision == Evaluation.DEFERRED) {
            needs.require(deferredUntil != null && deferredUntil.isAfter(today), "deferredUntil",
                    "the date it is deferred until, in the future");
        }
        needs.check();
        this.evaluation = decision;
        this.evaluationReason = blankToNull(reason);
        this.deferredUntil = decision == Evaluation.DEFERRED ? deferredUntil : null;
        if (decision == Evaluation.REJECTED) {
            this.status = Status.REJECTED;
            this.closedAt = now;
        }
        else {
            this.status = Status.EVALUATED;
        }
    }

    public void closeOpportunity(String benefit, Instant now) {
        requireKind(Kind.OPPORTUNITY);
        requireStatus(Status.IMPLEMENTED);
        new Requirements("Closing").text(benefit, "benefitRealised", "the benefit realised").check();
        this.benefitRealised = benefit.strip();
        this.status = Status.CLOSED;
        this.closedAt = now;
    }

    /** The records an opportunity was raised for (a trend's nonconformities). */
    public void relatedTo(List<UUID> related) {
        this.similarRecords = RecordIds.join(related.stream().filter(r -> !r.equals(id)).toList());
    }

    // --- recurrence --------------------------------------------------------------------------------------------

    /** This record is the same problem coming back after an earlier one was closed. */
    public void recurrenceOf(ImprovementRecord earlier) {
        requireKind(Kind.NONCONFORMITY);
        new Requirements("Linking a recurrence")
                .require(!earlier.id.equals(id), "recurrenceOf", "another record than this one")
                .require(earlier.kind == Kind.NONCONFORMITY && earlier.status == Status.CLOSED, "recurrenceOf",
                        "a closed nonconformity: only a problem that was closed can come back")
                .require(recurrenceOf == null, "recurrenceOf", "a record not yet linked as a recurrence").check();
        this.recurrenceOf = earlier.id;
    }

    /** The problem came back after this record was closed as effective: that review is now in question. */
    public void questionEffectiveness() {
        this.effectivenessQuestioned = true;
    }

    // --- guards ------------------------------------------------------------------------------------------------

    private void requireKind(Kind wanted) {
        if (kind != wanted) {
            throw Refused.conflict("That step is for " + (wanted == Kind.NONCONFORMITY ? "a nonconformity" : "an opportunity for improvement"));
        }
    }

    private void requireStatus(Status... allowed) {
        if (Arrays.asList(allowed).contains(status)) {
            return;
        }
        throw Refused.conflict("This " + kind.label().toLowerCase() + " is " + status.label().toLowerCase()
                + ": that step needs it to be " + Arrays.stream(allowed).map(s -> s.label().toLowerCase())
                        .collect(Collectors.joining(" or ")));
    }

    private void requireKindOpenOrClosed() {
        if (status == Status.REJECTED || status == Status.REPORTED) {
            throw Refused.conflict("Record ISMS changes once the record is being dealt with");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normaliseTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return null;
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().sorted().collect(Collectors.joining(", "));
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }

    public UUID getId() { return id; }
    public Kind getKind() { return kind; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Source getSource() { return source; }
    public String getSourceReference() { return sourceReference; }
    public String getTrackerReference() { return trackerReference; }
    public UUID getMigrationId() { return migrationId; }
    public UUID getSourceId() { return sourceId; }
    public Grade getGrade() { return grade; }
    public Status getStatus() { return status; }
    public UUID getAreaId() { return areaId; }
    public UUID getOwnerId() { return ownerId; }
    public UUID getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public LocalDate getTargetDate() { return targetDate; }
    public List<String> getRequirements() { return requirements == null ? List.of() : List.of(requirements.split(",")); }
    public String getTags() { return tags; }
    public String getRejectionReason() { return rejectionReason; }
    public String getCorrection() { return correction; }
    public String getConsequences() { return consequences; }
    public Instant getContainedAt() { return containedAt; }
    public String getReviewSummary() { return reviewSummary; }
    public RcaMethod getRcaMethod() { return rcaMethod; }
    public String getRcaDetail() { return rcaDetail; }
    public String getRcaExplanation() { return rcaExplanation; }
    public String getRootCause() { return rootCause; }
    public List<UUID> getSimilarRecords() {
        return RecordIds.parse(similarRecords);
    }
    public Boolean getCouldOccurElsewhere() { return couldOccurElsewhere; }
    public String getElsewhereJudgement() { return elsewhereJudgement; }
    public Boolean getCorrectiveActionNeeded() { return correctiveActionNeeded; }
    public String getNoActionJustification() { return noActionJustification; }
    public Instant getAnalysedAt() { return analysedAt; }
    public int getAttempt() { return attempt; }
    public Instant getImplementedAt() { return implementedAt; }
    public LocalDate getEffectivenessDue() { return effectivenessDue; }
    public String getIsmsChanges() { return ismsChanges; }
    public Evaluation getEvaluation() { return evaluation; }
    public String getEvaluationReason() { return evaluationReason; }
    public LocalDate getDeferredUntil() { return deferredUntil; }
    public String getBenefitRealised() { return benefitRealised; }
    public UUID getRecurrenceOf() { return recurrenceOf; }
    public boolean isEffectivenessQuestioned() { return effectivenessQuestioned; }
    public Instant getClosedAt() { return closedAt; }
    public long getVersion() { return version; }
}
