package dev.ratchet.identity;

import java.time.Instant;
import java.util.UUID;

public record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
