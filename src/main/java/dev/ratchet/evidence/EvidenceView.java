package dev.ratchet.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record EvidenceView(UUID id, String ownerType, UUID ownerId, String fileName, String contentType, long sizeBytes,
        String sha256, LocalDate evidenceDate, String description, UUID uploadedBy, String uploadedByName,
        Instant uploadedAt) {

    public String size() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return (sizeBytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
    }
}
