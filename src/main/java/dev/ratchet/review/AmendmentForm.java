package dev.ratchet.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction to approved minutes, recorded beside them rather than in them. */
public class AmendmentForm implements java.io.Serializable {

    @NotBlank(message = "Write the correction, such as \"Decision 2's deadline is 30 June, not 30 May\"")
    @Size(max = 4000, message = "The correction can have at most 4000 characters")
    private String correction;

    @NotBlank(message = "Say why the minutes are corrected")
    @Size(max = 4000, message = "The reason can have at most 4000 characters")
    private String reason;

    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
