package dev.ratchet.improvement;

import java.time.Instant;
import java.util.UUID;

/** A record that is probably about the same problem, with how closely it matches (0–100). */
public record SimilarRecord(UUID id, String reference, String title, Kind kind, Status status, Instant raisedAt,
        int percent) {
}
