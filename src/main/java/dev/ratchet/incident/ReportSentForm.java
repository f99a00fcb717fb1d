package dev.ratchet.incident;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/** That a report went to the authority: when, and a note (the authority's reference, the channel used). */
public class ReportSentForm implements java.io.Serializable {

    @NotNull(message = "Say when the report was sent")
    private OffsetDateTime sentAt;

    @Size(max = 2000, message = "A note has at most 2000 characters")
    private String note;

    @NotNull(message = "Say which version of the report you saw (its version field)")
    private Long version;

    public OffsetDateTime getSentAt() { return sentAt; }
    public void setSentAt(OffsetDateTime sentAt) { this.sentAt = sentAt; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
