package dev.ratchet.change;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A planned change to the ISMS, as a form and an API body. */
public class ChangeForm implements java.io.Serializable {

    @NotBlank(message = "Say what changes, such as \"Move backups to a second region\"")
    @Size(max = 200, message = "The change can have at most 200 characters")
    private String title;

    @NotBlank(message = "Say why the change is made")
    @Size(max = 4000, message = "The reason can have at most 4000 characters")
    private String reason;

    @NotBlank(message = "Describe the impact on the ISMS: policies, controls, risks, people, documents affected")
    @Size(max = 4000, message = "The impact can have at most 4000 characters")
    private String impact;

    @NotNull(message = "Give the planned date")
    private LocalDate plannedDate;

    private UUID approverId;

    /** The improvement record (NC-2026-003) or management review decision the change comes from. */
    @Size(max = 60, message = "The cause can have at most 60 characters")
    private String causeReference;

    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getImpact() { return impact; }
    public void setImpact(String impact) { this.impact = impact; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public void setPlannedDate(LocalDate plannedDate) { this.plannedDate = plannedDate; }
    public UUID getApproverId() { return approverId; }
    public void setApproverId(UUID approverId) { this.approverId = approverId; }
    public String getCauseReference() { return causeReference; }
    public void setCauseReference(String causeReference) { this.causeReference = causeReference; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
