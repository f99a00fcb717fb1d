package dev.ratchet.audit.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A requirement deliberately left out of the audits of a certification cycle, with the reason. */
@Entity
public class AuditExclusion implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String requirement;

    @Column(updatable = false)
    private int cycleEndYear;

    private String reason;

    private UUID decidedBy;

    private Instant decidedAt;

    @Version
    private long version;

    protected AuditExclusion() {
    }

    public AuditExclusion(UUID organisationId, String requirement, int cycleEndYear, String reason, UUID decidedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.requirement = requirement;
        this.cycleEndYear = cycleEndYear;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = now;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getRequirement() { return requirement; }
    public int getCycleEndYear() { return cycleEndYear; }
    public String getReason() { return reason; }
    public UUID getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public long getVersion() { return version; }
}
