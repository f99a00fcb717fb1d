package dev.ratchet.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.ratchet.risk.RiskStatus;
import dev.ratchet.risk.Treatment;
import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A risk of the register: the scenario (what could happen, through which weakness, with what consequence), who owns
 * it, its levels as last assessed (inherent, current, target), the treatment chosen and whether its residual level is
 * accepted. Levels change only through an assessment ({@link #assessed}), which the service keeps as a dated entry.
 */
@Entity
public class Risk implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    private String threat;

    private String vulnerability;

    private String consequence;

    private String assets;

    private UUID areaId;

    private UUID ownerId;

    private String category;

    /** The requirements and controls concerned as history shows them; {@link #requirementIndex} mirrors them for filtering. */
    private String requirements;

    @ElementCollection
    @CollectionTable(name = "risk_requirement", joinColumns = @JoinColumn(name = "risk_id"))
    @Column(name = "requirement")
    @HistoryIgnored
    private Set<String> requirementIndex = new HashSet<>();

    private String existingControls;

    private UUID criteriaId;

    private int inherentLikelihood;

    private int inherentImpact;

    private int inherentLevel;

    private int currentLikelihood;

    private int currentImpact;

    private int currentLevel;

    private int targetLevel;

    @Enumerated(EnumType.STRING)
    private Treatment treatment;

    @Enumerated(EnumType.STRING)
    private RiskStatus status;

    private LocalDate assessedOn;

    private LocalDate nextAssessmentDue;

    private String closedReason;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Risk() {
    }

    public Risk(UUID organisationId, String reference, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.status = RiskStatus.OPEN;
        this.createdAt = now;
    }

    /** What the risk is and who owns it; says whether the owner or the treatment changed (an acceptance then ends). */
    public boolean describe(String title, String threat, String vulnerability, String consequence, String assets, UUID areaId,
            UUID ownerId, String category, Collection<String> requirements, String existingControls, Treatment treatment) {
        requireOpen();
        boolean acceptanceAffected = (this.ownerId != null && !this.ownerId.equals(ownerId))
                || (this.treatment != null && this.treatment != treatment);
        this.title = title.strip();
        this.threat = threat.strip();
        this.vulnerability = blankToNull(vulnerability);
        this.consequence = consequence.strip();
        this.assets = blankToNull(assets);
        this.areaId = areaId;
        this.ownerId = ownerId;
        this.category = blankToNull(category);
        Set<String> refs = new TreeSet<>(requirements);
        this.requirements = refs.isEmpty() ? null : String.join(",", refs);
        this.requirementIndex.clear();
        this.requirementIndex.addAll(refs);
        this.existingControls = blankToNull(existingControls);
        this.treatment = treatment;
        return acceptanceAffected;
    }

    /** Takes the result of an assessment; says whether the current level changed (an acceptance then ends). */
    public boolean assessed(UUID criteriaId, Levels levels, LocalDate on, LocalDate nextDue) {
        requireOpen();
        boolean levelChanged = this.criteriaId != null && (this.currentLevel != levels.currentLevel() || !this.criteriaId.equals(criteriaId));
        this.criteriaId = criteriaId;
        this.inherentLikelihood = levels.inherentLikelihood();
        this.inherentImpact = levels.inherentImpact();
        this.inherentLevel = levels.inherentLevel();
        this.currentLikelihood = levels.currentLikelihood();
        this.currentImpact = levels.currentImpact();
        this.currentLevel = levels.currentLevel();
        this.targetLevel = levels.targetLevel();
        this.assessedOn = on;
        this.nextAssessmentDue = nextDue;
        return levelChanged;
    }

    public void accepted() {
        requireOpen();
        this.status = RiskStatus.ACCEPTED;
    }

    /** The acceptance ended (withdrawn or expired): the risk is open again. */
    public void acceptanceEnded() {
        if (status == RiskStatus.ACCEPTED) {
            this.status = RiskStatus.OPEN;
        }
    }

    public void close(String reason) {
        if (status == RiskStatus.CLOSED) {
            throw Refused.conflict(reference + " is closed already");
        }
        this.status = RiskStatus.CLOSED;
        this.closedReason = reason.strip();
    }

    public void reopen() {
        if (status != RiskStatus.CLOSED) {
            throw Refused.conflict(reference + " is not closed");
        }
        this.status = RiskStatus.OPEN;
        this.closedReason = null;
    }

    private void requireOpen() {
        if (status == RiskStatus.CLOSED) {
            throw Refused.conflict(reference + " is closed: reopen it to change or assess it");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The likelihoods, impacts and levels of one assessment, levels as indexes into the criteria's levels. */
    public record Levels(int inherentLikelihood, int inherentImpact, int inherentLevel, int currentLikelihood, int currentImpact,
            int currentLevel, int targetLevel) {
    }

    public Levels levels() {
        return new Levels(inherentLikelihood, inherentImpact, inherentLevel, currentLikelihood, currentImpact, currentLevel, targetLevel);
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getThreat() { return threat; }
    public String getVulnerability() { return vulnerability; }
    public String getConsequence() { return consequence; }
    public String getAssets() { return assets; }
    public UUID getAreaId() { return areaId; }
    public UUID getOwnerId() { return ownerId; }
    public String getCategory() { return category; }
    public List<String> getRequirements() { return requirements == null ? List.of() : List.of(requirements.split(",")); }
    public String getExistingControls() { return existingControls; }
    public UUID getCriteriaId() { return criteriaId; }
    public int getCurrentLevel() { return currentLevel; }
    public int getTargetLevel() { return targetLevel; }
    public Treatment getTreatment() { return treatment; }
    public RiskStatus getStatus() { return status; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public LocalDate getNextAssessmentDue() { return nextAssessmentDue; }
    public String getClosedReason() { return closedReason; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
