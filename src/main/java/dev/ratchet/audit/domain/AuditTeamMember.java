package dev.ratchet.audit.domain;

import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An auditor on an audit's team: a member of the organisation or a named external auditor. */
@Entity
public class AuditTeamMember implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID auditId;

    @Column(updatable = false)
    private UUID userId;

    @Column(updatable = false)
    private String externalName;

    @Column(updatable = false)
    private String externalOrganisation;

    private boolean lead;

    /** Why this auditor audits an area they own or work in; shown in the report. */
    private String overrideJustification;

    @Version
    private long version;

    protected AuditTeamMember() {
    }

    public AuditTeamMember(Audit audit, UUID userId, String externalName, String externalOrganisation, boolean lead,
            String overrideJustification) {
        this.id = UUID.randomUUID();
        this.organisationId = audit.getOrganisationId();
        this.auditId = audit.getId();
        this.userId = userId;
        this.externalName = externalName;
        this.externalOrganisation = externalOrganisation;
        this.lead = lead;
        this.overrideJustification = overrideJustification;
    }

    public void lead(boolean lead) {
        this.lead = lead;
    }

    public void justify(String justification) {
        this.overrideJustification = justification;
    }

    @Override
    public String historyParentId() { return auditId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getAuditId() { return auditId; }
    public UUID getUserId() { return userId; }
    public String getExternalName() { return externalName; }
    public String getExternalOrganisation() { return externalOrganisation; }
    public boolean isLead() { return lead; }
    public String getOverrideJustification() { return overrideJustification; }
    public long getVersion() { return version; }
}
