package dev.ratchet.review.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ratchet.review.DecisionType;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A decision of a management review, with its rationale and the agenda inputs it answers. */
@Entity
public class ReviewDecision implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID reviewId;

    private int position;

    @Enumerated(EnumType.STRING)
    private DecisionType decisionType;

    private String decision;

    private String rationale;

    private String inputs;

    /** The change-log entry a decision to change the ISMS made. */
    private UUID changeId;

    private String changeReference;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ReviewDecision() {
    }

    public ReviewDecision(ManagementReview review, int position, DecisionType type, String decision, String rationale,
            List<String> inputs, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = review.getOrganisationId();
        this.reviewId = review.getId();
        this.position = position;
        this.decisionType = type;
        this.decision = decision.strip();
        this.rationale = rationale.strip();
        this.inputs = inputs.isEmpty() ? null : String.join(",", inputs);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void linkChange(UUID id, String reference) {
        this.changeId = id;
        this.changeReference = reference;
    }

    @Override
    public String historyParentId() { return reviewId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getReviewId() { return reviewId; }
    public int getPosition() { return position; }
    public DecisionType getDecisionType() { return decisionType; }
    public String getDecision() { return decision; }
    public String getRationale() { return rationale; }
    public List<String> getInputs() { return inputs == null ? List.of() : Arrays.asList(inputs.split(",")); }
    public UUID getChangeId() { return changeId; }
    public String getChangeReference() { return changeReference; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
