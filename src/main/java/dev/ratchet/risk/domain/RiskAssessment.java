package dev.ratchet.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.risk.AssessmentReason;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One dated assessment of a risk, kept as it was: never changed once recorded. */
@Entity
public class RiskAssessment implements OrganisationScoped, dev.ratchet.shared.HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID riskId;

    @Column(updatable = false)
    private LocalDate assessedOn;

    @Column(updatable = false)
    private Instant assessedAt;

    @Column(updatable = false)
    private UUID assessedBy;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AssessmentReason reason;

    @Column(updatable = false)
    private UUID criteriaId;

    @Column(updatable = false)
    private int inherentLikelihood;

    @Column(updatable = false)
    private int inherentImpact;

    @Column(updatable = false)
    private int inherentLevel;

    @Column(updatable = false)
    private int currentLikelihood;

    @Column(updatable = false)
    private int currentImpact;

    @Column(updatable = false)
    private int currentLevel;

    @Column(updatable = false)
    private int targetLevel;

    @Column(updatable = false)
    private String note;

    @Column(updatable = false)
    private UUID basisActionId;

    @Version
    private long version;

    protected RiskAssessment() {
    }

    public RiskAssessment(Risk risk, AssessmentReason reason, Risk.Levels levels, String note, UUID basisActionId, UUID by,
            LocalDate on, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = risk.getOrganisationId();
        this.riskId = risk.getId();
        this.assessedOn = on;
        this.assessedAt = now;
        this.assessedBy = by;
        this.reason = reason;
        this.criteriaId = risk.getCriteriaId();
        this.inherentLikelihood = levels.inherentLikelihood();
        this.inherentImpact = levels.inherentImpact();
        this.inherentLevel = levels.inherentLevel();
        this.currentLikelihood = levels.currentLikelihood();
        this.currentImpact = levels.currentImpact();
        this.currentLevel = levels.currentLevel();
        this.targetLevel = levels.targetLevel();
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.basisActionId = basisActionId;
    }

    @Override
    public String historyParentId() { return riskId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getRiskId() { return riskId; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public Instant getAssessedAt() { return assessedAt; }
    public UUID getAssessedBy() { return assessedBy; }
    public AssessmentReason getReason() { return reason; }
    public UUID getCriteriaId() { return criteriaId; }
    public Risk.Levels levels() {
        return new Risk.Levels(inherentLikelihood, inherentImpact, inherentLevel, currentLikelihood, currentImpact, currentLevel, targetLevel);
    }
    public String getNote() { return note; }
    public UUID getBasisActionId() { return basisActionId; }
}
