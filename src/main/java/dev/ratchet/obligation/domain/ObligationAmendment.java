package dev.ratchet.obligation.domain;

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

/** A change to an obligation with its effective date and impact assessment. */
@Entity
@Table(name = "obligation_change")
public class ObligationAmendment implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID obligationId;

    @Column(updatable = false)
    private LocalDate effectiveDate;

    @Column(updatable = false)
    private String summary;

    @Column(updatable = false)
    private String impactAssessment;

    @Column(updatable = false)
    private UUID recordedBy;

    @Column(updatable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected ObligationAmendment() {
    }

    public ObligationAmendment(Obligation obligation, LocalDate effectiveDate, String summary, String impactAssessment,
            UUID recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = obligation.getOrganisationId();
        this.obligationId = obligation.getId();
        this.effectiveDate = effectiveDate;
        this.summary = summary.strip();
        this.impactAssessment = impactAssessment.strip();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    @Override
    public String historyParentId() { return obligationId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getObligationId() { return obligationId; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public String getSummary() { return summary; }
    public String getImpactAssessment() { return impactAssessment; }
    public UUID getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public long getVersion() { return version; }
}
