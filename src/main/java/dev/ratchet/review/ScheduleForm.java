package dev.ratchet.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Scheduling a review. */
public class ScheduleForm implements java.io.Serializable {

    @NotBlank(message = "Give the review a title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotNull(message = "Give the date of the meeting")
    private LocalDate plannedDate;

    /**
     * Where the first review's period starts, for an organisation that adopts Ratchet mid-year and reviews its whole
     * year; empty means the day the organisation was created. Later reviews start the day after the last one.
     */
    private LocalDate periodFrom;

    public LocalDate getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(LocalDate periodFrom) { this.periodFrom = periodFrom; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public void setPlannedDate(LocalDate plannedDate) { this.plannedDate = plannedDate; }
}
