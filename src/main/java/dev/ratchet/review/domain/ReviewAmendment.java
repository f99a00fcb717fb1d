package dev.ratchet.review.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A correction to approved minutes: the minutes stay as approved, the amendment is linked to them. */
@Entity
public class ReviewAmendment implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID reviewId;

    @Column(updatable = false)
    private int position;

    @Column(updatable = false)
    private String correction;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ReviewAmendment() {
    }

    public ReviewAmendment(ManagementReview review, int position, String correction, String reason, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = review.getOrganisationId();
        this.reviewId = review.getId();
        this.position = position;
        this.correction = correction.strip();
        this.reason = reason.strip();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    @Override
    public String historyParentId() { return reviewId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getReviewId() { return reviewId; }
    public int getPosition() { return position; }
    public String getCorrection() { return correction; }
    public String getReason() { return reason; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
