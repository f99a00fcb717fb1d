package dev.ratchet.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ActionView(UUID id, UUID organisationId, String originType, UUID originId, String originReference,
        int attempt, String title, String description, UUID ownerId, String ownerName, LocalDate dueDate,
        String successCriteria, ActionStatus status, String cancelReason, String completionEvidence,
        Instant completedAt, UUID completedBy, String completedByName, long version) {

    public boolean overdueOn(LocalDate day) {
        return !status.isFinished() && dueDate.isBefore(day);
    }
}
