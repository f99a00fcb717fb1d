package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.HistoryRedacted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A personal API token: only its SHA-256 hash is stored; it acts with its owner's roles. */
@Entity
public class ApiToken {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID userId;

    private String name;

    @HistoryRedacted
    @Column(updatable = false)
    private String tokenHash;

    /** The first characters of the token, so its owner can tell tokens apart. */
    @Column(updatable = false)
    private String prefix;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant expiresAt;

    @HistoryIgnored
    private Instant lastUsedAt;

    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(UUID userId, String name, String tokenHash, String prefix, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
