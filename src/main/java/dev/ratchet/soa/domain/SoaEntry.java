package dev.ratchet.soa.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.soa.ImplementationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** What the organisation decided about one control. */
@Entity
public class SoaEntry implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String requirement;

    private Boolean applicable;

    private String otherReasons;

    private String exclusionJustification;

    @Enumerated(EnumType.STRING)
    private ImplementationStatus status;

    private String implementation;

    private UUID ownerId;

    private String policyIds;

    private Integer evidenceValidMonths;

    private Instant updatedAt;

    @Version
    private long version;

    protected SoaEntry() {
    }

    public SoaEntry(UUID organisationId, String requirement) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.requirement = requirement;
        this.status = ImplementationStatus.NOT_STARTED;
    }

    public void decide(Boolean applicable, String otherReasons, String exclusionJustification, ImplementationStatus status,
            String implementation, UUID ownerId, Collection<UUID> policyIds, Integer evidenceValidMonths, Instant now) {
        this.applicable = applicable;
        this.otherReasons = blankToNull(otherReasons);
        this.exclusionJustification = Boolean.FALSE.equals(applicable) ? blankToNull(exclusionJustification) : null;
        this.status = status == null ? ImplementationStatus.NOT_STARTED : status;
        this.implementation = blankToNull(implementation);
        this.ownerId = ownerId;
        this.policyIds = policyIds.isEmpty() ? null : String.join(",", policyIds.stream().map(UUID::toString).sorted().toList());
        this.evidenceValidMonths = evidenceValidMonths;
        this.updatedAt = now;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getRequirement() { return requirement; }
    public Boolean getApplicable() { return applicable; }
    public String getOtherReasons() { return otherReasons; }
    public String getExclusionJustification() { return exclusionJustification; }
    public ImplementationStatus getStatus() { return status; }
    public String getImplementation() { return implementation; }
    public UUID getOwnerId() { return ownerId; }
    public List<UUID> getPolicyIds() { return policyIds == null ? List.of() : java.util.Arrays.stream(policyIds.split(",")).map(UUID::fromString).toList(); }
    public Integer getEvidenceValidMonths() { return evidenceValidMonths; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
