package dev.ratchet.bundle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bundle as its list shows it: the period, the status with progress, and when it is ready, its size and hash. */
public record BundleView(UUID id, LocalDate periodFrom, LocalDate periodTo, String status, String step, int done, int total,
        Long sizeBytes, String sha256, String error, String requestedByName, Instant requestedAt, Instant finishedAt,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The framework the bundle was built for; null for the whole ISMS")
        String framework) {

    public boolean ready() {
        return "READY".equals(status);
    }

    public boolean running() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    public int percent() {
        return total == 0 ? 0 : (int) Math.round(100.0 * done / total);
    }

    public String fileName() {
        return "evidence-bundle-" + (framework == null ? "" : framework + "-") + periodFrom + "-to-" + periodTo + ".zip";
    }
}
