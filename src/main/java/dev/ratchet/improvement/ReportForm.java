package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Reporting (and later correcting the description of) an improvement record, as a form and an API body. */
public class ReportForm implements java.io.Serializable {

    @NotNull(message = "Say whether this is a nonconformity or an opportunity for improvement")
    private Kind kind = Kind.NONCONFORMITY;

    @NotBlank(message = "Give it a short title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotBlank(message = "Describe what was found: what the requirement is and how it was not met")
    @Size(max = 8000, message = "The description can have at most 8000 characters")
    private String description;

    @NotNull(message = "Say where it came from")
    private Source source = Source.INTERNAL_AUDIT;

    @Size(max = 200, message = "The source reference can have at most 200 characters")
    private String sourceReference;

    private Grade grade;

    private UUID areaId;

    private UUID ownerId;

    private LocalDate targetDate;

    private List<String> requirements = new ArrayList<>();

    @Size(max = 500, message = "Tags can have at most 500 characters together")
    private String tags;

    /**
     * The day it was found, when it is reported later (a record brought over from paper, or entered after the audit):
     * today or earlier, never in the future. Empty means now. Only read when reporting; the history still records when
     * it was entered.
     */
    private LocalDate raisedOn;

    private Long version;

    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public String getSourceReference() { return sourceReference; }
    public void setSourceReference(String sourceReference) { this.sourceReference = sourceReference; }
    public Grade getGrade() { return grade; }
    public void setGrade(Grade grade) { this.grade = grade; }
    public UUID getAreaId() { return areaId; }
    public void setAreaId(UUID areaId) { this.areaId = areaId; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public LocalDate getTargetDate() { return targetDate; }
    public void setTargetDate(LocalDate targetDate) { this.targetDate = targetDate; }
    public List<String> getRequirements() { return requirements; }
    public void setRequirements(List<String> requirements) { this.requirements = requirements == null ? new ArrayList<>() : requirements; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    public LocalDate getRaisedOn() { return raisedOn; }
    public void setRaisedOn(LocalDate raisedOn) { this.raisedOn = raisedOn; }
}
