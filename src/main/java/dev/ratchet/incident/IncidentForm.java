package dev.ratchet.incident;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An incident as a form and an API body; times are local to the organisation's time zone. */
public class IncidentForm implements java.io.Serializable {

    @NotBlank(message = "Give the incident a short title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    private OffsetDateTime occurredAt;

    @NotNull(message = "Say when it was detected")
    private OffsetDateTime detectedAt;

    private OffsetDateTime resolvedAt;

    @NotNull(message = "Choose a category")
    private Category category = Category.OTHER;

    @NotNull(message = "Choose a severity")
    private Severity severity = Severity.MEDIUM;

    @Size(max = 2000, message = "The affected assets can have at most 2000 characters")
    private String affectedAssets;

    private List<UUID> areaIds = new ArrayList<>();

    @NotBlank(message = "Summarise what happened")
    @Size(max = 8000, message = "The summary can have at most 8000 characters")
    private String summary;

    @Size(max = 8000, message = "The response can have at most 8000 characters")
    private String response;

    @Size(max = 8000, message = "The lessons learned can have at most 8000 characters")
    private String lessonsLearned;

    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(OffsetDateTime occurredAt) { this.occurredAt = occurredAt; }
    public OffsetDateTime getDetectedAt() { return detectedAt; }
    public void setDetectedAt(OffsetDateTime detectedAt) { this.detectedAt = detectedAt; }
    public OffsetDateTime getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(OffsetDateTime resolvedAt) { this.resolvedAt = resolvedAt; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public String getAffectedAssets() { return affectedAssets; }
    public void setAffectedAssets(String affectedAssets) { this.affectedAssets = affectedAssets; }
    public List<UUID> getAreaIds() { return areaIds; }
    public void setAreaIds(List<UUID> areaIds) { this.areaIds = areaIds == null ? new ArrayList<>() : areaIds; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getResponse() { return response; }
    public void setResponse(String response) { this.response = response; }
    public String getLessonsLearned() { return lessonsLearned; }
    public void setLessonsLearned(String lessonsLearned) { this.lessonsLearned = lessonsLearned; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
