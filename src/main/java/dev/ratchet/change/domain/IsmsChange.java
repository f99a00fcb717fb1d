package dev.ratchet.change.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.change.ChangeForm;
import dev.ratchet.change.ChangeStatus;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One planned change to the ISMS and where it stands. */
@Entity
public class IsmsChange implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    private String reason;

    private String impact;

    private LocalDate plannedDate;

    private UUID approverId;

    @Enumerated(EnumType.STRING)
    private ChangeStatus status;

    private UUID approvedBy;

    private Instant approvedAt;

    private String rejectionReason;

    private LocalDate implementedOn;

    private String reviewNote;

    private Instant reviewedAt;

    private String causeReference;

    private UUID causeImprovementId;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected IsmsChange() {
    }

    public IsmsChange(UUID organisationId, String reference, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.status = ChangeStatus.PLANNED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Sets the plan; a change of an approved plan needs approving again. */
    public IsmsChange plan(ChangeForm form, UUID causeImprovementId) {
        if (status != ChangeStatus.PLANNED && status != ChangeStatus.APPROVED) {
            throw Refused.conflict("An " + status.label().toLowerCase() + " change keeps its plan: record a new change instead");
        }
        this.title = form.getTitle().strip();
        this.reason = form.getReason().strip();
        this.impact = form.getImpact().strip();
        this.plannedDate = form.getPlannedDate();
        this.approverId = form.getApproverId();
        this.causeReference = form.getCauseReference() == null || form.getCauseReference().isBlank() ? null : form.getCauseReference().strip();
        this.causeImprovementId = causeImprovementId;
        if (status == ChangeStatus.APPROVED) {
            status = ChangeStatus.PLANNED;
            approvedBy = null;
            approvedAt = null;
        }
        return this;
    }

    public void approve(UUID by, Instant now) {
        require(ChangeStatus.PLANNED, "Approving");
        this.status = ChangeStatus.APPROVED;
        this.approvedBy = by;
        this.approvedAt = now;
    }

    public void reject(UUID by, String why, Instant now) {
        require(ChangeStatus.PLANNED, "Rejecting");
        if (why == null || why.isBlank()) {
            throw Refused.missing("Rejecting the change", Map.of("text", "the reason"));
        }
        this.status = ChangeStatus.REJECTED;
        this.rejectionReason = why.strip();
        this.approvedBy = by;
        this.approvedAt = now;
    }

    public void implemented(LocalDate on) {
        require(ChangeStatus.APPROVED, "Marking it implemented");
        this.status = ChangeStatus.IMPLEMENTED;
        this.implementedOn = on;
    }

    public void reviewed(String note, Instant now) {
        require(ChangeStatus.IMPLEMENTED, "Reviewing");
        if (note == null || note.isBlank()) {
            throw Refused.missing("Reviewing the change", Map.of("text", "what the review found: did the change work, any unintended effect on the ISMS"));
        }
        this.status = ChangeStatus.REVIEWED;
        this.reviewNote = note.strip();
        this.reviewedAt = now;
    }

    private void require(ChangeStatus wanted, String step) {
        if (status != wanted) {
            throw Refused.conflict(step + " needs a " + wanted.label().toLowerCase() + " change; this one is " + status.label().toLowerCase());
        }
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getReason() { return reason; }
    public String getImpact() { return impact; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public UUID getApproverId() { return approverId; }
    public ChangeStatus getStatus() { return status; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getRejectionReason() { return rejectionReason; }
    public LocalDate getImplementedOn() { return implementedOn; }
    public String getReviewNote() { return reviewNote; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getCauseReference() { return causeReference; }
    public UUID getCauseImprovementId() { return causeImprovementId; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
