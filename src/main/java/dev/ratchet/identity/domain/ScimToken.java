package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.HistoryRedacted;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A token an identity provider uses to provision one organisation's people over SCIM; only its hash is kept. */
@Entity
public class ScimToken implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private String name;

    @HistoryRedacted
    @Column(updatable = false)
    private String tokenHash;

    @Column(updatable = false)
    private String prefix;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @HistoryIgnored
    private Instant lastUsedAt;

    private Instant revokedAt;

    @Version
    private long version;

    protected ScimToken() {
    }

    public ScimToken(UUID organisationId, String name, String tokenHash, String prefix, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
