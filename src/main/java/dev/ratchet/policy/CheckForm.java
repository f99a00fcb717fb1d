package dev.ratchet.policy;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A recurring compliance check of a policy. */
public class CheckForm implements java.io.Serializable {

    @NotBlank(message = "Say what is checked, such as \"Leavers' accounts disabled within a day\"")
    @Size(max = 200, message = "What is checked can have at most 200 characters")
    private String title;

    @NotBlank(message = "Say how it is checked, such as \"Compare the HR leavers list with the directory\"")
    @Size(max = 2000, message = "The method can have at most 2000 characters")
    private String method;

    @Min(value = 1, message = "Check at least every 12 months and at most every month")
    @Max(value = 12, message = "Check at least every 12 months and at most every month")
    private int frequencyMonths = 3;

    private UUID ownerId;

    @NotNull(message = "Give the date of the first check")
    private LocalDate firstDue;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public int getFrequencyMonths() { return frequencyMonths; }
    public void setFrequencyMonths(int frequencyMonths) { this.frequencyMonths = frequencyMonths; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public LocalDate getFirstDue() { return firstDue; }
    public void setFirstDue(LocalDate firstDue) { this.firstDue = firstDue; }
}
