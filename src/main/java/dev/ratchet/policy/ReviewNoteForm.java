package dev.ratchet.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The conclusion of a periodic policy review that keeps the version in force. */
public class ReviewNoteForm implements java.io.Serializable {

    @NotBlank(message = "Write what the review concluded, such as \"Still accurate after the October reorganisation\"")
    @Size(max = 2000, message = "The conclusion can have at most 2000 characters")
    private String note;

    private Long version;

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
