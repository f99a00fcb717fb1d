package dev.ratchet.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;

/** An incident with the improvement records raised from it; local times are in the organisation's time zone. */
public record IncidentView(UUID id, String reference, String title, OffsetDateTime occurredAt, OffsetDateTime detectedAt,
        OffsetDateTime resolvedAt, Category category, Severity severity, String affectedAssets, List<Area> areas,
        String summary, String response, String lessonsLearned, String createdByName, Instant createdAt,
        List<ImprovementView.Link> raised, long version) {

    public record Area(UUID id, String name) {
    }

    public boolean resolved() {
        return resolvedAt != null;
    }
}
