package dev.ratchet.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An area or process of the organisation ("IT operations", "HR"), as a form and an API body. */
public class AreaForm implements java.io.Serializable {

    @NotBlank(message = "Give the area a name")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String name;

    @Size(max = 2000, message = "The description can have at most 2000 characters")
    private String description;

    private UUID ownerId;

    @NotNull(message = "Say how much this area matters to information security")
    private AreaRisk risk = AreaRisk.MEDIUM;

    /** The people who work in the area: with the owner, they may not audit it (ISO 27001 9.2, impartiality). */
    private List<UUID> memberIds = new ArrayList<>();

    private Long version;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public AreaRisk getRisk() { return risk; }
    public void setRisk(AreaRisk risk) { this.risk = risk; }
    public List<UUID> getMemberIds() { return memberIds; }
    public void setMemberIds(List<UUID> memberIds) { this.memberIds = memberIds == null ? new ArrayList<>() : memberIds; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
