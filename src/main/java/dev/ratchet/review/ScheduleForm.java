package dev.ratchet.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Scheduling a review. */
public class ScheduleForm {

    @NotBlank(message = "Give the review a title")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotNull(message = "Give the date of the meeting")
    private LocalDate plannedDate;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public void setPlannedDate(LocalDate plannedDate) { this.plannedDate = plannedDate; }
}
