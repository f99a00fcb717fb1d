package dev.ratchet.incident;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An incident as a row of the register and of its export. */
public record IncidentSummary(UUID id, String reference, String title, OffsetDateTime occurredAt, OffsetDateTime detectedAt,
        OffsetDateTime resolvedAt, Category category, Severity severity, String affectedAssets, String areas, String summary,
        String response, String lessonsLearned) {
}
