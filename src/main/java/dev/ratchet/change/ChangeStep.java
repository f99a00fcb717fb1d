package dev.ratchet.change;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of a change: APPROVE, REJECT (with the reason), IMPLEMENT, REVIEW (with the review's finding). */
public class ChangeStep {

    public enum Step { APPROVE, REJECT, IMPLEMENT, REVIEW }

    @NotNull(message = "Say which step to take")
    private Step step;

    @Size(max = 4000, message = "The text can have at most 4000 characters")
    private String text;

    private Long version;

    public Step getStep() { return step; }
    public void setStep(Step step) { this.step = step; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
