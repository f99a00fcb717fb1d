package dev.ratchet.policy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A deviation from a policy found outside an audit, with the nonconformity it raised. */
@Entity
public class PolicyNoncompliance implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID policyId;

    private String description;

    private LocalDate foundOn;

    private UUID improvementId;

    private String improvementReference;

    @Column(updatable = false)
    private UUID reportedBy;

    @Column(updatable = false)
    private Instant reportedAt;

    @Version
    private long version;

    protected PolicyNoncompliance() {
    }

    public PolicyNoncompliance(Policy policy, String description, LocalDate foundOn, UUID reportedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = policy.getOrganisationId();
        this.policyId = policy.getId();
        this.description = description.strip();
        this.foundOn = foundOn;
        this.reportedBy = reportedBy;
        this.reportedAt = now;
    }

    public void raised(UUID improvementId, String reference) {
        this.improvementId = improvementId;
        this.improvementReference = reference;
    }

    @Override
    public String historyParentId() { return policyId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getPolicyId() { return policyId; }
    public String getDescription() { return description; }
    public LocalDate getFoundOn() { return foundOn; }
    public UUID getImprovementId() { return improvementId; }
    public String getImprovementReference() { return improvementReference; }
    public UUID getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public long getVersion() { return version; }
}
