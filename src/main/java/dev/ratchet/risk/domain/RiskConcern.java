package dev.ratchet.risk.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A record of the improvement loop that concerns a risk, and the re-assessment it asked of the risk owner. */
@Entity
public class RiskConcern implements OrganisationScoped, dev.ratchet.shared.HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID riskId;

    @Column(updatable = false)
    private String recordType;

    @Column(updatable = false)
    private UUID recordId;

    @Column(updatable = false)
    private String recordReference;

    @Column(updatable = false)
    private String recordTitle;

    @Column(updatable = false)
    private UUID requestedBy;

    @Column(updatable = false)
    private Instant requestedAt;

    private UUID actionId;

    @Version
    private long version;

    protected RiskConcern() {
    }

    public RiskConcern(Risk risk, String recordType, UUID recordId, String recordReference, String recordTitle, UUID by, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = risk.getOrganisationId();
        this.riskId = risk.getId();
        this.recordType = recordType;
        this.recordId = recordId;
        this.recordReference = recordReference;
        this.recordTitle = recordTitle;
        this.requestedBy = by;
        this.requestedAt = now;
    }

    public void asked(UUID actionId) {
        this.actionId = actionId;
    }

    @Override
    public String historyParentId() { return riskId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getRiskId() { return riskId; }
    public String getRecordType() { return recordType; }
    public UUID getRecordId() { return recordId; }
    public String getRecordReference() { return recordReference; }
    public String getRecordTitle() { return recordTitle; }
    public UUID getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public UUID getActionId() { return actionId; }
}
