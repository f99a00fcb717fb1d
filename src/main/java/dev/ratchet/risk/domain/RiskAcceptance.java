package dev.ratchet.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.risk.AcceptanceStatus;
import dev.ratchet.risk.AcceptedBy;
import dev.ratchet.risk.Treatment;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The acceptance of a risk's residual level by the person the acceptance criteria require, with the rationale and an
 * expiry. It keeps what was accepted (level, treatment, owner), so that a change to any of them ends it.
 */
@Entity
public class RiskAcceptance implements OrganisationScoped, dev.ratchet.shared.HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID riskId;

    @Column(updatable = false)
    private UUID acceptedBy;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AcceptedBy acceptedAs;

    @Column(updatable = false)
    private Instant acceptedAt;

    @Column(updatable = false)
    private String rationale;

    @Column(updatable = false)
    private LocalDate expiresOn;

    @Column(updatable = false)
    private int acceptedLevel;

    @Column(updatable = false)
    private String levelName;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Treatment treatment;

    @Column(updatable = false)
    private UUID ownerId;

    @Enumerated(EnumType.STRING)
    private AcceptanceStatus status;

    private Instant endedAt;

    private String endReason;

    @Version
    private long version;

    protected RiskAcceptance() {
    }

    public RiskAcceptance(Risk risk, String levelName, UUID by, AcceptedBy as, String rationale, LocalDate expiresOn, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = risk.getOrganisationId();
        this.riskId = risk.getId();
        this.acceptedBy = by;
        this.acceptedAs = as;
        this.acceptedAt = now;
        this.rationale = rationale.strip();
        this.expiresOn = expiresOn;
        this.acceptedLevel = risk.getCurrentLevel();
        this.levelName = levelName;
        this.treatment = risk.getTreatment();
        this.ownerId = risk.getOwnerId();
        this.status = AcceptanceStatus.ACTIVE;
    }

    public void withdraw(String reason, Instant now) {
        end(AcceptanceStatus.WITHDRAWN, reason, now);
    }

    public void expire(Instant now) {
        end(AcceptanceStatus.EXPIRED, "Expired on " + expiresOn, now);
    }

    private void end(AcceptanceStatus to, String reason, Instant now) {
        if (status != AcceptanceStatus.ACTIVE) {
            throw Refused.conflict("The acceptance is " + status.label().toLowerCase(java.util.Locale.ROOT) + " already");
        }
        this.status = to;
        this.endReason = reason;
        this.endedAt = now;
    }

    @Override
    public String historyParentId() { return riskId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getRiskId() { return riskId; }
    public UUID getAcceptedBy() { return acceptedBy; }
    public AcceptedBy getAcceptedAs() { return acceptedAs; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public String getRationale() { return rationale; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public int getAcceptedLevel() { return acceptedLevel; }
    public String getLevelName() { return levelName; }
    public Treatment getTreatment() { return treatment; }
    public UUID getOwnerId() { return ownerId; }
    public AcceptanceStatus getStatus() { return status; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndReason() { return endReason; }
    public long getVersion() { return version; }
}
