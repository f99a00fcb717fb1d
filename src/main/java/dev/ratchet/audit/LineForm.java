package dev.ratchet.audit;

import jakarta.validation.constraints.Size;

/** Recording what was found against one checklist line. */
public class LineForm implements java.io.Serializable {

    private LineResult result;

    @Size(max = 8000, message = "The notes can have at most 8000 characters")
    private String notes;

    @Size(max = 8000, message = "The evidence seen can have at most 8000 characters")
    private String evidenceSeen;

    private Long version;

    public LineResult getResult() { return result; }
    public void setResult(LineResult result) { this.result = result; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getEvidenceSeen() { return evidenceSeen; }
    public void setEvidenceSeen(String evidenceSeen) { this.evidenceSeen = evidenceSeen; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
