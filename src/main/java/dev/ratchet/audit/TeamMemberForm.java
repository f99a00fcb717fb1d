package dev.ratchet.audit;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/** Adding an auditor to an audit's team: a member of the organisation, or a named external auditor. */
public class TeamMemberForm implements java.io.Serializable {

    private UUID userId;

    @Size(max = 200, message = "A name can have at most 200 characters")
    private String externalName;

    @Size(max = 200, message = "The organisation can have at most 200 characters")
    private String externalOrganisation;

    private boolean lead;

    /** Why an auditor audits an area they own or work in, where the organisation allows it. */
    @Size(max = 2000, message = "The justification can have at most 2000 characters")
    private String justification;

    /** The audit's version the change was made against. */
    private Long version;

    public UUID getUserId() { return userId; }
    public void setUserId(UUID userId) { this.userId = userId; }
    public String getExternalName() { return externalName; }
    public void setExternalName(String externalName) { this.externalName = externalName; }
    public String getExternalOrganisation() { return externalOrganisation; }
    public void setExternalOrganisation(String externalOrganisation) { this.externalOrganisation = externalOrganisation; }
    public boolean isLead() { return lead; }
    public void setLead(boolean lead) { this.lead = lead; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
