package dev.ratchet.change;

import java.time.LocalDate;
import java.util.UUID;

/** A change as a row of the change log and its exports. */
public record ChangeSummary(UUID id, String reference, String title, String reason, String impact, LocalDate plannedDate,
        String approverName, ChangeStatus status, LocalDate approvedOn, LocalDate implementedOn, String reviewNote,
        String causeReference) {
}
