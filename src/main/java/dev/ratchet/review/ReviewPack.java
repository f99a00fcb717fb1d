package dev.ratchet.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The input pack of clause 9.3.2 for one review, in the standard's order: what management sees. Plain data only, so
 * that it is stored as it was (JSON) when the meeting starts and shown the same way ever after.
 */
public record ReviewPack(LocalDate periodFrom, LocalDate periodTo, Instant assembledAt,
        List<Action> previousActions,
        String externalInternalIssues, List<Change> ismsChanges,
        String interestedParties,
        Nonconformities nonconformities, List<Objective> objectives, List<Audit> audits, AuditProgramme programme,
        List<Feedback> feedback, List<Incident> incidents, List<ObligationChange> obligationChanges,
        String riskAssessment,
        List<Opportunity> opportunities, List<Attachment> attachments, Policies policies, List<Earlier> earlierReviews, Risks risks) {

    /**
     * Input (f) from the risk register, the treatment plan and the Statement of Applicability as they stood when the
     * pack was assembled: absent in packs frozen before Ratchet kept risks.
     */
    public record Risks(Integer criteriaVersion, List<LevelCount> byLevel, long aboveAcceptance, List<String> aboveAcceptanceRisks,
            long actionsOpen, long actionsOverdue, long actionsDone, long acceptancesInForce, long acceptancesExpiringSoon,
            long acceptancesExpired, long notReassessed, List<String> notReassessedRisks, long soaVersionsApproved,
            Integer soaVersionInForce, long soaDecisionsChanged, long soaApplicable, long soaExcluded, long soaWithProblems) {

        public record LevelCount(String level, long now, Long atPreviousReview) {
        }

        /** The lines the pack, the minutes and their documents print. */
        public List<String> lines() {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(criteriaVersion == null ? "No risk criteria are approved yet." : "Risks are assessed under version " + criteriaVersion
                    + " of the risk criteria.");
            lines.add(aboveAcceptance + (aboveAcceptance == 1 ? " risk is" : " risks are") + " above the risk acceptance criteria"
                    + (aboveAcceptanceRisks.isEmpty() ? "." : ": " + String.join("; ", aboveAcceptanceRisks) + "."));
            lines.add("Treatment actions: " + actionsDone + " done, " + actionsOpen + " open, " + actionsOverdue + " overdue.");
            lines.add("Acceptances of residual risk: " + acceptancesInForce + " in force, " + acceptancesExpiringSoon + " ending soon, "
                    + acceptancesExpired + " expired since the previous review.");
            lines.add(notReassessed + (notReassessed == 1 ? " risk was" : " risks were") + " not re-assessed within the cadence"
                    + (notReassessedRisks.isEmpty() ? "." : ": " + String.join("; ", notReassessedRisks) + "."));
            lines.add("Statement of Applicability: " + (soaVersionInForce == null ? "no version approved yet" : "version " + soaVersionInForce
                    + " in force") + "; " + soaVersionsApproved + (soaVersionsApproved == 1 ? " version" : " versions") + " approved and "
                    + soaDecisionsChanged + (soaDecisionsChanged == 1 ? " control" : " controls") + " decided or changed since the previous review; "
                    + soaApplicable + " applicable, " + soaExcluded + " excluded, " + soaWithProblems + " to resolve.");
            return lines;
        }
    }

    /**
     * The same figures from an earlier review, read from its frozen pack, so that a trend shows even for a period of one
     * month: nonconformities raised and closed, opportunities raised, open and overdue at that meeting.
     */
    public record Earlier(String reference, LocalDate periodFrom, LocalDate periodTo, long nonconformitiesRaised,
            long opportunitiesRaised, long nonconformitiesClosed, long open, long overdue, Integer effectivenessRate, long recurrences) {
    }

    /** The earlier reviews' figures, oldest first, then this one's as the last row of the trend table. */
    public List<Earlier> trend() {
        List<Earlier> rows = new java.util.ArrayList<>(earlierReviews == null ? List.of() : earlierReviews);
        if (nonconformities != null) {
            Nonconformities n = nonconformities;
            rows.add(new Earlier("This review", periodFrom, periodTo, n.raised(), n.opportunitiesRaised(), n.closed(), n.open(),
                    n.overdue(), n.effectivenessRate(), n.recurrences()));
        }
        return rows;
    }

    /** Policy compliance in the period (input d): checks passed and failed, exceptions past their expiry, open non-compliance. */
    public record Policies(long checksPassed, long checksFailed, List<String> failedChecks, List<ExpiredException> expiredExceptions,
            long openNoncompliance) {

        /** The sentence the pack, the minutes and their documents print, with its plurals right. */
        public String summary() {
            return checksPassed + (checksPassed == 1 ? " compliance check" : " compliance checks") + " passed and " + checksFailed
                    + " failed in the period; " + openNoncompliance + (openNoncompliance == 1 ? " non-compliance record" : " non-compliance records")
                    + " still open.";
        }
    }

    public record ExpiredException(String reference, String policy, String scope, LocalDate expiryDate) {
    }

    /** The attachments of an input, such as the risk treatment plan for (f). */
    public List<Attachment> attachedTo(String input) {
        return attachments == null ? List.of() : attachments.stream().filter(a -> input.equals(a.input())).toList();
    }

    /** A file the ISMS manager attached to an input written by hand (b, c or f), fixed by its SHA-256. */
    public record Attachment(java.util.UUID id, String input, String fileName, String description, String sha256) {
    }

    /**
     * An action from an earlier review: {@code reviewsSince} counts the reviews held since it was decided, this one
     * included; an action still open after two reviews is flagged.
     */
    public record Action(String reference, String title, String ownerName, LocalDate dueDate, String status, boolean overdue,
            int reviewsSince, boolean openAfterTwoReviews) {
    }

    public record Change(String reference, String title, LocalDate plannedDate, String status) {
    }

    /** The monthly trend as chart data: labels, nonconformities raised, records closed. */
    public String monthLabels() {
        return months().stream().map(m -> "\"" + m.month() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    public String monthRaised() {
        return months().stream().map(m -> String.valueOf(m.raised())).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    public List<Month> months() {
        return nonconformities == null || nonconformities.byMonth() == null ? List.of() : nonconformities.byMonth();
    }

    /**
     * Nonconformities in the period ({@code bySource}, {@code closed} and the trend count nonconformities only) and,
     * apart, opportunities for improvement raised and closed.
     */
    public record Nonconformities(long raised, long opportunitiesRaised, Map<String, Long> bySource, Map<String, Long> byGrade,
            long open, long overdue, long closed, Double meanDaysToClose, Integer effectivenessRate, long effectivenessReviews,
            long recurrences, List<Month> byMonth, Map<String, Long> opportunitiesBySource, long opportunitiesClosed) {
    }

    /** One month of the trend: nonconformities raised and closed. */
    public record Month(String month, long raised, long closed) {
    }

    /** A measurement of an objective, for its trend. */
    public record Point(LocalDate on, BigDecimal value) {
    }

    public record Objective(String reference, String title, String target, BigDecimal latestValue, LocalDate latestOn,
            Boolean onTarget, int periodsOffTarget, BigDecimal targetValue, List<Point> trend) {

        public String chartLabels() {
            return trend == null ? "[]" : trend.stream().map(p -> "\"" + p.on() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }

        public String chartValues() {
            return trend == null ? "[]" : trend.stream().map(p -> p.value().toPlainString()).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
    }

    public record Audit(String reference, String title, String type, String status, long nonconformities, long opportunities) {
    }

    public record AuditProgramme(int year, long planned, long reported, int progress, boolean approved) {
    }

    public record Feedback(String reference, LocalDate receivedOn, String from, String kind, String subject, String status) {
    }

    public record Incident(String reference, String title, String severity, String category, String lessonsLearned) {
    }

    public record ObligationChange(String reference, String name, LocalDate effectiveDate, String summary, String impact) {
    }

    public record Opportunity(String reference, String title, String status) {
    }
}
