package dev.ratchet.improvement;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Raising a nonconformity or opportunity from another record (an incident, an objective off target): the other
 * module proposes the text, the person confirms or corrects it.
 */
public class RaiseForm implements java.io.Serializable {

    @NotNull(message = "Say whether this is a nonconformity or an opportunity for improvement")
    private Kind kind = Kind.NONCONFORMITY;

    private Grade grade;

    @NotBlank(message = "Give it a short title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotBlank(message = "Describe what was found")
    @Size(max = 8000, message = "The description can have at most 8000 characters")
    private String description;

    private UUID areaId;

    private UUID ownerId;

    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Grade getGrade() { return grade; }
    public void setGrade(Grade grade) { this.grade = grade; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getAreaId() { return areaId; }
    public void setAreaId(UUID areaId) { this.areaId = areaId; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
}
