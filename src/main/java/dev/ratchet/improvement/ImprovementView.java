package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionView;
import dev.ratchet.evidence.EvidenceView;

/** A record with everything its page and the API show: the workflow so far, its actions and reviews. */
public record ImprovementView(UUID id, String reference, Kind kind, String title, String description, Source source,
        String sourceReference, UUID sourceId, Grade grade, Status status, UUID areaId, String areaName, UUID ownerId,
        String ownerName, UUID raisedBy, String raisedByName, Instant raisedAt, LocalDate targetDate,
        List<String> requirements, String tags, String rejectionReason, String correction, String consequences,
        Instant containedAt, String reviewSummary, RcaMethod rcaMethod, List<String> whys, Map<String, String> fishbone,
        String faultTree, String rcaExplanation, String rootCause, List<Link> similarRecords,
        Boolean couldOccurElsewhere, String elsewhereJudgement, Boolean correctiveActionNeeded,
        String noActionJustification, Instant analysedAt, int attempt, Instant implementedAt,
        LocalDate effectivenessDue, String ismsChanges, Evaluation evaluation, String evaluationReason,
        LocalDate deferredUntil, String benefitRealised, Link recurrenceOf, boolean effectivenessQuestioned,
        Instant closedAt, List<AnalysisView> analyses, List<ActionView> actions, List<Review> reviews, List<EvidenceView> evidence,
        List<Transition> allowed,
        List<SimilarRecord> suggestions, int similarNonconformitiesInYear, long version) {

    /** The page of the record this one was raised from (an audit, ...), when Ratchet holds it. */
    public String sourcePath() {
        return sourceId == null ? null : source.pathOf(sourceId);
    }

    public record Link(UUID id, String reference, String title, Status status) {
    }

    public record Review(int attempt, UUID reviewerId, String reviewerName, String method, String evidence,
            boolean effective, String independenceNote, Instant reviewedAt) {
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public List<ActionView> currentActions() {
        return actions.stream().filter(a -> a.attempt() == attempt).toList();
    }

    /** The analyses of attempts that came before the current one (each ended not effective). */
    public List<AnalysisView> earlierAnalyses() {
        return analyses.stream().filter(a -> a.attempt() < attempt).toList();
    }

    /** The actions of one attempt, for the record document's story attempt by attempt. */
    public List<ActionView> actionsOf(int attemptNumber) {
        return actions.stream().filter(a -> a.attempt() == attemptNumber).toList();
    }

    /** The effectiveness reviews of one attempt. */
    public List<Review> reviewsOf(int attemptNumber) {
        return reviews.stream().filter(r -> r.attempt() == attemptNumber).toList();
    }
}
