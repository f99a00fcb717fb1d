package dev.ratchet.policy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.policy.PolicyForm;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A policy document of the register: its owner, approver, classification and review cycle. Its text lives in versions. */
@Entity
public class Policy implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    /** The built-in Continual Improvement Policy, whose text Ratchet generates from the organisation's settings. */
    @Column(updatable = false)
    private boolean generated;

    private UUID ownerId;

    private UUID approverId;

    private String classification;

    private int reviewMonths;

    private LocalDate nextReviewDate;

    private Instant lastReviewedAt;

    private UUID lastReviewedBy;

    private String lastReviewNote;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Policy() {
    }

    public Policy(UUID organisationId, String reference, boolean generated, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.generated = generated;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Policy describe(PolicyForm form) {
        this.title = form.getTitle().strip();
        this.ownerId = form.getOwnerId();
        this.approverId = form.getApproverId();
        this.classification = form.getClassification() == null || form.getClassification().isBlank() ? "Internal" : form.getClassification().strip();
        this.reviewMonths = form.getReviewMonths();
        return this;
    }

    /** Reviewed and kept as it is: the next review falls one review cycle later. */
    public void reviewed(LocalDate on, UUID by, Instant now, String note) {
        this.lastReviewedAt = now;
        this.lastReviewedBy = by;
        this.lastReviewNote = note.strip();
        this.nextReviewDate = on.plusMonths(reviewMonths);
    }

    /** A version was approved: the next review falls one review cycle later. */
    public void approved(LocalDate on) {
        this.nextReviewDate = on.plusMonths(reviewMonths);
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public boolean isGenerated() { return generated; }
    public UUID getOwnerId() { return ownerId; }
    public UUID getApproverId() { return approverId; }
    public String getClassification() { return classification; }
    public int getReviewMonths() { return reviewMonths; }
    public LocalDate getNextReviewDate() { return nextReviewDate; }
    public Instant getLastReviewedAt() { return lastReviewedAt; }
    public UUID getLastReviewedBy() { return lastReviewedBy; }
    public String getLastReviewNote() { return lastReviewNote; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
