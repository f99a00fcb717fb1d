package dev.ratchet.incident;

import java.time.LocalDate;
import java.util.UUID;

/** The register's filters, all optional. */
public record IncidentFilter(Category category, Severity severity, Boolean open, LocalDate detectedFrom,
        LocalDate detectedTo, UUID areaId, String text) {
}
