package dev.ratchet.audit;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Confirming the improvement record a nonconformity or opportunity line raises; Ratchet proposes the text. */
public class FindingForm implements java.io.Serializable {

    @NotBlank(message = "Give the finding a short title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotBlank(message = "Describe the finding: the requirement, what was seen and how it falls short")
    @Size(max = 8000, message = "The description can have at most 8000 characters")
    private String description;

    private UUID areaId;

    private UUID ownerId;

    /** The checklist line's version the finding was confirmed against. */
    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getAreaId() { return areaId; }
    public void setAreaId(UUID areaId) { this.areaId = areaId; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
