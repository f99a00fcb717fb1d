package dev.ratchet.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ActionView(UUID id, UUID organisationId, String originType, UUID originId, String originReference,
        int attempt, String title, String description, UUID ownerId, String ownerName, LocalDate dueDate,
        LocalDate originalDueDate, int dueDateChanges, String dueChangeReason, String successCriteria, UUID areaId,
        String progressNote, List<String> escalations, ActionStatus status, String cancelReason, String completionEvidence,
        Instant completedAt, UUID completedBy, String completedByName,
        @io.swagger.v3.oas.annotations.media.Schema(description = "Files attached to this action as its evidence, newest first")
        List<dev.ratchet.evidence.EvidenceView> files,
        @io.swagger.v3.oas.annotations.media.Schema(description = "A deadline to the minute (a regulator's report), escalated as soon as it passes; null for actions due by date")
        Instant dueAt, long version) {

    /** The page of the record the action belongs to. */
    public String originPath() {
        return switch (originType) {
            case "IMPROVEMENT" -> "/improvements/" + originId;
            case "OBLIGATION" -> "/obligations/" + originId;
            case "REVIEW" -> "/reviews/" + originId;
            case "POLICY", "POLICY_READ" -> "/policies/" + originId;
            case "POLICY_EXCEPTION" -> "/policy-exceptions/" + originId;
            case "COMPLIANCE_CHECK" -> "/compliance-checks/" + originId;
            case "RISK", "RISK_ASSESSMENT", "RISK_ACCEPTANCE" -> "/risks/" + originId;
            case "INCIDENT_REPORT" -> "/incidents/" + originId;
            default -> null;
        };
    }

    /** Days the due date moved since it was planned (negative when brought forward). */
    public long slipDays() {
        return java.time.temporal.ChronoUnit.DAYS.between(originalDueDate, dueDate);
    }

    public boolean overdueOn(LocalDate day) {
        return !status.isFinished() && dueDate.isBefore(day);
    }
}
