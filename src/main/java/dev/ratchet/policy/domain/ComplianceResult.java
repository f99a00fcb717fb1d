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

/** The result of one compliance check; a failure names the nonconformity it raised. */
@Entity
public class ComplianceResult implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID checkId;

    @Column(updatable = false)
    private UUID policyId;

    private LocalDate checkedOn;

    private boolean passed;

    private String notes;

    private UUID improvementId;

    private String improvementReference;

    @Column(updatable = false)
    private UUID recordedBy;

    @Column(updatable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected ComplianceResult() {
    }

    public ComplianceResult(ComplianceCheck check, LocalDate checkedOn, boolean passed, String notes, UUID recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = check.getOrganisationId();
        this.checkId = check.getId();
        this.policyId = check.getPolicyId();
        this.checkedOn = checkedOn;
        this.passed = passed;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
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
    public UUID getCheckId() { return checkId; }
    public LocalDate getCheckedOn() { return checkedOn; }
    public boolean isPassed() { return passed; }
    public String getNotes() { return notes; }
    public UUID getImprovementId() { return improvementId; }
    public String getImprovementReference() { return improvementReference; }
    public UUID getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public long getVersion() { return version; }
}
