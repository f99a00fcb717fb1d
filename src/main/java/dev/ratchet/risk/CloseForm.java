package dev.ratchet.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Closing a risk (it no longer exists, or it was avoided), or withdrawing an acceptance: why. */
@Schema(name = "RiskReasonForm")
public class CloseForm implements java.io.Serializable {

    @NotBlank(message = "Say why")
    @Size(max = 2000, message = "This can have at most 2000 characters")
    private String reason;

    private Long version;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
