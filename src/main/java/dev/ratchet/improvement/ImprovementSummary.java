package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A line of the register. */
public record ImprovementSummary(UUID id, String reference, Kind kind, String title, Source source, Grade grade,
        Status status, String areaName, String ownerName, Instant raisedAt, LocalDate targetDate, boolean overdue) {
}
