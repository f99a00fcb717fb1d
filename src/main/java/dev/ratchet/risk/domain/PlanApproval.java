package dev.ratchet.risk.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Top management's approval of the whole risk treatment plan; its documents are frozen beside it. */
@Entity
@Table(name = "risk_plan_approval")
public class PlanApproval implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private int number;

    @Column(updatable = false)
    private UUID approvedBy;

    @Column(updatable = false)
    private Instant approvedAt;

    @Column(updatable = false)
    private String note;

    @Column(updatable = false)
    private int risks;

    @Column(updatable = false)
    private int openActions;

    @Version
    private long version;

    protected PlanApproval() {
    }

    public PlanApproval(UUID organisationId, int number, UUID approvedBy, String note, int risks, int openActions, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.number = number;
        this.approvedBy = approvedBy;
        this.approvedAt = now;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.risks = risks;
        this.openActions = openActions;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public int getNumber() { return number; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getNote() { return note; }
    public int getRisks() { return risks; }
    public int getOpenActions() { return openActions; }
}
