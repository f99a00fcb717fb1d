package dev.ratchet.obligation;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An obligation as a form and an API body. */
public class ObligationForm implements java.io.Serializable {

    @NotBlank(message = "Name the obligation, such as \"GDPR breach notification\"")
    @Size(max = 200, message = "The name can have at most 200 characters")
    private String name;

    @NotNull(message = "Choose the type")
    private ObligationType type = ObligationType.LEGAL;

    @Size(max = 100, message = "The jurisdiction can have at most 100 characters")
    private String jurisdiction;

    @NotBlank(message = "Name the source, such as \"Regulation (EU) 2016/679, Art. 33\"")
    @Size(max = 500, message = "The source can have at most 500 characters")
    private String source;

    @NotBlank(message = "Say how it applies to the organisation")
    @Size(max = 4000, message = "This can have at most 4000 characters")
    private String howItApplies;

    private UUID ownerId;

    @NotNull(message = "Give the date of the next review")
    private LocalDate nextReviewDate;

    @io.swagger.v3.oas.annotations.media.Schema(description = "The controls and requirements it calls for, as framework:code or a code alone (A.5.34)")
    private java.util.List<String> requirements = new java.util.ArrayList<>();

    private Long version;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ObligationType getType() { return type; }
    public void setType(ObligationType type) { this.type = type; }
    public String getJurisdiction() { return jurisdiction; }
    public void setJurisdiction(String jurisdiction) { this.jurisdiction = jurisdiction; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getHowItApplies() { return howItApplies; }
    public void setHowItApplies(String howItApplies) { this.howItApplies = howItApplies; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public LocalDate getNextReviewDate() { return nextReviewDate; }
    public void setNextReviewDate(LocalDate nextReviewDate) { this.nextReviewDate = nextReviewDate; }
    public java.util.List<String> getRequirements() { return requirements; }
    public void setRequirements(java.util.List<String> requirements) { this.requirements = requirements == null ? new java.util.ArrayList<>() : requirements; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
