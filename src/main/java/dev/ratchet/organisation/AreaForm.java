package dev.ratchet.organisation;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An area or process of the organisation ("IT operations", "HR"), as a form and an API body. */
public class AreaForm {

    @NotBlank(message = "Give the area a name")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String name;

    @Size(max = 2000, message = "The description can have at most 2000 characters")
    private String description;

    private UUID ownerId;

    private Long version;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
