package dev.ratchet.obligation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The periodic review of an obligation: does it still apply as recorded, do we comply, and when next. */
public class ObligationReviewForm implements java.io.Serializable {

    @NotBlank(message = "Write what the review found")
    @Size(max = 4000, message = "The note can have at most 4000 characters")
    private String note;

    @NotNull(message = "Give the date of the next review")
    private LocalDate nextReviewDate;

    private Long version;

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public LocalDate getNextReviewDate() { return nextReviewDate; }
    public void setNextReviewDate(LocalDate nextReviewDate) { this.nextReviewDate = nextReviewDate; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
