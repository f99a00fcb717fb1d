package dev.ratchet.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the policy pages and the API show. */
public final class PolicyViews {

    private PolicyViews() {
    }

    /** A line of the policy register. */
    public record Summary(UUID id, String reference, String title, boolean generated, String currentVersion, String latestStatus,
            String ownerName, LocalDate nextReviewDate, boolean reviewOverdue, Compliance compliance) {
    }

    /** A policy with its versions, exceptions, checks and non-compliance. */
    public record Policy(UUID id, String reference, String title, boolean generated, UUID ownerId, String ownerName,
            UUID approverId, String approverName, String classification, int reviewMonths, LocalDate nextReviewDate,
            boolean reviewOverdue, List<Version> versions, Version current, Version draft, List<DiffLine> drift,
            List<Exception> exceptions, List<Check> checks, List<Noncompliance> noncompliance, Compliance compliance,
            List<Acknowledgement> acknowledgements, LastReview lastReview, long version) {

        /** The reader's own request to read the version in force, if asked and not yet acknowledged. */
        public Acknowledgement pendingFor(UUID userId) {
            return acknowledgements.stream().filter(a -> a.userId().equals(userId) && a.acknowledgedAt() == null).findFirst().orElse(null);
        }

        public long acknowledged() {
            return acknowledgements.stream().filter(a -> a.acknowledgedAt() != null).count();
        }
    }

    /** The last periodic review that kept the policy as it is. */
    public record LastReview(Instant at, String byName, String note) {
    }

    /** A member asked to read the version in force: by when, and when they acknowledged it. */
    public record Acknowledgement(UUID userId, String name, LocalDate dueDate, Instant acknowledgedAt, boolean overdue) {
    }

    public record Version(UUID id, String number, VersionStatus status, String content, String html, List<Markdown.Entry> contents,
            UUID fileId, String fileName, String changeSummary, String createdByName, Instant createdAt, String approvedByName, Instant approvedAt, long version) {
    }

    /** A line where the approved policy and the policy generated from today's settings differ. */
    public record DiffLine(String approved, String now) {
    }

    /** The compliance figure: share of checks passed over the last 12 months, open non-compliance and exceptions, overdue review. */
    public record Compliance(Integer passedPercent, long results, long openNoncompliance, long openExceptions, long expiredExceptions,
            boolean reviewOverdue) {
    }

    public record Exception(UUID id, String reference, UUID policyId, String policyTitle, String clause, String scope,
            String justification, String risk, String compensatingControls, String actionPlan, UUID requesterId, String requesterName,
            String approverName, Instant approvedAt, LocalDate reviewDate, LocalDate expiryDate, Instant closedAt, String status,
            boolean expired, boolean reviewDue, long version) {
    }

    public record Check(UUID id, String title, String method, int frequencyMonths, UUID ownerId, String ownerName, LocalDate nextDue,
            boolean overdue, List<Result> results, long version) {
    }

    /** A check with its policy, for the list of every check of the organisation. */
    public record CheckLine(UUID policyId, String policyReference, String policyTitle, Check check) {
    }

    public record Result(LocalDate checkedOn, boolean passed, String notes, String recordedByName, UUID improvementId,
            String improvementReference) {
    }

    public record Noncompliance(String description, LocalDate foundOn, String reportedByName, UUID improvementId,
            String improvementReference) {
    }
}
