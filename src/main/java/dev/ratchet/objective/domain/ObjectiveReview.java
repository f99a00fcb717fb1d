package dev.ratchet.objective.domain;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.objective.ReviewOutcome;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The recorded yearly review of an objective. */
@Entity
public class ObjectiveReview implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID objectiveId;

    @Column(updatable = false)
    private LocalDate reviewedOn;

    @Column(updatable = false)
    private UUID reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReviewOutcome outcome;

    @Column(updatable = false)
    private String conclusion;

    @Version
    private long version;

    protected ObjectiveReview() {
    }

    public ObjectiveReview(Objective objective, LocalDate reviewedOn, UUID reviewerId, ReviewOutcome outcome, String conclusion) {
        this.id = UUID.randomUUID();
        this.organisationId = objective.getOrganisationId();
        this.objectiveId = objective.getId();
        this.reviewedOn = reviewedOn;
        this.reviewerId = reviewerId;
        this.outcome = outcome;
        this.conclusion = conclusion.strip();
    }

    @Override
    public String historyParentId() { return objectiveId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getObjectiveId() { return objectiveId; }
    public LocalDate getReviewedOn() { return reviewedOn; }
    public UUID getReviewerId() { return reviewerId; }
    public ReviewOutcome getOutcome() { return outcome; }
    public String getConclusion() { return conclusion; }
    public long getVersion() { return version; }
}
