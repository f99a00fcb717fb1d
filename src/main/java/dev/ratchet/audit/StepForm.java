package dev.ratchet.audit;

import jakarta.validation.constraints.Size;

/** Moving an audit on: starting, reporting (with the conclusion), closing, cancelling (with the reason). */
public class StepForm implements java.io.Serializable {

    @Size(max = 8000, message = "The text can have at most 8000 characters")
    private String text;

    private Long version;

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
