package dev.ratchet.obligation;

import java.time.LocalDate;
import java.util.UUID;

/** An obligation as a row of the register and its exports. */
public record ObligationSummary(UUID id, String reference, String name, ObligationType type, String jurisdiction,
        String source, String howItApplies, String ownerName, LocalDate nextReviewDate, LocalDate lastReviewedOn,
        boolean reviewOverdue, String requirements) {
}
