package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the incident and corrective action log: what an auditor reads about a record, the whole clause 10.2
 * story (every attempt's analysis, actions and effectiveness reviews) or the 10.1 evaluation. Dates are days in the
 * organisation's time zone.
 */
public record LogRow(UUID id, String reference, Kind kind, Grade grade, Status status, String title,
        String description, Source source, String sourceReference, String area, String owner, String raisedBy,
        LocalDate raisedOn, LocalDate targetDate, String requirements, String correction, String consequences,
        LocalDate containedOn, String reviewSummary, RcaMethod rcaMethod, String rcaWorking, String rootCause,
        String similarRecords, Boolean couldOccurElsewhere, String elsewhereJudgement, Boolean correctiveActionNeeded,
        String analyses, String actions, String effectiveness, String ismsChanges, Evaluation evaluation,
        String evaluationReason, LocalDate deferredUntil, String benefitRealised, LocalDate closedOn) {
}
