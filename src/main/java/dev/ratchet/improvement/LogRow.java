package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the incident and corrective action log: what an auditor reads about a record. */
public record LogRow(UUID id, String reference, Kind kind, Grade grade, Status status, String title,
        String description, Source source, String sourceReference, String area, String owner, String raisedBy,
        Instant raisedAt, LocalDate targetDate, String requirements, String correction, String consequences,
        Instant containedAt, RcaMethod rcaMethod, String rootCause, Boolean correctiveActionNeeded, String actions,
        String effectiveness, String ismsChanges, Instant closedAt) {
}
