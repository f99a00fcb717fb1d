package dev.ratchet.policy;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The result of a compliance check; a failure raises a nonconformity. */
public class ResultForm implements java.io.Serializable {

    @NotNull(message = "Give the date of the check")
    private LocalDate checkedOn;

    @NotNull(message = "Say whether the check passed")
    private Boolean passed;

    @Size(max = 4000, message = "The notes can have at most 4000 characters")
    private String notes;

    public LocalDate getCheckedOn() { return checkedOn; }
    public void setCheckedOn(LocalDate checkedOn) { this.checkedOn = checkedOn; }
    public Boolean getPassed() { return passed; }
    public void setPassed(Boolean passed) { this.passed = passed; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}
