package dev.ratchet.objective.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One measured value of an objective, entered by hand or imported. */
@Entity
@Table(name = "objective_measurement")
public class Measurement implements OrganisationScoped, HistoryChild {

    public static final String ENTERED = "ENTERED";
    public static final String IMPORTED = "IMPORTED";

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID objectiveId;

    private LocalDate measuredOn;

    private BigDecimal measuredValue;

    private String commentText;

    @Column(updatable = false)
    private String origin;

    @Column(updatable = false)
    private UUID enteredBy;

    @Column(updatable = false)
    private Instant enteredAt;

    @Version
    private long version;

    protected Measurement() {
    }

    public Measurement(Objective objective, LocalDate measuredOn, BigDecimal value, String comment, String origin,
            UUID enteredBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = objective.getOrganisationId();
        this.objectiveId = objective.getId();
        this.measuredOn = measuredOn;
        this.measuredValue = value;
        this.commentText = comment == null || comment.isBlank() ? null : comment.strip();
        this.origin = origin;
        this.enteredBy = enteredBy;
        this.enteredAt = now;
    }

    @Override
    public String historyParentId() { return objectiveId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getObjectiveId() { return objectiveId; }
    public LocalDate getMeasuredOn() { return measuredOn; }
    public BigDecimal getMeasuredValue() { return measuredValue; }
    public String getCommentText() { return commentText; }
    public String getOrigin() { return origin; }
    public UUID getEnteredBy() { return enteredBy; }
    public Instant getEnteredAt() { return enteredAt; }
    public long getVersion() { return version; }
}
