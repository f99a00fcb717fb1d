package dev.ratchet.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The yearly review of an objective: is it still right, is its target, and what was learnt. */
public class ReviewForm implements java.io.Serializable {

    @NotNull(message = "Say what the review decided")
    private ReviewOutcome outcome = ReviewOutcome.KEEP;

    @NotBlank(message = "Write the review's conclusion: is the objective still relevant, was it met, what changes")
    @Size(max = 4000, message = "The conclusion can have at most 4000 characters")
    private String conclusion;

    private Long version;

    public ReviewOutcome getOutcome() { return outcome; }
    public void setOutcome(ReviewOutcome outcome) { this.outcome = outcome; }
    public String getConclusion() { return conclusion; }
    public void setConclusion(String conclusion) { this.conclusion = conclusion; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
