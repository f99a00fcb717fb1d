package dev.ratchet.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;

/** A change with its approval, implementation, review, cause and the improvement records raised from it. */
public record ChangeView(UUID id, String reference, String title, String reason, String impact, LocalDate plannedDate,
        UUID approverId, String approverName, ChangeStatus status, String approvedByName, Instant approvedAt,
        String rejectionReason, LocalDate implementedOn, String reviewNote, Instant reviewedAt, String causeReference,
        ImprovementView.Link cause, String createdByName, Instant createdAt, List<ImprovementView.Link> raised,
        List<ChangeStep.Step> allowed, long version) {
}
