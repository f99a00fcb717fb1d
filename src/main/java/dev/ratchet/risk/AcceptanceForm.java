package dev.ratchet.risk;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Accepting a risk's residual level: why, and until when. */
@Schema(name = "RiskAcceptanceForm")
public class AcceptanceForm implements java.io.Serializable {

    @NotBlank(message = "Say why the residual risk is acceptable")
    @Size(max = 4000, message = "The rationale can have at most 4000 characters")
    private String rationale;

    @NotNull(message = "Give the date the acceptance ends; it is reviewed before then")
    private LocalDate expiresOn;

    @Schema(description = "The risk's version")
    private Long version;

    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
