package dev.ratchet.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A treatment action for a risk: an action in the tracker, with the controls it implements. */
@Schema(name = "RiskTreatmentForm")
public class TreatmentForm implements java.io.Serializable {

    @NotBlank(message = "Say what is to be done")
    @Size(max = 200, message = "The title can have at most 200 characters")
    private String title;

    @Size(max = 4000, message = "The description can have at most 4000 characters")
    private String description;

    @NotNull(message = "Name the action's owner")
    private UUID ownerId;

    @NotNull(message = "Give the due date")
    private LocalDate dueDate;

    @NotBlank(message = "Say how success will be measured")
    @Size(max = 2000, message = "The success criteria can have at most 2000 characters")
    private String successCriteria;

    @Schema(description = "The controls the action implements, as framework:code or a code alone (A.8.13)")
    private List<String> controls = new ArrayList<>();

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public String getSuccessCriteria() { return successCriteria; }
    public void setSuccessCriteria(String successCriteria) { this.successCriteria = successCriteria; }
    public List<String> getControls() { return controls; }
    public void setControls(List<String> controls) { this.controls = controls == null ? new ArrayList<>() : controls; }
}
