package dev.ratchet.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.action.ActionView;
import dev.ratchet.improvement.ImprovementView;

/** An obligation with its changes, its review reminder and the improvement records raised from it. */
public record ObligationView(UUID id, String reference, String name, ObligationType type, String jurisdiction,
        String source, String howItApplies, UUID ownerId, String ownerName, LocalDate nextReviewDate,
        LocalDate lastReviewedOn, String lastReviewNote, boolean reviewOverdue, Instant createdAt,
        List<Amendment> changes, ActionView reviewAction, List<ImprovementView.Link> raised,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The controls and requirements it calls for") List<String> requirements, long version) {

    public record Amendment(LocalDate effectiveDate, String summary, String impactAssessment, String recordedByName,
            Instant recordedAt) {
    }
}
