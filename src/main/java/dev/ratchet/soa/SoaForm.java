package dev.ratchet.soa;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The decision on one control, as a form and an API body. */
@Schema(name = "SoaForm")
public class SoaForm implements java.io.Serializable {

    @Schema(description = "Whether the control applies; required")
    private Boolean applicable;

    @Size(max = 2000, message = "This can have at most 2000 characters")
    @Schema(description = "Reasons for including the control besides the linked records: contracts, business reasons")
    private String otherReasons;

    @Size(max = 2000, message = "This can have at most 2000 characters")
    @Schema(description = "Why the control is excluded; required when it is")
    private String exclusionJustification;

    private ImplementationStatus status = ImplementationStatus.NOT_STARTED;

    @Size(max = 4000, message = "This can have at most 4000 characters")
    private String implementation;

    private UUID ownerId;

    private List<UUID> policyIds = new ArrayList<>();

    @Min(value = 1, message = "Give the validity in months, from 1 to 60")
    @Max(value = 60, message = "Give the validity in months, from 1 to 60")
    @Schema(description = "Months after its evidence date that a file of evidence is current; empty: it does not go stale")
    private Integer evidenceValidMonths;

    @Schema(description = "The entry's version; 0 when the control was never decided")
    private Long version;

    public Boolean getApplicable() { return applicable; }
    public void setApplicable(Boolean applicable) { this.applicable = applicable; }
    public String getOtherReasons() { return otherReasons; }
    public void setOtherReasons(String otherReasons) { this.otherReasons = otherReasons; }
    public String getExclusionJustification() { return exclusionJustification; }
    public void setExclusionJustification(String exclusionJustification) { this.exclusionJustification = exclusionJustification; }
    public ImplementationStatus getStatus() { return status; }
    public void setStatus(ImplementationStatus status) { this.status = status; }
    public String getImplementation() { return implementation; }
    public void setImplementation(String implementation) { this.implementation = implementation; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public List<UUID> getPolicyIds() { return policyIds; }
    public void setPolicyIds(List<UUID> policyIds) { this.policyIds = policyIds == null ? new ArrayList<>() : policyIds; }
    public Integer getEvidenceValidMonths() { return evidenceValidMonths; }
    public void setEvidenceValidMonths(Integer evidenceValidMonths) { this.evidenceValidMonths = evidenceValidMonths; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
