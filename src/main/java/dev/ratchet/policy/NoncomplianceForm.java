package dev.ratchet.policy;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A deviation from a policy found outside an audit. */
public class NoncomplianceForm implements java.io.Serializable {

    @NotBlank(message = "Describe what was not done as the policy says")
    @Size(max = 4000, message = "The description can have at most 4000 characters")
    private String description;

    @NotNull(message = "Give the date it was found")
    private LocalDate foundOn;

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getFoundOn() { return foundOn; }
    public void setFoundOn(LocalDate foundOn) { this.foundOn = foundOn; }
}
