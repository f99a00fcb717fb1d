package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line of the register. When the register is filtered by a requirement, {@code requirementMatch} says how the record
 * is linked to it: {@code DIRECT} (it names the requirement, or one under it) or {@code MAPPED} (it names a requirement
 * of another framework mapped to it, listed in {@code mappedThrough}); null when no requirement filter is applied.
 */
public record ImprovementSummary(UUID id, String reference, Kind kind, String title, Source source, Grade grade,
        Status status, String areaName, String ownerName, Instant raisedAt, LocalDate targetDate, boolean overdue,
        RequirementMatch requirementMatch, java.util.List<String> mappedThrough) {

    public enum RequirementMatch { DIRECT, MAPPED }
}
